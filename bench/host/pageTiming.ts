// Times taken inside the browser, on the page's own clock (Date.now(), the machine's clock the extension host
// also reads): when the last mousedown happened, and when an element first became visible (a MutationObserver,
// armed before the click). Scripts are plain JavaScript text: tsx would add helpers to a serialized function.
import type { Frame, Page } from 'playwright-core';

type Target = Page | Frame;

const installScript = `(() => {
  if (window.__dojoBench) return;
  window.__dojoBench = { mousedown: 0, waits: {} };
  window.addEventListener('mousedown', () => { window.__dojoBench.mousedown = Date.now(); }, true);
})()`;

/** Starts recording mousedowns in the page or frame (again after a reload). */
export async function installTiming(target: Target): Promise<void> {
  await target.evaluate(installScript);
}

/** When the last mousedown in the page or frame happened. */
export async function lastMousedown(target: Target): Promise<number> {
  const at = await target.evaluate('window.__dojoBench.mousedown');
  if (typeof at !== 'number' || at === 0) throw new Error('No mousedown was recorded');
  return at;
}

/**
 * Arms a watch for the first visible element among those `candidates` (a JavaScript expression giving an array
 * of elements) returns; `visibleAt` then resolves to when it appeared. Arm before the action that shows it.
 */
export async function armVisible(target: Target, key: string, candidates: string, timeoutMs: number): Promise<void> {
  await target.evaluate(`(() => {
    const bench = window.__dojoBench;
    bench.waits[${JSON.stringify(key)}] = new Promise((resolve, reject) => {
      const find = () => (${candidates}).find((element) => element.checkVisibility() && element.getBoundingClientRect().height > 0);
      const finish = (value) => { observer.disconnect(); clearTimeout(timer); resolve(value); };
      const observer = new MutationObserver(() => { if (find()) finish(Date.now()); });
      const timer = setTimeout(() => { observer.disconnect(); reject(new Error('Nothing visible for ' + ${JSON.stringify(key)})); }, ${timeoutMs});
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      if (find()) finish(Date.now());
    });
    bench.waits[${JSON.stringify(key)}].catch(() => undefined);
  })()`);
}

export async function visibleAt(target: Target, key: string): Promise<number> {
  return (await target.evaluate(`window.__dojoBench.waits[${JSON.stringify(key)}]`)) as number;
}

/** Rows of a tree in the side bar's view container `containerId` (e.g. workbench.view.explorer), as a JS expression. */
export function treeRows(containerId: string, rowFilter = ''): string {
  return `Array.from(document.querySelectorAll(${JSON.stringify(`[id="${containerId}"] .monaco-list-row[role="treeitem"]${rowFilter}`)}))`;
}

/** The star icons (state icon or inline action) of the tree row labelled `title`, as a JS expression. */
export function starIconsOfRow(containerId: string, title: string): string {
  return `${treeRows(containerId)}
    .filter((row) => row.querySelector('.label-name')?.textContent === ${JSON.stringify(title)})
    .flatMap((row) => Array.from(row.querySelectorAll('.codicon-star-full')))`;
}
