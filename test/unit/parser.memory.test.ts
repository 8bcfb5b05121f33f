import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseBank, type ParsedBank } from '../../src/core/parser';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A bank of a few short questions (each string longer than the 13 characters below which V8 copies a slice) after a long introduction (two-byte text, 16 MiB). */
function bankText(): string {
  const introduction = `# 题库\n\n${'这是一段很长的介绍文字，与任何问题无关。\n'.repeat(400_000)}\n`;
  const question = (n: number) =>
    `### ${n}. 第${n}个问题的标题比十三个字符更长\n\n**答案：** 第${n}个答案也比十三个字符更长\n\n\`\`\`python\nprint("第${n}个问题的参考代码")\n\`\`\`\n\n**解析：** 第${n}个解析也比十三个字符更长\n`;
  return introduction + [1, 2, 3].map(question).join('\n');
}

describe('parseBank memory', function () {
  this.timeout(60_000);

  it('keeps none of the file’s text beyond what its questions use', () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let text: string | undefined = bankText();
    const parsed: ParsedBank = parseBank('bank.md', text);
    text = undefined;
    // V8 keeps the last regular expression's subject (`RegExp.input`): one more match releases the file's text there.
    /x/.test('x');
    collectGarbage();
    const retained = process.memoryUsage().heapUsed - before;
    assert.equal(parsed.questions.length, 3);
    assert.deepEqual(parsed.questions[1].code, [{ lang: 'python', source: 'print("第2个问题的参考代码")' }]);
    assert.equal(parsed.title, '题库');
    assert.ok(retained < 4 * 2 ** 20, `${(retained / 2 ** 20).toFixed(1)} MiB retained`);
  });
});
