// One window start of the workbench, measured: the click on the Interview Dojo activity-bar item activates the
// extension (its view is an activation event) while the probe watches the extension host; then the Explorer's
// click as the baseline, a reload, a star, opening a question and revealing its answer, the idle host, the heap.
import type { Locator, Page } from 'playwright-core';
import { panelShowing, Workbench } from '../../test/e2e/workbench';
import { HarnessError } from '../../test/host/teardown';
import type { Mailbox } from './mailbox';
import { armVisible, installTiming, lastMousedown, starIconsOfRow, treeRows, visibleAt } from './pageTiming';
import type {
  IdleResult,
  PickedQuestion,
  Populated,
  QuietResult,
  ReloadResult,
  RenderReport,
  StarResult,
} from './protocol';

const DOJO_CONTAINER = 'workbench.view.extension.dojo';
const EXPLORER_CONTAINER = 'workbench.view.explorer';
/** A group row (it expands), not a placeholder such as "Indexing…". */
const GROUP_ROW = '[aria-expanded]';
const POPULATE_TIMEOUT_MS = 300_000;
/** Idle spans longer than this are not worth the wait: the floor hardly changes. */
const IDLE_CAP_MS = 5_000;

export interface HeapResult {
  /** Live heap (MiB) after GC, after the first load and after `reloads` reloads. */
  firstMiB: number;
  afterMiB: number;
  reloads: number;
}

export interface WindowSample {
  quiet: QuietResult;
  activation: Populated;
  /** Activity-bar click → first group row visible (page clock). */
  clickToRowMs: number;
  /** The extension's activate() call (or the click) → the tree has rows (extension host clock). */
  indexMs: number;
  explorerClickToRowMs: number;
  reload: ReloadResult;
  star: StarResult & { visibleMs: number };
  /** Click on the question's row → the panel reported it rendered. */
  openMs: number;
  /** Click on Reveal → the panel reported the reference rendered. */
  revealMs: number;
  /** Where open and reveal were timed: the host's 'rendered' messages, or the browser when the API lacks them. */
  renderedBy: 'host' | 'browser';
  /** Longest block of the idle host over the activation span's and the reload's durations. */
  idleFloor: { activationMs: number; reloadMs: number };
  heap?: HeapResult;
}

export interface WindowRun {
  page: Page;
  mailbox: Mailbox;
  /** Where a screenshot goes when a step fails. */
  shotsDir: string;
}

/** The warm-up window: code-server, the browser and the disk caches load once; the extension stays inactive. */
export async function warmUp({ page, mailbox, shotsDir }: WindowRun): Promise<void> {
  const workbench = new Workbench(page, shotsDir);
  await step(workbench, 'warm-up', async () => {
    await loaded(workbench, mailbox);
    await mailbox.call({ type: 'done' });
  });
}

