import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoContext } from '../../src/context';
import type { Question } from '../../src/core/model';
import { questionView, referenceView } from '../../src/webview/content';
import { practiceIcon } from '../../src/webview/practicePanel';
import { PanelRecords } from '../../src/state/panelRecords';
import { makeNonce } from '../../src/webview/html';
import type { PracticeViewController } from '../../src/webview/practiceView';
import { MAX_ATTEMPT_LENGTH, parseHostMessage, parseWebviewMessage, type HostMessage, type WebviewMessage } from '../../src/webview/protocol';
import { CommandId } from '../../src/commandIds';
import { closeAll, dojo, draftOf, once, rendered, until, WAIT_MS } from './helpers';

// The first webview of a session can take much longer to load on a busy 2-core machine.
const FIRST_RENDER_MS = 45_000;

/** The extension's LogOutputChannel as written to its log folder, once `accept` likes it (it is flushed lazily). */
async function logText(ctx: DojoContext, accept: (text: string) => boolean): Promise<boolean> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const entries = await vscode.workspace.fs.readDirectory(ctx.extension.logUri).then(undefined, () => []);
    for (const [name] of entries.filter(([name]) => name.endsWith('.log'))) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ctx.extension.logUri, name));
      if (accept(new TextDecoder().decode(bytes))) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) =>
      c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
    );
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('Practice panel', function () {
  this.timeout(FIRST_RENDER_MS + 15_000);
  let ctx: DojoContext;
  let view: PracticeViewController;
  let withCode: Question[];

  before(async () => {
    ({ ctx } = await dojo());
    view = ctx.practice as PracticeViewController;
    withCode = ctx.library.practiceItems.filter((q) => q.hasReference && q.code.length > 0);
    assert.ok(withCode.length >= 6, 'the bundled banks have questions with reference code');
    closeAll(view); // panels other suites left open
  });

  afterEach(() => closeAll(view));

  it('shows a question in a webview whose script runs under the strict CSP', async () => {
    const question = withCode[0]!;
    const shown = rendered(view, question.id, undefined, FIRST_RENDER_MS);
    await view.show(question.id);
    const report = await shown;

    assert.equal(report.revealed, false);
    assert.equal(view.currentQuestionId, question.id);
    assert.equal(view.openPanels.length, 1);
    const panel = view.openPanels[0]!;
    assert.equal(panel.panel.title, question.title);
    const html = panel.html;
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    const source = panel.panel.webview.cspSource;
    assert.equal(
      csp,
      `default-src 'none'; script-src 'nonce-${/'nonce-([0-9a-f]{32})'/.exec(csp)?.[1]}'; style-src ${source}; ` +
        `img-src ${source} data:; font-src ${source}`,
    );
    const nonce = /'nonce-([0-9a-f]+)'/.exec(csp)?.[1];
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts.length, 1);
    assert.match(scripts[0]!, new RegExp(`nonce="${nonce}" src="[^"]+/dist/webview/practice\\.js"`));
    assert.doesNotMatch(html, /\sstyle=|<style/);
    const roots = (panel.panel.webview.options.localResourceRoots ?? []).map((uri) => uri.path.slice(ctx.extension.extensionUri.path.length));
    assert.deepEqual(roots, ['/media', '/dist/webview', '/dist/katex'], 'the page may load only its stylesheet, script and KaTeX');
    for (const id of ['attempt', 'reveal', 'open-code', 'blank', 'prev', 'next', 'random', 'star', 'reference']) {
      assert.match(html, new RegExp(`id="${id}"`), id);
    }
  });

  it('reuses one panel for the next question', async () => {
    const [first, second] = withCode;
    await view.show(first!.id);
    const shown = rendered(view, second!.id);
    await view.show(second!.id);
    await shown;
    assert.equal(view.openPanels.length, 1);
    assert.equal(view.currentQuestionId, second!.id);
  });

  it('opens each question in its own panel when dojo.openInNewPanel is on', async () => {
    const settings = vscode.workspace.getConfiguration('dojo');
    await settings.update('openInNewPanel', true, vscode.ConfigurationTarget.Global);
    try {
      const [first, second] = withCode;
      await view.show(first!.id);
      await view.show(second!.id);
      await view.show(first!.id);
      assert.deepEqual(view.openPanels.map((p) => p.questionId).sort(), [first!.id, second!.id].sort());
      assert.equal(view.currentQuestionId, first!.id);
    } finally {
      await settings.update('openInNewPanel', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('acts on the panel focused last when dojo.openInNewPanel is on, also after that panel closes', async () => {
    const settings = vscode.workspace.getConfiguration('dojo');
    await settings.update('openInNewPanel', true, vscode.ConfigurationTarget.Global);
    try {
      const [first, second, third] = withCode;
      for (const question of [first!, second!, third!]) await view.show(question.id);
      const panelOf = (question: Question) => view.openPanels.find((p) => p.questionId === question.id)!;
      // Each new panel took over as active: once the first two report inactive, no late view-state event is pending.
      await until(() => !panelOf(first!).panel.active && !panelOf(second!).panel.active, 'VS Code to report the third panel active');
      assert.equal(view.currentQuestionId, third!.id);

      // What clicking a panel's tab does; VS Code reports it through onDidChangeViewState.
      panelOf(first!).panel.reveal(undefined, false);
      await until(() => panelOf(first!).panel.active && view.currentQuestionId === first!.id, 'the first panel to be the current one');
      panelOf(second!).panel.reveal(undefined, false);
      await until(() => panelOf(second!).panel.active && view.currentQuestionId === second!.id, 'the second panel to be the current one');

      // Focus leaves for a text editor, then the current panel closes: the one focused before it, not the newest, takes over.
      const file = vscode.Uri.joinPath(ctx.extension.extensionUri, 'content', 'domains.json');
      await vscode.window.showTextDocument(file, { preview: false });
      await until(() => !panelOf(second!).panel.active, 'the text editor to become active');
      panelOf(second!).dispose();
      assert.equal(view.currentQuestionId, first!.id);

      await vscode.commands.executeCommand(CommandId.revealAnswer);
      assert.equal(panelOf(first!).revealed, true, 'Reveal Answer acts on the first panel');
      assert.ok(ctx.progress.get(first!.id).revealedAt, 'and records the first question as revealed');
      assert.equal(panelOf(third!).revealed, false, 'the newest panel is left alone');
    } finally {
      await settings.update('openInNewPanel', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('shows a question in the panel already showing it rather than putting it in a second panel', async () => {
    const settings = vscode.workspace.getConfiguration('dojo');
    const [first, second] = withCode;
    await settings.update('openInNewPanel', true, vscode.ConfigurationTarget.Global);
    try {
      await view.show(first!.id);
      await view.show(second!.id);
    } finally {
      await settings.update('openInNewPanel', undefined, vscode.ConfigurationTarget.Global);
    }
    // Back to one reused panel: the current one (on the second question) must not take the first as well.
    await view.show(first!.id);
    assert.deepEqual(view.openPanels.map((p) => p.questionId).sort(), [first!.id, second!.id].sort());
    assert.equal(view.currentQuestionId, first!.id);
  });

  it('keeps each change the webview delivers, stores it when the panel closes, and shows it again on reopen', async () => {
    const question = withCode[2]!;
    const text = `My attempt at ${question.id}: 先说数据，再说模型。`;
    await view.show(question.id);
    await view.openPanels[0]!.receive({ type: 'attempt', questionId: question.id, text });
    // Delivered, not yet stored: storing waits for a pause in the typing, so only a flush can make it this soon.
    assert.notEqual(await draftOf(ctx, question.id), text, 'stored only once the typing pauses');

    closeAll(view); // what Ctrl+W does: the panel is disposed at once
    assert.equal(view.openPanels.length, 0);
    assert.equal(await draftOf(ctx, question.id), text, 'closing the panel stored the latest text');
    assert.ok(ctx.progress.get(question.id).attemptedAt, 'attemptedAt is set');
    const reopened = rendered(view, question.id);
    await view.show(question.id);
    assert.equal((await reopened).attempt, text, 'the webview textarea holds the stored attempt');
  });

  it('stores the attempt of the question it leaves when the panel switches to another question', async () => {
    const [first, second] = [withCode[5]!, withCode[4]!];
    const text = `switching away from ${first.id}`;
    await view.show(first.id);
    await view.openPanels[0]!.receive({ type: 'attempt', questionId: first.id, text });
    assert.notEqual(await draftOf(ctx, first.id), text, 'not stored while the user types');
    await view.show(second.id);
    assert.equal(await draftOf(ctx, first.id), text);
  });

  it('shows the latest delivered text, not the older stored one, when the question is shown again before it is stored', async () => {
    const question = withCode[1]!;
    await ctx.review.setDraft(question.id, 'older stored text');
    const shown = rendered(view, question.id);
    await view.show(question.id);
    await shown;
    await view.openPanels[0]!.receive({ type: 'attempt', questionId: question.id, text: 'newer typed text' });
    const again = rendered(view, question.id, (r) => r.attempt === 'newer typed text');
    // What a bank reload does: the panel is sent its question again.
    await view.show(question.id);
    await again;
  });

  it('writes every delivered attempt when flushed, as deactivate does', async () => {
    const question = withCode[0]!;
    await view.show(question.id);
    await view.openPanels[0]!.receive({ type: 'attempt', questionId: question.id, text: 'typed just before the window closed' });
    await view.flush();
    assert.equal(await draftOf(ctx, question.id), 'typed just before the window closed');
  });

  it('gives the practice tab an icon drawn for light and for dark (and High Contrast) themes', async () => {
    const question = withCode[0]!;
    await view.show(question.id);
    const icon = view.openPanels[0]!.panel.iconPath as { light?: vscode.Uri; dark?: vscode.Uri } | undefined;
    assert.ok(icon?.light && icon.dark, 'iconPath has light and dark variants');
    assert.deepEqual(icon, practiceIcon(ctx.extension.extensionUri));
    // An SVG shown as an image cannot follow currentColor: each variant needs a colour that stands out on the
    // background of both theme kinds it is used for (light + HC light, dark + HC dark).
    const contrast = async (uri: vscode.Uri, backgrounds: string[]) => {
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.doesNotMatch(svg, /currentColor/);
      const colour = /stroke="(#[0-9a-fA-F]{6})"/.exec(svg)?.[1];
      assert.ok(colour, `${uri.path} has an explicit stroke colour`);
      return Math.min(...backgrounds.map((background) => contrastRatio(colour, background)));
    };
    assert.ok((await contrast(icon.light, ['#ffffff', '#f8f8f8'])) >= 4.5, 'the light icon is visible on light backgrounds');
    assert.ok((await contrast(icon.dark, ['#000000', '#1f1f1f'])) >= 4.5, 'the dark icon is visible on dark backgrounds');
  });

  it('shows a prompt that only repeats the title once: as the title', async () => {
    const repeating = ctx.library.practiceItems.find((q) => q.prompt.trim() === q.title.trim());
    const separate = ctx.library.practiceItems.find((q) => q.prompt.trim() !== q.title.trim());
    assert.ok(repeating && separate, 'the bundled banks have both kinds');
    assert.equal(questionView(ctx.library, repeating).prompt, '');
    assert.equal(questionView(ctx.library, separate).prompt, separate.prompt);
  });

  it('restores a panel from its saved state, and closes one without state', async () => {
    const question = withCode[3]!;
    await ctx.review.setDraft(question.id, 'restored text');
    const restoredPanel = vscode.window.createWebviewPanel('dojo.practice', 'restored', vscode.ViewColumn.Active);
    const shown = rendered(view, question.id);
    await view.revive(restoredPanel, { questionId: question.id, attempt: 'restored text', unsaved: false, revealed: false });
    assert.equal((await shown).attempt, 'restored text');
    assert.equal(view.currentQuestionId, question.id);

    const stateless = vscode.window.createWebviewPanel('dojo.practice', 'stateless', vscode.ViewColumn.Active);
    const closed = once(stateless.onDidDispose, 'the stateless panel to close');
    await view.revive(stateless, undefined);
    await closed;
    assert.equal(view.openPanels.length, 1);
  });

  it('restores the question a panel showed last, even when the state VS Code kept names an earlier one', async () => {
    const [earlier, last] = [withCode[4]!, withCode[5]!];
    const records = new PanelRecords(ctx.extension.workspaceState);
    const key = makeNonce();
    // What the panel recorded as it switched; a browser window's copy of the webview state may predate the switch.
    await records.record(key, last.id);
    const restoredPanel = vscode.window.createWebviewPanel('dojo.practice', 'restored', vscode.ViewColumn.Active);
    const shown = rendered(view, last.id);
    await view.revive(restoredPanel, { panelKey: key, questionId: earlier.id, attempt: '', unsaved: false, revealed: false });
    await shown;
    assert.equal(view.currentQuestionId, last.id);
    assert.equal(view.openPanels[0]!.key, key, 'the restored panel keeps its key');
  });

  it('records the question each panel shows as it switches, and forgets a panel the user closes', async () => {
    const [first, second] = [withCode[0]!, withCode[1]!];
    const records = new PanelRecords(ctx.extension.workspaceState);
    await view.show(first.id);
    const panel = view.openPanels[0]!;
    assert.equal(records.questionOf(panel.key), first.id);
    await view.show(second.id);
    assert.equal(records.questionOf(panel.key), second.id);
    panel.panel.dispose(); // the user closes the tab
    await until(() => records.questionOf(panel.key) === undefined, 'the record of the closed panel to go');
  });

  it('reveals the answer from the webview button: marks it revealed and the webview shows the reference', async () => {
    const question = withCode.find((q) => ctx.progress.get(q.id).revealedAt === undefined && q !== withCode[0])!;
    assert.ok(question, 'a question not revealed yet');
    await view.show(question.id);
    const revealed = rendered(view, question.id, (r) => r.revealed);
    await view.openPanels[0]!.receive({ type: 'reveal', questionId: question.id });
    await revealed;
    assert.ok(ctx.progress.get(question.id).revealedAt, 'revealedAt is set');
  });

  it('reveals the answer through the PracticeView API for the current question', async () => {
    const question = withCode.find((q) => ctx.progress.get(q.id).revealedAt === undefined)!;
    const shown = rendered(view, question.id);
    await view.show(question.id);
    await shown;
    const revealed = rendered(view, question.id, (r) => r.revealed);
    await view.reveal();
    await revealed;
    assert.ok(ctx.progress.get(question.id).revealedAt);
  });

  it('sends the reference of every variant of a repeated question as markdown, labelled', () => {
    const repeated = ctx.library.practiceItems.find((q) => ctx.library.variants(q).length > 1);
    assert.ok(repeated, 'the bundled banks repeat some questions');
    const variants = ctx.library.variants(repeated);
    const reference = referenceView(ctx.library, repeated);
    assert.deepEqual(
      reference.variants.map((v) => [v.label, v.answer, v.analysis, v.code]),
      variants.map((v, i) => [`Variant ${i + 1}/${variants.length}`, v.answer, v.analysis, v.code]),
    );
    const single = withCode.find((q) => ctx.library.variants(q).length === 1)!;
    assert.equal(referenceView(ctx.library, single).variants[0]!.label, undefined, 'a single variant is not labelled');
  });

  it('posts markdown, never HTML, and the webview reports what it rendered from it', async () => {
    const question = withCode.find((q) => q.prompt.trim() !== q.title.trim()) ?? withCode[0]!;
    await view.show(question.id);
    const panel = view.openPanels[0]!;
    const posted: HostMessage[] = [];
    const post = panel.post.bind(panel);
    panel.post = (message) => {
      posted.push(message);
      return post(message);
    };
    const revealed = rendered(view, question.id, (r) => r.revealed);
    await panel.receive({ type: 'reveal', questionId: question.id });
    await revealed;
    const reference = posted.find((m) => m.type === 'reference');
    assert.ok(reference, 'the reference was posted');
    assert.deepEqual(parseHostMessage(reference), { ok: true, message: reference }, 'it is a valid host message');
    assert.doesNotMatch(JSON.stringify(posted), /<(p|pre|span|h2|section)[ >]/, 'no rendered HTML in what the host posts');
  });

  it('stars and unstars the question from the webview', async () => {
    const question = withCode[4]!;
    await view.show(question.id);
    const panel = view.openPanels[0]!;
    await panel.receive({ type: 'star', questionId: question.id, starred: true });
    assert.equal(ctx.progress.get(question.id).starred, true);
    await panel.receive({ type: 'star', questionId: question.id, starred: false });
    assert.equal(ctx.progress.get(question.id).starred, false);
  });

  it('ignores a message about a question the panel no longer shows', async () => {
    const [first, second] = [withCode[5]!, withCode[1]!];
    const starred = ctx.progress.get(first.id).starred;
    await view.show(first.id);
    await view.show(second.id);
    await view.openPanels[0]!.receive({ type: 'star', questionId: first.id, starred: !starred });
    assert.equal(ctx.progress.get(first.id).starred, starred);
  });

  it('moves to the next question when the webview asks', async () => {
    const question = withCode[0]!;
    await view.show(question.id);
    await view.openPanels[0]!.receive({ type: 'navigate', direction: 'next' });
    assert.ok(view.currentQuestionId && view.currentQuestionId !== question.id, 'another question is shown');
  });

  it('goes back to the question shown before a random one, and forward again, from the webview and the commands', async () => {
    const [first, second] = [withCode[2]!, withCode[4]!];
    await view.show(first.id);
    await view.show(second.id);
    const panel = view.openPanels[0]!;
    await panel.receive({ type: 'navigate', direction: 'random' });
    const randomId = view.currentQuestionId;
    assert.ok(randomId && randomId !== second.id, 'a random question is shown');

    const backInPanel = rendered(view, second.id);
    await panel.receive({ type: 'navigate', direction: 'back' });
    await backInPanel;
    assert.equal(view.currentQuestionId, second.id);
    assert.equal(await vscode.commands.executeCommand(CommandId.back), first.id);
    assert.equal(view.currentQuestionId, first.id);
    assert.equal(await vscode.commands.executeCommand(CommandId.forward), second.id);
    assert.equal(await vscode.commands.executeCommand(CommandId.forward), randomId);
    assert.equal(view.openPanels.length, 1, 'Back and Forward stay in the one panel');
  });

  it('drops the forward questions when another question is shown after going back, and says when there is nowhere to go', async () => {
    closeAll(view);
    const [a, b, c] = [withCode[0]!, withCode[1]!, withCode[2]!];
    await view.show(a.id);
    assert.equal(await view.goBack(), undefined, 'nothing before the first question');
    await view.show(b.id);
    assert.equal(await view.goBack(), a.id);
    await view.show(c.id);
    assert.equal(await view.goForward(), undefined, 'b is no longer ahead');
    assert.equal(await view.goBack(), a.id);
  });

  it('tells the webview whether Back and Forward can go anywhere', async () => {
    closeAll(view);
    const [a, b] = [withCode[3]!, withCode[5]!];
    await view.show(a.id);
    const posted: unknown[] = [];
    const panel = view.openPanels[0]!;
    const post = panel.post.bind(panel);
    panel.post = (message) => {
      posted.push(message);
      return post(message);
    };
    const lastShow = () => {
      const shows = posted.filter((m) => (m as { type: string }).type === 'show') as { canGoBack: boolean; canGoForward: boolean }[];
      const last = shows[shows.length - 1];
      return last && [last.canGoBack, last.canGoForward];
    };
    await view.show(b.id);
    assert.deepEqual(lastShow(), [true, false]);
    await view.goBack();
    assert.deepEqual(lastShow(), [false, true]);
  });

  it('restores a panel with its Back history after a reload', async () => {
    closeAll(view);
    const [earlier, last] = [withCode[1]!, withCode[4]!];
    const key = makeNonce();
    await new PanelRecords(ctx.extension.workspaceState).record(key, last.id, { ids: [earlier.id, last.id], at: 1 });
    const restoredPanel = vscode.window.createWebviewPanel('dojo.practice', 'restored', vscode.ViewColumn.Active);
    await view.revive(restoredPanel, { panelKey: key, questionId: last.id, attempt: '', unsaved: false, revealed: false });
    assert.equal(await view.goBack(), earlier.id);
  });

  it('refuses malformed messages, logs them, and acts on none of them', async () => {
    const question = withCode[1]!;
    await view.show(question.id);
    const panel = view.openPanels[0]!;
    const before = ctx.progress.get(question.id);
    const malformed: unknown[] = [
      null,
      'ready',
      [],
      { type: 'delete-everything' },
      { type: 'attempt', questionId: question.id },
      { type: 'attempt', questionId: 42, text: 'x' },
      { type: 'attempt', questionId: question.id, text: 'x', extra: true },
      { type: 'attempt', questionId: question.id, text: 'x'.repeat(MAX_ATTEMPT_LENGTH + 1) },
      { type: 'navigate', direction: 'sideways' },
      { type: 'star', questionId: question.id, starred: 'yes' },
      { type: 'reveal', questionId: '' },
    ];
    for (const raw of malformed) {
      const refused = once(view.onDidRefuseMessage, `refusal of ${JSON.stringify(raw)?.slice(0, 60)}`);
      await panel.receive(raw);
      assert.ok((await refused).length > 0);
    }
    assert.deepEqual(ctx.progress.get(question.id), before);
    const logged = await logText(ctx, (text) => text.includes('ignored a message from the webview (unknown type "delete-everything")'));
    assert.ok(logged, 'the refusal is in the Interview Dojo log');
  });

  it('accepts every message the webview script sends', () => {
    const id = withCode[0]!.id;
    const valid: WebviewMessage[] = [
      { type: 'ready' },
      { type: 'rendered', questionId: id, attempt: '', revealed: false, earlierAttempts: 2 },
      { type: 'attempt', questionId: id, text: '' },
      { type: 'reveal', questionId: id },
      { type: 'openCode', questionId: id },
      { type: 'openBlank', questionId: id },
      { type: 'navigate', direction: 'random' },
      { type: 'navigate', direction: 'back' },
      { type: 'navigate', direction: 'forward' },
      { type: 'star', questionId: id, starred: true },
      { type: 'hide', questionId: id },
      { type: 'grade', questionId: id, grade: 2 },
      { type: 'undoGrade' },
      { type: 'practiseAgain', questionId: id },
      { type: 'note', questionId: id, text: 'a *note*' },
    ];
    for (const message of valid) assert.deepEqual(parseWebviewMessage(message), { ok: true, message });
  });
});
