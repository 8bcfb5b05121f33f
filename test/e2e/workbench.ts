// Small helpers to drive the VS Code workbench as a person would: by visible labels, clicks and keys.
// Selectors are the workbench's own DOM (VS Code 1.100); each helper waits for the result of its action.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

const timeout = 30_000;

export class Workbench {
  private shots = 0;

  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {
    mkdirSync(screenshotDir, { recursive: true });
  }

  /** Waits for the workbench and its colour theme, which is applied once the extensions have been scanned. */
  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('.monaco-workbench[class*="vscode-theme-"] .part.statusbar').waitFor({ timeout: 90_000 });
  }

  /** 'vs' (light), 'vs-dark', 'hc-black' or 'hc-light': the theme kind the workbench applied. */
  async themeKind(): Promise<string> {
    const classes = (await this.page.locator('.monaco-workbench').getAttribute('class')) ?? '';
    return ['hc-light', 'hc-black', 'vs-dark', 'vs'].find((kind) => classes.split(/\s+/).includes(kind)) ?? '';
  }

  /** Clicks the activity-bar item whose accessible name starts with `label` and waits for its view container. */
  async openActivityBarItem(label: string): Promise<void> {
    const item = this.page.locator('.part.activitybar').getByRole('tab', { name: new RegExp(`^${escapeRegExp(label)}`) });
    await item.click({ timeout });
    await this.page.locator('.part.sidebar .composite.title').filter({ hasText: new RegExp(escapeRegExp(label), 'i') }).waitFor({ timeout });
  }

  /** A row of a tree in the side bar, found by its label text (not its description). */
  treeItem(label: string): Locator {
    return this.page
      .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
      .filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) });
  }

  async expandTreeItem(label: string): Promise<void> {
    const row = this.treeItem(label);
    await row.waitFor({ timeout });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    await this.page.waitForFunction(
      (element) => element?.getAttribute('aria-expanded') === 'true',
      await row.elementHandle(),
      { timeout },
    );
  }

  async clickTreeItem(label: string): Promise<void> {
    await this.treeItem(label).click({ timeout });
  }

  /** Runs a command through the command palette (F1), by its title as the palette shows it. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const listed = this.page.locator('.quick-input-list .monaco-list-row .label-name').getByText(title, { exact: true }).first();
    // Right after a (re)load the palette may open before the extensions' contributions are registered, and it lists the
    // commands it knew when it opened: close it and open it again until the command is there.
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ timeout });
      await input.fill(`>${title}`);
      const found = await listed.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (found || Date.now() > deadline) break;
      await this.page.keyboard.press('Escape');
      await this.page.waitForTimeout(500);
    }
    await this.acceptQuickPickRow(title);
  }

  /** In an open quick pick: types `label` to filter and accepts the row with that label. */
  async pickQuickPickRow(label: string): Promise<void> {
    await this.page.locator('.quick-input-widget input').fill(label);
    await this.acceptQuickPickRow(label);
  }

  /**
   * Presses Enter once the quick pick's focused row is the one labelled `label`: a row that is merely listed may still
   * be below the focused one while the list catches up with what was typed, and Enter accepts the focused row.
   */
  private async acceptQuickPickRow(label: string): Promise<void> {
    const focused = this.page
      .locator('.quick-input-list .monaco-list-row.focused')
      .filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) })
      .first();
    // An extension's quick pick replaces its items after each keystroke (a round trip to the extension host): wait
    // until the rows have stopped changing with the wanted one focused, or Enter may accept a row of the old list.
    const rows = () => this.page.locator('.quick-input-list .monaco-list-row .label-name').allTextContents();
    const deadline = Date.now() + timeout;
    const widget = this.page.locator('.quick-input-widget');
    let previous = '';
    for (;;) {
      while (!(await focused.isVisible())) {
        if (!(await widget.isVisible())) throw new QuickPickClosed(label);
        if (Date.now() > deadline) throw new Error(`The quick pick never focused the row "${label}"`);
        await this.page.waitForTimeout(100);
      }
      const now = JSON.stringify(await rows());
      if (now === previous) break;
      previous = now;
      await this.page.waitForTimeout(300);
    }
    // The search refuses an Enter that may have been meant for the list shown before its results arrived (see
    // src/commands/replacedItems.ts): the pick stays open on the results, and Enter again opens what it shows.
    for (let tries = 0; tries < 3; tries++) {
      await this.page.keyboard.press('Enter');
      // Accepted: the pick closed, or the next step of a multi-step pick replaced the row.
      if (await focused.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false)) return;
    }
  }

  /**
   * In the workbench's own file dialog (a quick input): types the path of `file` and accepts it. The dialog fills in its
   * starting folder once it has read it, which replaces a path typed before: typed until it stays and the dialog
   * lists the file.
   */
  async chooseInFileDialog(file: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout });
    for (let attempt = 1; ; attempt++) {
      await input.fill(file);
      const listed = await this.page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ hasText: path.basename(file) })
        .first()
        .waitFor({ timeout: 3_000 })
        .then(() => true, () => false);
      const kept = async () => (await input.inputValue()) === file;
      if (listed && (await kept()) && (await this.page.waitForTimeout(300).then(kept))) break;
      if (attempt >= 10) throw new Error(`the file dialog does not keep the typed path (it shows "${await input.inputValue()}")`);
    }
    await this.page.keyboard.press('Enter');
  }

  /** The webview frame (among page.frames()) whose document contains `selector`. */
  async webviewFrame(selector: string): Promise<Frame> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame() || frame.isDetached()) continue;
        if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`No webview frame contains ${selector} after ${timeout / 1000} s`);
  }

  /** The labels of the open editor tabs, in order. */
  async editorTabs(): Promise<string[]> {
    const labels = await this.page.locator('.part.editor .tabs-container [role="tab"] .label-name').allTextContents();
    return labels.map((label) => label.trim());
  }

  async waitForEditorTab(predicate: (label: string) => boolean, description: string): Promise<string> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const match = (await this.editorTabs()).find(predicate);
      if (match) return match;
      await this.page.waitForTimeout(250);
    }
    throw new Error(`No editor tab ${description}; open tabs: ${(await this.editorTabs()).join(', ') || '(none)'}`);
  }

  /** The visible text of the active text editor (Monaco renders spaces as no-break spaces). */
  async activeEditorText(): Promise<string> {
    const lines = this.page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first();
    await lines.waitFor({ timeout });
    return (await lines.innerText()).replace(/\u00a0/g, ' ');
  }

  /**
   * Opens a tree row with the keyboard, as a person who does not use the mouse: focuses the side bar's tree, walks
   * down to the row with the arrow keys and presses Enter.
   */
  async openTreeItemWithKeyboard(label: string): Promise<void> {
    const row = this.treeItem(label);
    await row.waitFor({ timeout });
    await this.questionsList().focus();
    const focusedLabel = () =>
      this.page.locator('.part.sidebar .monaco-list-row.focused .label-name').first().textContent({ timeout: 1_000 }).catch(() => null);
    if ((await focusedLabel()) === null) await this.page.keyboard.press('Home');
    for (let presses = 0; (await focusedLabel())?.trim() !== label; presses++) {
      if (presses > 60) throw new Error(`The arrow keys never reached the tree row "${label}"`);
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
  }

  /** The Questions tree's list: the side bar's visible one (the Get Started view above it shows no list, only its welcome). */
  questionsList(): Locator {
    return this.page.locator('.part.sidebar .monaco-list').filter({ visible: true }).first();
  }

  /** Opens a question through "Dojo: Search Questions..." by its title (needs no side bar, which a reload may be restoring). */
  async openQuestionBySearch(title: string): Promise<void> {
    // Right after a reload the workbench may still be restoring an editor, whose focus closes the quick pick: again.
    for (let tries = 1; ; tries++) {
      await this.runCommand('Dojo: Search Questions...');
      const input = this.page.locator('.quick-input-widget input');
      await input.fill(title);
      try {
        return await this.acceptQuickPickRow(title);
      } catch (error) {
        if (!(error instanceof QuickPickClosed) || tries === 3) throw error;
      }
    }
  }

  /** Reloads the browser page (what "Developer: Reload Window" does in a browser) and waits for the workbench. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilLoaded();
  }

  /** Runs one step of a journey and saves a screenshot after it (`NN-<name>-FAILED.png` when it fails). */
  async step(name: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      await this.screenshot(`${name}-FAILED`).catch(() => undefined);
      throw new Error(`Step "${name}" failed: ${error instanceof Error ? error.message : error}`, { cause: error });
    }
    await this.screenshot(name);
  }

  /** Saves a numbered full-page screenshot, e.g. `03-question-opened.png`. */
  async screenshot(step: string): Promise<void> {
    this.shots += 1;
    const name = `${String(this.shots).padStart(2, '0')}-${step}.png`;
    await this.page.screenshot({ path: path.join(this.screenshotDir, name) });
  }
}