/** `heapReloads` > 0: the live heap after the first load and after that many reloads (the timed one included). */
export async function measureWindow({ page, mailbox, shotsDir }: WindowRun, heapReloads: number): Promise<WindowSample> {
  const workbench = new Workbench(page, shotsDir);
  const dojoRows = treeRows(DOJO_CONTAINER, GROUP_ROW);

  const quiet = await step(workbench, 'workbench-loaded', async () => {
    await loaded(workbench, mailbox);
    // The Explorer lists the workspace's files: the window has finished restoring.
    await page.locator(`[id="${EXPLORER_CONTAINER}"] .monaco-list-row[role="treeitem"]`).first().waitFor({ timeout: 60_000 });
    await installTiming(page);
    return mailbox.call<QuietResult>({ type: 'waitQuiet', quietMs: 1000, maxMs: 10_000 }, 30_000);
  });

  const { activation, clickToRowMs } = await step(workbench, 'activated', async () => {
    await armVisible(page, 'dojo-row', dojoRows, POPULATE_TIMEOUT_MS);
    await activityTab(page, 'Interview Dojo').click();
    const click = await lastMousedown(page);
    const row = await visibleAt(page, 'dojo-row');
    const activation = await mailbox.waitFor((event) => (event.type === 'populated' ? event : undefined), POPULATE_TIMEOUT_MS, 'populated tree');
    return { activation, clickToRowMs: row - click };
  });
  // The heap after the first load, before anything else adds to it (the timed reload counts among the reloads).
  const firstMiB = heapReloads > 0 ? await mailbox.call<number>({ type: 'liveHeap' }) : 0;

  const explorerClickToRowMs = await step(workbench, 'explorer', async () => {
    await armVisible(page, 'explorer-row', treeRows(EXPLORER_CONTAINER), 60_000);
    await activityTab(page, 'Explorer').click();
    const click = await lastMousedown(page);
    const ms = (await visibleAt(page, 'explorer-row')) - click;
    // Back to the questions. A click that lands while the workbench is still switching views only shows the tab's hover:
    // clicked again until the view shows.
    const groupRow = page.locator(`[id="${DOJO_CONTAINER}"] .monaco-list-row[role="treeitem"]${GROUP_ROW}`).first();
    for (let attempt = 1; ; attempt++) {
      await activityTab(page, 'Interview Dojo').click();
      try {
        await groupRow.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
    return ms;
  });

  const reload = await step(workbench, 'reloaded', async () => {
    await mailbox.call({ type: 'waitQuiet', quietMs: 500, maxMs: 10_000 });
    return mailbox.call<ReloadResult>({ type: 'reload' }, POPULATE_TIMEOUT_MS);
  });

  const picked = await mailbox.call<PickedQuestion>({ type: 'pickQuestion' });
  const star = await step(workbench, 'starred', async () => {
    await workbench.expandTreeItem(picked.groupLabel);
    await workbench.treeItem(picked.questionTitle).first().waitFor({ timeout: 30_000 });
    // Progress may be kept between windows: start from a question without a star.
    if (picked.starred) await setStar(page, mailbox, picked, false);
    await mailbox.call({ type: 'waitQuiet', quietMs: 500, maxMs: 10_000 });
    await armVisible(page, 'star', starIconsOfRow(DOJO_CONTAINER, picked.questionTitle), 60_000);
    const result = await mailbox.call<StarResult>({ type: 'setStar', questionId: picked.questionId, starred: true });
    const visibleMs = (await visibleAt(page, 'star')) - result.start;
    await setStar(page, mailbox, picked, false);
    return { ...result, visibleMs };
  });

  let renderedBy: WindowSample['renderedBy'] = 'host';
  const { openMs, panel } = await step(workbench, 'question-opened', async () => {
    await mailbox.call({ type: 'waitQuiet', quietMs: 500, maxMs: 10_000 });
    await workbench.treeItem(picked.questionTitle).first().click();
    const click = await lastMousedown(page);
    const panel = await panelShowing(workbench, picked.questionTitle);
    const shown = Date.now();
    const rendered = await renderedAfter(mailbox, picked.questionId, false, click);
    if (rendered === undefined) renderedBy = 'browser';
    return { openMs: (rendered ?? shown) - click, panel };
  });

  const revealMs = await step(workbench, 'answer-revealed', async () => {
    await installTiming(panel);
    await mailbox.call({ type: 'waitQuiet', quietMs: 500, maxMs: 10_000 });
    await panel.locator('#reveal').click();
    const click = await lastMousedown(panel);
    await panel.locator('#reference').waitFor({ state: 'visible', timeout: 60_000 });
    const shown = Date.now();
    const rendered = await renderedAfter(mailbox, picked.questionId, true, click);
    if (rendered === undefined) renderedBy = 'browser';
    return (rendered ?? shown) - click;
  });

  const activationSpanMs = activation.span.end - activation.span.start;
  const durationsMs = [activationSpanMs, reload.durationMs].map((ms) => Math.min(IDLE_CAP_MS, Math.max(500, ms)));
  const idle = await mailbox.call<IdleResult>({ type: 'idle', durationsMs }, Math.max(...durationsMs) + 30_000);
  let heap: HeapResult | undefined;
  if (heapReloads > 0) {
    await mailbox.call({ type: 'reloads', count: heapReloads - 1 }, 900_000);
    heap = { firstMiB, afterMiB: await mailbox.call<number>({ type: 'liveHeap' }), reloads: heapReloads };
  }
  await mailbox.call({ type: 'done' });

  return {
    quiet,
    activation,
    clickToRowMs,
    indexMs: activation.populated - (activation.willActivate ?? activation.span.start),
    explorerClickToRowMs,
    reload,
    star,
    openMs,
    revealMs,
    renderedBy,
    idleFloor: { activationMs: idle.blocksMs[0], reloadMs: idle.blocksMs[1] },
    heap,
  };
}

async function loaded(workbench: Workbench, mailbox: Mailbox): Promise<void> {
  await workbench.waitUntilLoaded();
  const ready = await mailbox.waitFor((event) => (event.type === 'ready' ? event : undefined), 90_000, '"ready" (the probe did not start)');
  if (ready.activeAtStart) {
    throw new HarnessError('Interview Dojo was active before its view was opened: an activation event fires at startup, so the bench cannot time activation.');
  }
}

function activityTab(page: Page, label: string): Locator {
  return page.locator('.part.activitybar').getByRole('tab', { name: new RegExp(`^${label}`) });
}

/** Stars or unstars untimed, and waits until the row shows it. */
async function setStar(page: Page, mailbox: Mailbox, picked: PickedQuestion, starred: boolean): Promise<void> {
  await mailbox.call({ type: 'setStar', questionId: picked.questionId, starred });
  const icons = starIconsOfRow(DOJO_CONTAINER, picked.questionTitle);
  await page.waitForFunction(`${icons}.length ${starred ? '>' : '==='} 0`, undefined, { timeout: 30_000 });
}

/** When the host received the panel's 'rendered' message for the question after `since`; undefined without such messages. */
async function renderedAfter(mailbox: Mailbox, questionId: string, revealed: boolean, since: number): Promise<number | undefined> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const renders = await mailbox.call<RenderReport[]>({ type: 'renders' });
    const match = renders.find((report) => report.questionId === questionId && report.revealed === revealed && report.at >= since);
    if (match) return match.at;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs a step; on failure saves a screenshot and names the step. */
async function step<T>(workbench: Workbench, name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    await workbench.screenshot(`${name}-FAILED`).catch(() => undefined);
    throw new HarnessError(`Step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
