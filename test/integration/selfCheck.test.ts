// The self-check in the real host and webview: after Reveal the panel scores the attempt against the reference
// answer's key points (the plans the extension sends, the scoring in the webview), lists the missed points first,
// highlights the matched terms, marks the suggested grade, and says when there is no reference answer to check.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoContext } from '../../src/context';
import { GRADE } from '../../src/core/review/grades';
import type { CheckShown } from '../../src/webview/protocol';
import type { PracticeViewController } from '../../src/webview/practiceView';
import { closeAll, dojo, once, rendered, setExtraBanks, until, workspaceFolder } from './helpers';

const RENDER_MS = 45_000;
const LORA = 'What does LoRA change when fine-tuning a large model?';
const CODE_ONLY = 'Write a function that reverses a singly linked list.';
const ANSWER = [
  '1. **Low-rank adapters**: LoRA freezes the pretrained weights and trains two small low-rank matrices per layer.',
  '2. **Memory**: only the adapter parameters need optimizer state, so GPU memory drops sharply.',
  '3. **Merging**: after training the adapters are merged into the base weights, so inference latency does not change.',
].join('\n');
const BANK = `# Self-check bank

### 1. ${LORA}

**Answer:**

${ANSWER}

### 2. ${CODE_ONLY}

**Answer:**

\`\`\`python
def reverse(head):
    previous = None
    while head:
        head.next, previous, head = previous, head, head.next
    return previous
\`\`\`
`;

describe('The self-check after Reveal', function () {
  this.timeout(4 * RENDER_MS);
  let ctx: DojoContext;
  let view: PracticeViewController;
  let folder: vscode.Uri;
  const folderName = `dojo-self-check-bank-${Date.now()}`;
  const byTitle = (title: string) => ctx.library.practiceItems.find((q) => q.title === title);

  before(async () => {
    ({ ctx } = await dojo());
    view = ctx.practice as PracticeViewController;
    folder = workspaceFolder(folderName);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'self-check.md'), new TextEncoder().encode(BANK));
    await setExtraBanks([folderName]);
    await until(() => byTitle(LORA) !== undefined && byTitle(CODE_ONLY) !== undefined, 'the self-check bank to load');
    closeAll(view);
  });

  afterEach(() => closeAll(view));

  after(async () => {
    await setExtraBanks(undefined);
    await until(() => byTitle(LORA) === undefined, 'the self-check bank to go away');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  /** Opens the question with `attempt` stored as its draft, reveals it, and resolves with the finished self-check. */
  async function checked(id: string, attempt: string, state: CheckShown['state'] = 'checked'): Promise<{ waiting: CheckShown; shown: CheckShown }> {
    await ctx.review.setDraft(id, attempt);
    const opened = rendered(view, id, (report) => report.attempt === attempt, RENDER_MS);
    await view.show(id);
    await opened;
    const waiting = once(view.onDidRenderCheck, 'the self-check to wait for its plans', (r) => r.questionId === id && r.state === 'waiting', RENDER_MS);
    const shown = once(view.onDidRenderCheck, `the self-check (${state})`, (r) => r.questionId === id && r.state === state, RENDER_MS);
    await vscode.commands.executeCommand('dojo.revealAnswer');
    return { waiting: await waiting, shown: await shown };
  }

  it('lists the missed points first, highlights what matched, and suggests Again for an attempt that covers one point', async () => {
    const question = byTitle(LORA)!;
    const attempt = 'LoRA trains small low-rank matrices while the pretrained weights stay frozen.';
    const { waiting, shown } = await checked(question.id, attempt);
    assert.equal(waiting.summary, 'Checking your attempt…');
    assert.deepEqual(
      shown.points.map((point) => [point.text.split(':')[0], point.status]),
      [['Memory', 'missed'], ['Merging', 'missed'], ['Low-rank adapters', shown.points[2]!.status]],
    );
    assert.notEqual(shown.points[2]!.status, 'missed', 'the point the attempt is about');
    assert.ok(shown.highlighted.includes('LoRA'), `highlighted: ${shown.highlighted.join(' | ')}`);
    for (const term of ['low-rank', 'matrices', 'pretrained']) assert.ok(shown.highlighted.includes(term), `highlighted: ${shown.highlighted.join(' | ')}`);
    for (const text of shown.highlighted) assert.ok(attempt.includes(text), `"${text}" is the attempt's own text`);
    assert.match(shown.summary, /^Your attempt covers about \d+% of the key points: [01] covered, [01] partly, 2 missed\. Suggested grade: Again\.$/);
    assert.equal(shown.suggested, GRADE.again);
  });

  it('counts the reference answer itself as covering every point, and suggests Good (never Easy)', async () => {
    const question = byTitle(LORA)!;
    const { shown } = await checked(question.id, ANSWER);
    assert.deepEqual(shown.points.map((point) => point.status), ['covered', 'covered', 'covered']);
    assert.equal(shown.suggested, GRADE.good);
  });

  it('counts an English attempt for a Chinese answer through the term table', async () => {
    const question = ctx.library.practiceItems.find((q) => q.title === '如何处理 AI 大模型训练数据中的隐私问题？');
    assert.ok(question, 'the bundled question on privacy in training data');
    const { shown } = await checked(question.id, 'Use federated learning so the data stays on the devices, and differential privacy to add noise.');
    assert.ok(shown.highlighted.includes('federated learning'), shown.highlighted.join(' | '));
    assert.ok(shown.highlighted.includes('differential privacy'), shown.highlighted.join(' | '));
    assert.equal(shown.points.length, 7);
  });

  it('says there is nothing to check against when the reference is only code', async () => {
    const question = byTitle(CODE_ONLY)!;
    const { shown } = await checked(question.id, 'def reverse(head): ...', 'noReference');
    assert.equal(shown.summary, 'This question has no reference answer to check your attempt against.');
    assert.deepEqual(shown.points, []);
    assert.equal(shown.suggested, undefined, 'no grade suggested');
  });
});
