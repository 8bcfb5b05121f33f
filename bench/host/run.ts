// `npm run bench:host`: Interview Dojo in the real host (code-server, headless Chromium), with the bundled banks
// and with a 10k-question extra bank, cold (empty globalStorage) and warm (a second window start on the first's
// globalStorage). Per configuration one code-server; a warm-up window, then alternately cold and warm windows,
// each a fresh page and workspace folder whose extension host runs the probe (bench/host/probe/).
// Writes bench/host-results.json (schema: bench/results.ts) and prints a table.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { loadDomains } from '../../src/core/domains';
import { buildIndex, practiceItems } from '../../src/core/indexer';
import { compileSuite } from '../../test/host/compileSuite';
import { delay } from '../../test/host/codeServer';
import { repoRoot } from '../../test/host/paths';
import { openSession, workbenchUrl, type Session } from '../../test/host/session';
import { extensionId } from '../../test/host/suiteProtocol';
import { trackedTempDir } from '../../test/host/tempDir';
import { HarnessError, runMain } from '../../test/host/teardown';
import { bundledBanks, syntheticBank, totalBytes } from '../banks';
import type { BenchResults } from '../results';
import { percentile } from '../timing';
import { Mailbox } from './mailbox';
import { benchDirVariable, windowFileName, type WindowPlan } from './protocol';
import { resultRows, type Banks, type Samples, type Start } from './rows';
import { resultsTable } from './table';
import { measureWindow, warmUp, type WindowSample } from './window';

/** Cold and warm window starts per configuration (each a pair); DOJO_BENCH_RUNS sets both. */
const RUNS: Record<Banks, number> = {
  bundled: Number(process.env.DOJO_BENCH_RUNS ?? 5),
  '10k': Number(process.env.DOJO_BENCH_RUNS ?? 3),
};
const SYNTHETIC_ITEMS = 10_000;
/** The heap is measured in the last windows of each configuration, after everything else (reloads are slow at 10k). */
const HEAP_WINDOWS: Record<Banks, number> = { bundled: 2, '10k': 1 };
const HEAP_RELOADS = 10;
const resultsFile = path.join(repoRoot, 'bench', 'host-results.json');

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

runMain(async () => {
  const load = sampleLoad();
  const otherServers = codeServerProcesses();
  const probe = await compileSuite(path.join(repoRoot, 'bench', 'host', 'probe'));
  const synthetic = writeSyntheticBank();
  console.log(`Synthetic bank: ${synthetic.files} files, ${synthetic.practiceItems.toLocaleString('en')} practice items, in ${synthetic.dir}`);

  const samples: Samples = { bundled: { cold: [], warm: [] }, '10k': { cold: [], warm: [] } };
  const storageNotes: string[] = [];
  let vscodeVersion = '';
  for (const banks of ['bundled', '10k'] as const) {
    const settings = banks === '10k' ? { 'dojo.extraBanks': [synthetic.dir] } : {};
    const measured = await measureConfiguration(banks, probe, settings);
    samples[banks] = measured.samples;
    vscodeVersion = measured.vscodeVersion;
    storageNotes.push(`${banks}: ${measured.storageAfterCold}`);
  }

  const rows = resultRows(samples);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const results: BenchResults = {
    measuredAt: new Date().toISOString(),
    machine: machine(load.stop(), otherServers),
    command: 'npm run bench:host',
    rows,
    notes: notes(samples, synthetic, vscodeVersion, storageNotes, minutes),
  };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${resultsTable(rows)}\n\nMachine: ${results.machine}\nWrote ${path.relative(process.cwd(), resultsFile)} (${minutes} min).`);
  return 0;
});

async function measureConfiguration(banks: Banks, probe: string, settings: Record<string, unknown>) {
  const benchDir = trackedTempDir('dojo-bench-host-').path;
  let windowCount = 0;
  const nextWindow = (): Mailbox => {
    const dir = path.join(benchDir, `window-${windowCount++}`);
    mkdirSync(dir);
    writeFileSync(path.join(benchDir, windowFileName), JSON.stringify({ dir } satisfies WindowPlan));
    return new Mailbox(dir);
  };

  const warmUpMailbox = nextWindow();
  const session = await openSession({
    name: `bench-host-${banks}`,
    colorTheme: 'Default Dark Modern',
    extensionTestsPath: probe,
    env: { [benchDirVariable]: benchDir },
    settings,
    // Called when the probe's run() ends; without it the workbench would report the end of a test run.
    prepare: (page) => page.context().exposeFunction('codeAutomationExit', () => undefined),
  });
  const result: { samples: Record<Start, WindowSample[]>; vscodeVersion: string; storageAfterCold: string } = {
    samples: { cold: [], warm: [] },
    vscodeVersion: session.vscodeVersion,
    storageAfterCold: 'no cold window ran',
  };
  try {
    console.log(`\n${banks}: code-server ${session.server.origin}, VS Code ${session.vscodeVersion}`);
    await warmUp({ page: session.page, mailbox: warmUpMailbox, shotsDir: path.join(session.logsDir, 'window-0') });
    await closeWindow(session.page, warmUpMailbox);
    const globalStorage = path.join(path.dirname(session.userSettingsFile), 'globalStorage', extensionId);

    const starts: Start[] = Array.from({ length: RUNS[banks] }, () => ['cold', 'warm'] as const).flat();
    for (const [i, start] of starts.entries()) {
      if (start === 'cold') rmSync(globalStorage, { recursive: true, force: true });
      const mailbox = nextWindow();
      const page = await openWindow(session, probe, benchDir, windowCount - 1);
      const heapReloads = i >= starts.length - HEAP_WINDOWS[banks] ? HEAP_RELOADS : 0;
      const sample = await measureWindow({ page, mailbox, shotsDir: path.join(session.logsDir, `window-${windowCount - 1}`) }, heapReloads);
      await closeWindow(page, mailbox);
      if (sample.activation.globalStoragePath && sample.activation.globalStoragePath !== globalStorage) {
        throw new HarnessError(`The extension's globalStorage is ${sample.activation.globalStoragePath}, not ${globalStorage}: cold starts would not be cold.`);
      }
      if (start === 'cold') result.storageAfterCold = folderSize(globalStorage);
      result.samples[start].push(sample);
      console.log(`${banks} ${start} #${Math.floor(i / 2) + 1} (${elapsed()}): ${summary(sample)}`);
    }
  } finally {
    await session.close();
  }
  return result;
}

