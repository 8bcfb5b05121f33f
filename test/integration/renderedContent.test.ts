import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoContext } from '../../src/context';
import { referenceView } from '../../src/webview/content';
import { parseRenderSettings } from '../../src/webview/protocol';
import type { PracticeViewController } from '../../src/webview/practiceView';
import { dojo, until } from './helpers';

// The first webview of a session can take long to load on a busy 2-core machine.
const RENDER_MS = 45_000;

/** The `img-src` directive of the panel page's CSP. */
function imageSources(html: string): string {
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  return /img-src ([^;]+)/.exec(csp)?.[1] ?? '';
}

/** The render settings the panel page gives its script. */
function renderSettingsOf(html: string) {
  const attribute = /data-render="([^"]+)"/.exec(html)?.[1] ?? '';
  const json = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return parseRenderSettings(JSON.parse(json));
}

/** Resolves when the webview reports it has rendered `questionId` (subscribe before acting). */
function rendered(view: PracticeViewController, questionId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${questionId} to render`)), RENDER_MS);
    const subscription = view.onDidRender((report) => {
      if (report.questionId !== questionId) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

describe('Bank content in the practice panel', function () {
  this.timeout(2 * RENDER_MS + 15_000);
  let ctx: DojoContext;
  let view: PracticeViewController;

  before(async () => {
    ({ ctx } = await dojo());
    view = ctx.practice as PracticeViewController;
  });

  afterEach(async () => {
    for (const panel of view.openPanels.slice()) panel.dispose();
    await vscode.workspace.getConfiguration('dojo').update('allowRemoteImages', undefined, vscode.ConfigurationTarget.Global);
  });

  it('loads no remote image by default, and loads them, with https: in the CSP, once dojo.allowRemoteImages is on', async () => {
    const question = ctx.library.practiceItems[0]!;
    const shown = rendered(view, question.id);
    await view.show(question.id);
    await shown;
    const panel = view.openPanels[0]!;
    assert.equal(imageSources(panel.html), `${panel.panel.webview.cspSource} data:`);
    assert.equal(renderSettingsOf(panel.html)?.allowRemoteImages, false, 'the script renders remote images as links');

    const again = rendered(view, question.id);
    await vscode.workspace.getConfiguration('dojo').update('allowRemoteImages', true, vscode.ConfigurationTarget.Global);
    await until(() => imageSources(panel.html).includes('https:'), 'the panel to rebuild its page with https: images allowed');
    await again;
    assert.equal(imageSources(panel.html), `${panel.panel.webview.cspSource} https: data:`);
    assert.equal(renderSettingsOf(panel.html)?.allowRemoteImages, true, 'the script renders remote images as images');
  });

  it('marks the cut-off code of the bundled VR bank as cut off for the webview, with the note in the UI language', async () => {
    const cutOff = ctx.library.practiceItems.filter((q) => q.code.some((block) => block.truncated));
    assert.deepEqual(cutOff.map((q) => [q.document.replace(/^.*[\\/]/, ''), q.number]), [['vr-startup-opportunities.md', 17]]);
    const code = referenceView(ctx.library, cutOff[0]!).variants.flatMap((variant) => variant.code);
    assert.ok(code.some((block) => block.truncated === true));
    const shown = rendered(view, cutOff[0]!.id);
    await view.show(cutOff[0]!.id);
    await shown;
    assert.equal(renderSettingsOf(view.openPanels[0]!.html)?.referenceLabels.truncatedCode, 'The source of this code block is cut off.');
  });
});
