import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDomains } from '../../src/core/domains';
import { buildIndex } from '../../src/core/indexer';
import { renderReference } from '../../src/core/render';
import { makeQuestion } from './fixtures/question';

const CONTENT = join(__dirname, '../../content');

describe('code blocks whose fence the bank never closed', () => {
  it('are flagged in the bundled banks: only the retail question of the VR bank (bank 000), which stops mid-statement', () => {
    const domains = loadDomains(JSON.parse(readFileSync(join(CONTENT, 'domains.json'), 'utf8')));
    const files = readdirSync(CONTENT).filter((name) => name.endsWith('.md'));
    const index = buildIndex(files.map((file) => ({ file, bytes: readFileSync(join(CONTENT, file)) })), domains);
    const flagged = index.questions.flatMap((question) =>
      question.code.filter((block) => block.truncated).map((block) => ({ question, block })),
    );
    assert.equal(flagged.length, 1, flagged.map(({ question }) => question.title).join(', '));
    const [{ question, block }] = flagged;
    assert.deepEqual([question.document, question.number], ['vr-startup-opportunities.md', 17]);
    assert.ok(block.source.endsWith('tfp.privacy.loops.R'), block.source.slice(-60));
    // The parser's warning (the CLI prints it) is still there.
    assert.ok(index.diagnostics.some((d) => d.file === 'vr-startup-opportunities.md' && d.line === 638 && d.severity === 'warning'));
  });

  it('carry a notice under the cut-off block only, in the language of the labels', () => {
    const question = makeQuestion({
      id: 'bank/0001',
      code: [
        { lang: 'python', source: 'x = 1' },
        { lang: 'python', source: 'return loss + tfp.privacy.loops.R', truncated: true },
      ],
    });
    const html = renderReference(question);
    assert.equal(html.match(/dojo-code-truncated/g)?.length, 1, html);
    assert.match(
      html,
      /tfp\.privacy\.loops\.R<\/code><\/pre>\n<p class="dojo-code-truncated" role="note">The source of this code block is cut off\.<\/p>/,
    );
    const labels = {
      answer: '答案', code: '参考代码', analysis: '解析', noReference: '无', truncatedCode: '此代码块的源码不完整 <截断>',
    };
    assert.ok(renderReference(question, labels).includes('>此代码块的源码不完整 &lt;截断&gt;</p>'));
  });
});