/** A new page on a new workspace folder (so no view state is restored): a fresh window start. */
async function openWindow(session: Session, probe: string, benchDir: string, index: number): Promise<Page> {
  const workspace = path.join(benchDir, `workspace-${index}`);
  mkdirSync(workspace);
  for (let i = 1; i <= 8; i++) writeFileSync(path.join(workspace, `notes-${i}.md`), `# Notes ${i}\n`);
  const page = await session.page.context().newPage();
  const consoleLog = path.join(session.logsDir, `window-${index}-console.log`);
  page.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));
  await page.goto(workbenchUrl(session.server, { extensionDir: session.extensionDir, folder: workspace, extensionTestsPath: probe }));
  return page;
}

/** Closes the page once its extension host has ended, so the next window does not share the machine with it. */
async function closeWindow(page: Page, mailbox: Mailbox): Promise<void> {
  const { pid } = await mailbox.waitFor((event) => (event.type === 'ready' ? event : undefined), 1000, 'ready');
  if (!(await processEnds(pid, 20_000))) console.warn(`The extension host ${pid} is still running 20 s after its run ended.`);
  await page.close();
  if (!(await processEnds(pid, 10_000))) {
    console.warn(`Killing the extension host ${pid}, still running after its window closed.`);
    process.kill(pid, 'SIGKILL');
  }
}

async function processEnds(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await delay(100);
  }
  return false;
}

function writeSyntheticBank() {
  const contentDir = path.join(repoRoot, 'content');
  const domains = loadDomains(JSON.parse(readFileSync(path.join(contentDir, 'domains.json'), 'utf8')));
  const bundled = bundledBanks(contentDir);
  const copies = Math.ceil(SYNTHETIC_ITEMS / practiceItems(buildIndex(bundled, domains)).length);
  const sources = syntheticBank(bundled, copies);
  const dir = trackedTempDir('dojo-bench-bank-').path;
  for (const source of sources) writeFileSync(path.join(dir, path.basename(source.file)), source.bytes);
  return {
    dir,
    files: sources.length,
    mib: totalBytes(sources) / 2 ** 20,
    practiceItems: practiceItems(buildIndex([...bundled, ...sources], domains)).length,
  };
}

function folderSize(dir: string): string {
  let files = 0;
  let bytes = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  try {
    walk(dir);
  } catch {
    return 'globalStorage empty after a cold start (no cache written)';
  }
  return `globalStorage after a cold start: ${files} files, ${(bytes / 1024).toFixed(0)} KB`;
}

function summary(sample: WindowSample): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    `quiet after ${ms(sample.quiet.waitedMs)}${sample.quiet.quiet ? '' : ' (not quiet)'}`,
    `activation block ${ms(sample.activation.blockMs)} (idle ${ms(sample.idleFloor.activationMs)})`,
    `index ${ms(sample.indexMs)}`,
    `click→row ${ms(sample.clickToRowMs)} (Explorer ${ms(sample.explorerClickToRowMs)})`,
    `reload ${ms(sample.reload.durationMs)}, block ${ms(sample.reload.blockMs)}`,
    `star ${ms(sample.star.rebuiltMs)} (row ${ms(sample.star.visibleMs)})`,
    `open ${ms(sample.openMs)}, reveal ${ms(sample.revealMs)}`,
    ...(sample.heap ? [`heap ${sample.heap.firstMiB.toFixed(1)} → ${sample.heap.afterMiB.toFixed(1)} MiB`] : []),
  ].join(', ');
}

