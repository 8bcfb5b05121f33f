// A user bank's HTML and images in the real host: the panel may load from the bank's folder only while it shows a
// question of that bank, the question is sent with that folder's webview URL, and what the webview renders from it
// keeps the bank's allowed HTML and points its images into that folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoContext } from '../../src/context';
import { ContentHtml } from '../../src/webview/client/contentHtml';
import { parseRenderSettings, type HostMessage, type QuestionView } from '../../src/webview/protocol';
import type { PracticeViewController } from '../../src/webview/practiceView';
import { closeAll, dojo, rendered, setExtraBanks, until, workspaceFolder } from './helpers';

const RENDER_MS = 45_000;
const TITLE = '这张图里的按键是什么意思？';
const BANK = `# 图片题库

### 1. ${TITLE}

**题目：** 看图 ![the dot](img/dot.png) 并按 <kbd>Ctrl</kbd>+<kbd>C</kbd>。

**答案：** <details><summary>为什么？</summary>

复制。<img src="img/dot.png" alt="again" onerror="alert(1)"> ![escaping](../../outside.png)

</details>
`;
/** A 1×1 PNG. */
const DOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The render settings the panel page gives its script. */
function renderSettingsOf(html: string) {
  const attribute = /data-render="([^"]+)"/.exec(html)?.[1] ?? '';
  const json = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return parseRenderSettings(JSON.parse(json));
}

describe('A user bank with HTML and images in the practice panel', function () {
  this.timeout(3 * RENDER_MS);
  let ctx: DojoContext;
  let view: PracticeViewController;
  let folder: vscode.Uri;
  let bank: vscode.Uri;
  const folderName = `dojo-image-bank-${Date.now()}`;
  const question = () => ctx.library.practiceItems.find((q) => q.title === TITLE);
  /** Every message the panel posts once it is watched, in order. */
  const posted: HostMessage[] = [];

  before(async () => {
    ({ ctx } = await dojo());
    view = ctx.practice as PracticeViewController;
    folder = workspaceFolder(folderName);
    bank = vscode.Uri.joinPath(folder, 'image-bank.md');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'img'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'img', 'dot.png'), Buffer.from(DOT_PNG, 'base64'));
    await vscode.workspace.fs.writeFile(bank, new TextEncoder().encode(BANK));
    await setExtraBanks([folderName]);
    await until(() => question() !== undefined, 'the image bank to load');
  });

  after(async () => {
    closeAll(view);
    await setExtraBanks(undefined);
    await until(() => question() === undefined, 'the image bank to go away');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('lets the panel read the bank folder while it shows that bank, sends its URL, and renders HTML and images from it', async () => {
    const item = question()!;
    assert.equal(ctx.library.userBankFileUri(item.document)?.toString(), bank.toString());
    const shown = rendered(view, item.id, undefined, RENDER_MS);
    await view.show(item.id);
    await shown;
    const panel = view.openPanels[0]!;
    // The panel is the extension's own (this suite's bundle has its own copy of the class): its posts are watched, and
    // the question sent again.
    const post = panel.post.bind(panel);
    panel.post = (message) => {
      posted.push(message);
      return post(message);
    };
    const shownAgain = rendered(view, item.id, undefined, RENDER_MS);
    await view.show(item.id);
    await shownAgain;
    const webview = panel.panel.webview;
    const roots = (webview.options.localResourceRoots ?? []).map(String);
    assert.ok(roots.includes(folder.toString()), `the bank folder is a resource root: ${roots.join(', ')}`);
    assert.ok(!roots.some((root) => root === vscode.Uri.joinPath(folder, '..').toString()), 'not its parent');

    const show = posted.filter((m): m is Extract<HostMessage, { type: 'show' }> => m.type === 'show' && m.question.id === item.id).at(-1);
    assert.ok(show, 'the question was sent');
    const base = webview.asWebviewUri(folder).toString();
    assert.equal(show.question.imageBase, base);

    // What the webview renders from that message, with the page's own settings.
    const content = new ContentHtml(renderSettingsOf(panel.html)!);
    const prompt = content.markdown(show.question.prompt, show.question.imageBase);
    assert.ok(prompt.includes(`<img src="${base}/img/dot.png" alt="the dot">`), prompt);
    assert.ok(prompt.includes('<kbd>Ctrl</kbd>+<kbd>C</kbd>'), prompt);

    const revealed = rendered(view, item.id, (report) => report.revealed, RENDER_MS);
    await vscode.commands.executeCommand('dojo.revealAnswer');
    await revealed;
    const reference = posted.filter((m): m is Extract<HostMessage, { type: 'reference' }> => m.type === 'reference' && m.questionId === item.id).at(-1);
    assert.ok(reference, 'the reference was sent');
    const answer = content.reference(reference.reference, (show.question as QuestionView).imageBase);
    assert.ok(answer.includes('<details><summary>为什么？</summary>'), answer);
    assert.ok(answer.includes(`<img src="${base}/img/dot.png" alt="again">`), answer);
    assert.ok(answer.includes('</details>'), answer);
    assert.doesNotMatch(answer, /onerror|src="[^"]*outside/, 'no handler, and no image out of the folder');
    assert.match(answer, /escaping <span class="dojo-note">/);
  });

  it('drops the bank folder from the roots when the panel moves on to a bundled question', async () => {
    const bundled = ctx.library.practiceItems.find((q) => !q.document.includes(folderName))!;
    const shown = rendered(view, bundled.id, undefined, RENDER_MS);
    await view.show(bundled.id);
    await shown;
    const roots = (view.openPanels[0]!.panel.webview.options.localResourceRoots ?? []).map(String);
    assert.ok(!roots.includes(folder.toString()), `the user bank's folder is no root now: ${roots.join(', ')}`);
  });
});
