// The practice panel in a real workbench, once per colour theme: the keyboard path into the attempt, the Star
// button's wording, revealing without losing the attempt, and no typed text lost on a quick close or a reload.
// A screenshot after each step in test-results/e2e-panel-<theme>/.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { openSession, type Session } from '../host/session';
import { keyPoints } from '../../src/core/check/keyPoints';
import { bundledIndex, practiceTarget } from './practiceTarget';
import { panelShowing, Workbench } from './workbench';

const themes = [
  { name: 'light', colorTheme: 'Default Light Modern' },
  { name: 'dark', colorTheme: 'Default Dark Modern' },
];

async function attemptValue(panel: Frame): Promise<string> {
  return panel.locator('#attempt').inputValue();
}

/** Where an element is relative to its frame's viewport, and the frame's size. */
function layout(panel: Frame, selector: string) {
  return panel.evaluate((sel) => {
    const rect = document.querySelector(sel)!.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left, width: rect.width, viewport: window.innerHeight };
  }, selector);
}

for (const theme of themes) {
  describe(`The practice panel (${theme.colorTheme})`, () => {
    let session: Session;
    let workbench: Workbench;
    before(async () => {
      session = await openSession({ name: `e2e-panel-${theme.name}`, colorTheme: theme.colorTheme });
      workbench = new Workbench(session.page, session.logsDir);
    });
    after(async () => {
      await session?.close();
    });

    it('opens a question from the tree with Enter and puts the cursor in the attempt', async () => {
      const target = practiceTarget();
      await workbench.step('workbench-loaded', () => workbench.waitUntilLoaded());
      await workbench.step('activity-bar-opened', async () => {
        await workbench.openActivityBarItem('Interview Dojo');
        await workbench.expandTreeItem(target.domainLabel);
      });
      await workbench.step('question-opened-with-enter', async () => {
        await workbench.openTreeItemWithKeyboard(target.questionTitle);
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.waitForFunction(() => document.hasFocus() && document.activeElement?.id === 'attempt', undefined, {
          timeout: 15_000,
        });
        // The keys go where the cursor is: into the attempt.
        await workbench.page.keyboard.type('keyboard only');
        assert.equal(await attemptValue(panel), 'keyboard only');
        // Stored once the typing pauses, and the panel says so.
        await panel.waitForFunction(() => document.getElementById('save-status')?.textContent === 'Saved', undefined, { timeout: 15_000 });
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });

    it('says "Starred" on the Star button once starred, and offers to unstar', async () => {
      const target = practiceTarget();
      await workbench.step('question-starred', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        const star = panel.locator('#star');
        assert.equal((await star.locator('.label').textContent())?.trim(), 'Star');
        await star.click();
        await panel.waitForFunction(() => document.querySelector('#star .label')?.textContent === 'Starred');
        assert.equal(await star.getAttribute('aria-pressed'), 'true');
        assert.match((await star.getAttribute('title')) ?? '', /^Unstar \(/);
        await workbench.treeItem(target.questionTitle).locator('.custom-view-tree-node-item-icon.codicon-star-full').waitFor();
      });
      await workbench.step('question-unstarred', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.locator('#star').click();
        await panel.waitForFunction(() => document.querySelector('#star .label')?.textContent === 'Star');
        assert.equal(await panel.locator('#star').getAttribute('aria-pressed'), 'false');
        assert.match((await panel.locator('#star').getAttribute('title')) ?? '', /^Star \(/);
        // The tree follows: its row no longer shows the star.
        await workbench.treeItem(target.questionTitle).locator('.custom-view-tree-node-item-icon.codicon-star-full').waitFor({ state: 'detached' });
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });

    it('reveals the answer without scrolling the attempt away or shifting the content', async () => {
      const target = practiceTarget();
      let before: Awaited<ReturnType<typeof layout>>;
      await workbench.step('answer-revealed-attempt-in-view', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        before = await layout(panel, 'main');
        const attemptBefore = await layout(panel, '#attempt');
        assert.ok(attemptBefore.bottom <= attemptBefore.viewport, 'the attempt is on screen before the reveal');
        await panel.locator('#reveal').click();
        await panel.locator('#reference').waitFor({ state: 'visible' });
        const scrollable = await panel.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
        assert.ok(scrollable, 'the revealed answer makes the page scroll (what the check is about)');
        const attempt = await layout(panel, '#attempt');
        assert.ok(attempt.top >= 0 && attempt.bottom <= attempt.viewport, `the attempt stays on screen (${JSON.stringify(attempt)})`);
        const reference = await layout(panel, '#reference');
        assert.ok(reference.top < reference.viewport, 'the answer starts on screen');
        // A wide panel puts the answer beside the attempt, which stays where it was.
        assert.ok(reference.left >= attempt.left + attempt.width, `side by side (${JSON.stringify({ attempt, reference })})`);
      });
      await workbench.step('answer-stacked-below-attempt', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.locator('#layout').click();
        const attempt = await layout(panel, '#attempt');
        const reference = await layout(panel, '#reference');
        assert.ok(reference.top >= attempt.bottom, 'stacked: the answer below the attempt');
        const after = await layout(panel, 'main');
        assert.deepEqual([after.left, after.width], [before.left, before.width], 'the content did not move when the scrollbar appeared');
        // Back to side by side for the next journeys (the choice is kept in the webview state).
        await panel.locator('#layout').click();
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });

    it('leaves the focus where it is when the answer is revealed from the command palette', async () => {
      const target = practiceTarget();
      await workbench.step('revealed-from-palette-focus-kept', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        await workbench.questionsList().focus();
        await workbench.runCommand('Dojo: Reveal Answer');
        await panel.locator('#reference').waitFor({ state: 'visible' });
        // Give a late focus grab time to happen, then check nobody took the focus from the tree.
        await workbench.page.waitForTimeout(500);
        const inSidebar = await workbench.page.evaluate(() => Boolean(document.activeElement?.closest('.part.sidebar')));
        assert.ok(inSidebar, 'the focus stays in the side bar');
        assert.equal(await panel.evaluate(() => document.hasFocus()), false, 'the panel did not take the focus');
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });

    it('checks the attempt after Reveal: missed points first, matched terms highlighted in the attempt, the suggested grade marked', async () => {
      const target = practiceTarget();
      const points = keyPoints(bundledIndex().index.questions.find((q) => q.id === target.questionId)!.answer);
      assert.ok(points.length >= 2, 'the question has key points to check');
      await workbench.step('self-check-one-point', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        if ((await panel.locator('#reveal').getAttribute('aria-expanded')) !== 'true') await panel.locator('#reveal').click();
        await panel.locator('#attempt').click();
        await workbench.page.keyboard.press('ControlOrMeta+a');
        await workbench.page.keyboard.type(points[0]!.text);
        await panel.locator('#check-covered li').first().waitFor();
        await panel.locator('#check-missed li').first().waitFor();
        const order = await panel.evaluate(() => Array.from(document.querySelectorAll('#self-check .dojo-check-group:not([hidden])'), (group) => group.id));
        assert.equal(order[0], 'check-missed', `the missed points come first: ${order.join(', ')}`);
        // The highlights lie over the attempt's own words.
        const marks = panel.locator('#attempt-marks mark');
        assert.ok((await marks.count()) > 0, 'terms are highlighted');
        const box = (await panel.locator('#attempt').boundingBox())!;
        const mark = (await marks.first().boundingBox())!;
        assert.ok(mark.x >= box.x && mark.y >= box.y && mark.x + mark.width <= box.x + box.width + 1, `the mark is inside the attempt (${JSON.stringify({ box, mark })})`);
        assert.ok(points[0]!.text.includes((await marks.first().textContent()) ?? '∅'), 'a highlight is text of the attempt');
        await panel.locator('.dojo-grade.dojo-suggested .dojo-suggested-badge').filter({ hasText: 'Suggested' }).waitFor();
        assert.match((await panel.locator('#check-summary').textContent()) ?? '', /Your attempt covers about \d+% of the key points/);
      });
      await workbench.step('self-check-updated-while-typing', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        const coveredBefore = await panel.locator('#check-covered li').count();
        await workbench.page.keyboard.type(`\n${points[1]!.text}`);
        await panel.waitForFunction((before) => document.querySelectorAll('#check-covered li').length > before, coveredBefore, { timeout: 15_000 });
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });

    it('keeps what was typed just before the panel was closed with Ctrl+W', async () => {
      const target = practiceTarget();
      const typed = ' — closed at once';
      let expected = '';
      await workbench.step('typed-then-closed', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.locator('#attempt').click();
        await panel.locator('#attempt').press('End');
        expected = (await attemptValue(panel)) + typed;
        await workbench.page.keyboard.type(typed);
        // At once: well inside the 400 ms the webview used to wait before saving.
        await workbench.page.keyboard.press('Control+w');
        await workbench.page.waitForFunction(
          (title) => !Array.from(document.querySelectorAll('.part.editor [role="tab"] .label-name')).some((tab) => tab.textContent === title),
          target.questionTitle,
        );
      });
      await workbench.step('reopened-with-text', async () => {
        await workbench.clickTreeItem(target.questionTitle);
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.waitForFunction((text) => (document.getElementById('attempt') as HTMLTextAreaElement).value === text, expected, {
          timeout: 15_000,
        }).catch(async () => assert.equal(await attemptValue(panel), expected));
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });

    it('never lets a local copy made before newer text was stored replace that text', async () => {
      const target = practiceTarget();
      let expected = '';
      await workbench.step('stale-local-copy-planted', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.locator('#attempt').click();
        await panel.locator('#attempt').press('End');
        await workbench.page.keyboard.type(' — stored');
        expected = await attemptValue(panel);
        await panel.locator('#save-status').filter({ hasText: 'Saved' }).waitFor();
        // What a panel closed right after typing leaves behind, typed on top of text the extension has replaced since.
        await panel.evaluate((key) => {
          localStorage.setItem(key, JSON.stringify({ text: 'an out-of-date copy', base: 'what was stored long ago' }));
        }, `dojo.unsavedAttempt.${target.questionId}`);
        await workbench.page.keyboard.press('Control+w');
      });
      await workbench.step('stored-text-wins-over-stale-copy', async () => {
        await workbench.clickTreeItem(target.questionTitle);
        const panel = await panelShowing(workbench, target.questionTitle);
        assert.equal(await attemptValue(panel), expected);
        const copy = await panel.evaluate((key) => localStorage.getItem(key), `dojo.unsavedAttempt.${target.questionId}`);
        assert.equal(copy, null, 'the stale copy is gone');
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });

    it('keeps what was typed just before a page reload, whether or not the workbench restores the panel', async () => {
      const target = practiceTarget();
      const typed = ' — reloaded at once';
      let expected = '';
      await workbench.step('typed-then-page-reloaded', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.locator('#attempt').click();
        await panel.locator('#attempt').press('End');
        expected = (await attemptValue(panel)) + typed;
        await workbench.page.keyboard.type(typed);
        await workbench.reload();
      });
      await workbench.step('reopened-after-page-reload', async () => {
        // A browser reload does not let the workbench save which editors were open: open the question again.
        await workbench.openQuestionBySearch(target.questionTitle);
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel
          .waitForFunction((text) => (document.getElementById('attempt') as HTMLTextAreaElement).value === text, expected, { timeout: 15_000 })
          .catch(async () => assert.equal(await attemptValue(panel), expected));
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });

    it('after Next twice and Developer: Reload Window run at once, shows the last question with the text just typed', async () => {
      const target = practiceTarget();
      const typed = 'typed right before the reload';
      let lastTitle = '';
      await workbench.step('next-twice-typed-then-reload-window', async () => {
        let panel = await panelShowing(workbench, target.questionTitle);
        let title = target.questionTitle;
        for (let i = 0; i < 2; i++) {
          await panel.locator('#next').click();
          await panel.waitForFunction((previous) => {
            const shown = document.getElementById('title')?.textContent;
            return Boolean(shown) && shown !== previous;
          }, title);
          title = (await panel.locator('#title').textContent()) ?? '';
          panel = await panelShowing(workbench, title);
        }
        lastTitle = title;
        await panel.locator('#attempt').click();
        await workbench.page.keyboard.type(typed);
        // Listening before the command runs: the page may have loaded again by the time the palette step returns.
        const reloaded = workbench.page.waitForEvent('load', { timeout: 60_000 });
        await workbench.runCommand('Developer: Reload Window');
        await reloaded;
        await workbench.waitUntilLoaded();
      });
      await workbench.step('restored-after-reload-window', async () => {
        const panel = await panelShowing(workbench, lastTitle);
        await panel
          .waitForFunction((text) => (document.getElementById('attempt') as HTMLTextAreaElement).value.endsWith(text), typed, { timeout: 15_000 })
          .catch(async () => assert.ok((await attemptValue(panel)).endsWith(typed), `attempt: ${await attemptValue(panel)}`));
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });
  });
}

// A bank with a formula, code and HTML, and an image beside it: what the webview's own renderer must show right under
// the strict CSP.
const RENDER_TITLE = 'Which formula and code render in the panel?';
const IMAGE_TITLE = 'Which image and key does a user bank show?';
const RENDER_BANK = `# Rendering check bank

### 1. ${RENDER_TITLE}

**答案：** Inline <u>raw HTML</u> stays text, and math $E = mc^2$ renders: $$\\frac{a}{b}$$

\`\`\`python
def area(r):
    return 3.14 * r ** 2
\`\`\`

### 2. ${IMAGE_TITLE}

**题目：** Press <kbd>Ctrl</kbd>+<kbd>C</kbd> on the dot: ![the dot](img/dot.png)

**答案：** <details><summary>Why a dot?</summary>

It is the smallest image. <img src="img/dot.png" alt="again" width="20"> ![escaping](../outside.png)

</details>
`;
/** A 1×1 PNG. */
const DOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('Bank content rendered by the practice webview', () => {
  let session: Session;
  let workbench: Workbench;
  let bankDir: string;
  before(async () => {
    bankDir = mkdtempSync(path.join(tmpdir(), 'dojo-render-bank-'));
    const bank = path.join(bankDir, 'render-check.md');
    writeFileSync(bank, RENDER_BANK);
    mkdirSync(path.join(bankDir, 'img'));
    writeFileSync(path.join(bankDir, 'img', 'dot.png'), Buffer.from(DOT_PNG, 'base64'));
    session = await openSession({ name: 'e2e-panel-rendering', colorTheme: 'Default Light Modern', settings: { 'dojo.extraBanks': [bank] } });
    workbench = new Workbench(session.page, session.logsDir);
  });
  after(async () => {
    await session?.close();
    rmSync(bankDir, { recursive: true, force: true });
  });

  it('shows formulas laid out by KaTeX, highlighted code and raw HTML as text, with no CSP violation', async () => {
    await workbench.step('rendering-question-revealed', async () => {
      await workbench.waitUntilLoaded();
      await workbench.openActivityBarItem('Interview Dojo');
      await workbench.openQuestionBySearch(RENDER_TITLE);
      const panel = await panelShowing(workbench, RENDER_TITLE);
      await panel.locator('#reveal').click();
      await panel.locator('#reference .katex').first().waitFor({ state: 'visible' });
      // KaTeX's fonts use `font-display: block` (glyphs stay invisible while they load): they must load under the CSP,
      // and the screenshot is taken once they have.
      const fontsLoaded = await panel.evaluate(async () => {
        await document.fonts.ready;
        return ['KaTeX_Main', 'KaTeX_Math'].map((family) => document.fonts.check(`16px ${family}`));
      });
      assert.deepEqual(fontsLoaded, [true, true], 'KaTeX_Main and KaTeX_Math loaded');
      const shown = await panel.evaluate(() => {
        const reference = document.getElementById('reference')!;
        // KaTeX stacks a fraction with inline offsets (`top`) of zero-height rows: applied through the CSSOM, they put
        // the numerator above the denominator; without them both would sit on one line.
        const letters = Array.from(reference.querySelectorAll<HTMLElement>('.katex-display .mfrac .mathnormal'));
        const numerator = letters.find((node) => node.textContent === 'a');
        const denominator = letters.find((node) => node.textContent === 'b');
        return {
          formulas: reference.querySelectorAll('.katex-html').length,
          stackedBy: numerator && denominator ? denominator.getBoundingClientRect().top - numerator.getBoundingClientRect().top : NaN,
          styledNodes: reference.querySelectorAll('[data-dojo-style]').length,
          inlineStyles: Array.from(reference.querySelectorAll<HTMLElement>('[data-dojo-style]')).filter((node) => node.style.cssText !== '').length,
          keyword: reference.querySelector('pre code.hljs .hljs-keyword')?.textContent,
          keywordColour: getComputedStyle(reference.querySelector('pre code.hljs .hljs-keyword')!).color,
          codeColour: getComputedStyle(reference.querySelector('pre code.hljs')!).color,
          rawElements: reference.querySelectorAll('u').length,
          text: reference.textContent ?? '',
        };
      });
      assert.equal(shown.formulas, 2, 'the inline and the display formula');
      assert.ok(shown.styledNodes > 0 && shown.inlineStyles === shown.styledNodes, `KaTeX's styles applied (${JSON.stringify(shown)})`);
      assert.ok(shown.stackedBy > 8, `the fraction's numerator is above its denominator (${shown.stackedBy}px lower)`);
      assert.equal(shown.keyword, 'def');
      assert.notEqual(shown.keywordColour, shown.codeColour, 'keywords are coloured');
      assert.equal(shown.rawElements, 0, 'raw HTML from the bank is not markup');
      assert.ok(shown.text.includes('<u>raw HTML</u>'), 'it is shown as text');
    });
    assert.deepEqual(session.webviewErrors, [], 'errors (CSP violations among them) in the webview');
  });

  it("loads a user bank's images from its folder, and renders its allowed HTML", async () => {
    await workbench.step('image-question-revealed', async () => {
      await workbench.openQuestionBySearch(IMAGE_TITLE);
      const panel = await panelShowing(workbench, IMAGE_TITLE);
      await panel.locator('#reveal').click();
      await panel.locator('#reference details').waitFor({ state: 'attached' });
      await panel.locator('#reference details summary').click();
      // Every image the page shows has loaded (the bank's folder is a resource root of this panel).
      await panel.waitForFunction(() => Array.from(document.images).every((image) => image.complete), undefined, { timeout: 15_000 });
      const shown = await panel.evaluate(() => {
        const images = Array.from(document.querySelectorAll<HTMLImageElement>('#prompt img, #reference img'));
        return {
          images: images.map((image) => ({ alt: image.alt, width: image.naturalWidth })),
          keys: Array.from(document.querySelectorAll('#prompt kbd')).map((kbd) => kbd.textContent),
          summary: document.querySelector('#reference details summary')?.textContent,
          open: document.querySelector<HTMLDetailsElement>('#reference details')?.open,
          refused: document.querySelector('#reference .dojo-refused-image')?.textContent ?? '',
        };
      });
      assert.deepEqual(shown.images, [{ alt: 'the dot', width: 1 }, { alt: 'again', width: 1 }], 'both images loaded (naturalWidth > 0)');
      assert.deepEqual(shown.keys, ['Ctrl', 'C']);
      assert.equal(shown.summary, 'Why a dot?');
      assert.equal(shown.open, true);
      assert.match(shown.refused, /^escaping Image not shown/, 'a path out of the folder is a note, not an image');
    });
    assert.deepEqual(session.webviewErrors, [], 'errors (CSP violations among them) in the webview');
  });
});