/** The 1-minute load average every 5 s while the bench runs. */
function sampleLoad(): { stop(): number[] } {
  const samples = [os.loadavg()[0]];
  const timer = setInterval(() => samples.push(os.loadavg()[0]), 5000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(os.loadavg()[0]);
      return samples;
    },
  };
}

/** code-server processes already running (other people's test runs share the cores). */
function codeServerProcesses(): number {
  const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return (ps.stdout ?? '').split('\n').filter((line) => /code-server.*\/out\/node\/entry\.js/.test(line)).length;
}

function machine(load: number[], otherServers: number): string {
  const cpus = os.cpus();
  const loadText = `${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}, median ${percentile(load, 50).toFixed(1)}`;
  return (
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ` +
    `Node ${process.version}, ${os.platform()} ${os.arch()}; 1-minute load average during the run ${loadText}; ` +
    `${otherServers} other code-server process(es) running when it started`
  );
}

function notes(
  samples: Samples,
  synthetic: ReturnType<typeof writeSyntheticBank>,
  vscodeVersion: string,
  storageNotes: string[],
  minutes: string,
): string[] {
  const windows = [...samples.bundled.cold, ...samples.bundled.warm, ...samples['10k'].cold, ...samples['10k'].warm];
  const notQuiet = windows.filter((w) => !w.quiet.quiet).length;
  const renderedByBrowser = windows.some((w) => w.renderedBy === 'browser');
  return [
    `Host: code-server with VS Code ${vscodeVersion}, headless Chromium, the production build (dist/ from \`node esbuild.mjs --production\`). ` +
      `Per configuration one code-server; a warm-up window (the workbench only), then cold and warm window starts alternately ` +
      `(${RUNS.bundled} of each with the bundled banks, ${RUNS['10k']} at 10k), ` +
      `each a new page on a new workspace folder. Cold: the extension's globalStorage folder deleted before the window; warm: the next window, on what the cold one left (${storageNotes.join('; ')}). Took ${minutes} min.`,
    `10k: \`dojo.extraBanks\` (User settings) names a folder of ${synthetic.files} files (${synthetic.mib.toFixed(1)} MiB) from bench/banks.ts syntheticBank(), ` +
      `${synthetic.practiceItems.toLocaleString('en')} practice items with the bundled banks.`,
    'Blocks: a 5 ms setInterval in the extension host (the probe, loaded as the extensionTestsPath module before anything activates the extension) records every late tick; ' +
      "a block is the gap between ticks minus 5 ms, and a row's figure is the longest block overlapping the span. Activation span: VS Code's mark " +
      '`code/extHost/willLoadExtensionCode/<id>` (loading the bundle included) until the tree provider returns a group row and `library.loaded` has resolved, whichever is later. ' +
      'Reload: `api.library.reload()` until the provider returns rows again. Baseline: the same extension host idle afterwards, longest block over the same duration (capped at 5 s). ' +
      `Before the click, the harness waits until the host has had no block over 15 ms for 1 s (${notQuiet} of ${windows.length} windows never got that quiet within 10 s).`,
    'Activation is by a click on the Interview Dojo activity-bar item (its view is the activation event), as a user does it. ' +
      "Click → row: the page's mousedown time to the first visible group row of the view (a MutationObserver in the page); baseline: the same for the built-in Explorer's item " +
      'in the same window right after (its view was already shown once at window start).',
    "Index time: VS Code's mark `code/extHost/willActivateExtension/<id>` (activate() called) until the tree provider first returns group rows (a warm start lists them from the outline, before `library.loaded`); warm against cold of the same run.",
    'Open: a click on the question\'s tree row (it opens the practice panel, created in that window for the first time) until the extension host receives the panel\'s `rendered` message; ' +
      'reveal: a click on the panel\'s Reveal button until the `rendered` message with the answer revealed' +
      (renderedByBrowser ? ' (in some windows the API had no onDidRender: timed until the browser showed the panel\'s title or reference, coarser)' : '') +
      '. Pooled over cold and warm windows.',
    "Star: the first question of the first group, expanded and on screen, once the search index is built; `dojo.star` run in the extension host until the tree provider's change event has fired and " +
      'the provider has returned the top level and the group again (what the view asks for); star-visible: until the star icon shows on the row in the page.',
    `Heap: in the last ${HEAP_WINDOWS.bundled} windows with the bundled banks and the last ${HEAP_WINDOWS['10k']} at 10k: \`v8.setFlagsFromString('--expose-gc')\`, two \`gc()\` calls, ` +
      `\`v8.getHeapStatistics().used_heap_size\` right after the tree is first populated, and again after ${HEAP_RELOADS} reloads (the timed one, the steps above, ` +
      `then ${HEAP_RELOADS - 1} in a row). The whole extension host's heap (VS Code's own share included).`,
    'Medians are nearest-rank (the lower middle of an even count). All times use the machine clock (Date.now()) of the page, the extension host and the harness alike.',
  ];
}