/** The quick pick closed before its row could be accepted (another part of the workbench took the focus). */
class QuickPickClosed extends Error {
  constructor(label: string) {
    super(`The quick pick closed before its row "${label}" was accepted`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How much of the editor area a picture of editors shows: the top, where short files end. */
const EDITORS_HEIGHT = 480;

/**
 * Saves a screenshot of the whole window, of the activity bar and side bar down to the last tree row
 * (`part: 'sidebar'`), or of the top of the editor area (`part: 'editors'`), to `file`: for pictures meant for people
 * (the README), not for a step's record.
 */
export async function saveScreenshot(page: Page, file: string, part: 'window' | 'sidebar' | 'editors' = 'window'): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  // No hover tooltip over the picture: rest the mouse on the empty middle of the status bar.
  const viewport = page.viewportSize();
  if (viewport) await page.mouse.move(viewport.width / 2, viewport.height - 4);
  await page.locator('.workbench-hover').first().waitFor({ state: 'hidden', timeout }).catch(() => undefined);
  if (part === 'window') {
    await page.screenshot({ path: file });
    return;
  }
  if (part === 'editors') {
    const editors = await page.locator('.part.editor').boundingBox();
    if (!editors) throw new Error('The window shows no editor area');
    await page.screenshot({ path: file, clip: { ...editors, height: Math.min(editors.height, EDITORS_HEIGHT) } });
    return;
  }
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const lastRow = await page.locator('.part.sidebar .monaco-list-row[role="treeitem"]').last().boundingBox();
  if (!sidebar || !lastRow) throw new Error('The side bar shows no tree');
  const height = Math.min(sidebar.y + sidebar.height, lastRow.y + lastRow.height + 16);
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width: sidebar.x + sidebar.width, height } });
}

/** The webview frame showing the question titled `title`, once its script has rendered it. */
export async function panelShowing(workbench: Workbench, title: string): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  const shows = (frame: Frame) =>
    frame.evaluate((expected) => document.getElementById('title')?.textContent === expected, title).catch(() => false);
  let seen: string[] = [];
  while (Date.now() < deadline) {
    // Every practice page, not the first one found: after a reload the workbench may be restoring another.
    const frames = workbench.page.frames().filter((frame) => frame !== workbench.page.mainFrame() && !frame.isDetached());
    seen = [];
    for (const frame of frames) {
      if ((await frame.locator('#attempt').count().catch(() => 0)) === 0) continue;
      if (await shows(frame)) return frame;
      seen.push(String(await frame.evaluate(() => document.getElementById('title')?.textContent ?? '').catch(() => '?')));
    }
    await workbench.page.waitForTimeout(250);
  }
  throw new Error(`No practice panel shows "${title}"; the practice pages show: ${seen.map((t) => `"${t}"`).join(', ') || 'none'}`);
}
