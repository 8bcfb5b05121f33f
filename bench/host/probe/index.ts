// The probe of `npm run bench:host`: loaded as the extensionTestsPath module, so it runs in the extension host
// before anything activates Interview Dojo (whose activation events are its view, its commands and its panel).
// It starts the lag monitor, waits for the harness's click on the view to activate the extension, measures
// activation until the tree has rows, then runs the harness's commands (protocol.ts) until told it is done.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { extensionId } from '../../../test/host/suiteProtocol';
import {
  benchDirVariable,
  commandsFileName,
  eventsFileName,
  windowFileName,
  type Command,
  type IdleResult,
  type PickedQuestion,
  type ProbeEvent,
  type QuietResult,
  type ReloadResult,
  type RenderReport,
  type StarResult,
  type WindowPlan,
} from '../protocol';
import { LagMonitor } from './lagMonitor';
import { dojoApi, treeOf, type DojoApiShape, type Tree } from './dojoApi';

const POPULATE_TIMEOUT_MS = 300_000;
const COMMAND_POLL_MS = 20;

export function run(): Promise<void> {
  const benchDir = process.env[benchDirVariable];
  if (!benchDir) return Promise.reject(new Error(`${benchDirVariable} is not set: run this through npm run bench:host`));
  const plan = JSON.parse(readFileSync(path.join(benchDir, windowFileName), 'utf8')) as WindowPlan;
  return new Probe(plan.dir).finished;
}

class Probe {
  readonly finished: Promise<void>;
  private finish: () => void = () => undefined;
  private readonly extension = vscode.extensions.getExtension(extensionId);
  private readonly monitor: LagMonitor;
  private readonly startedAt = Date.now();
  /** When the harness last heard the host was quiet: the click that activates follows. */
  private armedAt = this.startedAt;
  private activeSeen: number | undefined;
  private api: DojoApiShape | undefined;
  private tree: Tree | undefined;
  private readonly renders: RenderReport[] = [];
  private readonly poller: NodeJS.Timeout;
  private commandsRead = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {
    this.finished = new Promise((resolve) => (this.finish = resolve));
    this.monitor = new LagMonitor(() => this.watchActivation());
    this.poller = setInterval(() => this.readCommands(), COMMAND_POLL_MS);
    this.emit({ type: 'ready', pid: process.pid, activeAtStart: this.extension?.isActive ?? false, at: this.startedAt });
    if (!this.extension) this.emit({ type: 'failed', error: `${extensionId} is not loaded in this extension host` });
  }

  private emit(event: ProbeEvent): void {
    appendFileSync(path.join(this.dir, eventsFileName), `${JSON.stringify(event)}\n`);
  }

  private watchActivation(): void {
    if (this.activeSeen !== undefined || !this.extension?.isActive) return;
    this.activeSeen = Date.now();
    this.afterActivation().catch((error: unknown) => this.emit({ type: 'failed', error: errorText(error) }));
  }

  /** From the extension's activation until its tree has rows: the time it took and the longest block. */
  private async afterActivation(): Promise<void> {
    const api = dojoApi(this.extension!.exports);
    this.api = api;
    api.practice?.onDidRender?.((report) => this.renders.push({ questionId: report.questionId, revealed: report.revealed, at: Date.now() }));
    // The rows the user sees first: on a warm start listed from the outline, before the index has loaded.
    this.tree = treeOf(api);
    const rows = await this.tree.waitForGroups(POPULATE_TIMEOUT_MS);
    const populated = Date.now();
    await api.library.loaded;
    const loaded = Date.now();
    await this.monitor.settle();
    const marks = performanceMarks();
    const willLoadCode = marks.get(`code/extHost/willLoadExtensionCode/${extensionId}`);
    // Blocks are looked for until the index has loaded too: a warm start lists rows before it.
    const span = { start: willLoadCode ?? this.armedAt, end: Math.max(populated, loaded) };
    this.emit({
      type: 'populated',
      willLoadCode,
      willActivate: marks.get(`code/extHost/willActivateExtension/${extensionId}`),
      didActivate: marks.get(`code/extHost/didActivateExtension/${extensionId}`),
      activeSeen: this.activeSeen!,
      loaded,
      populated,
      span,
      blockMs: this.monitor.longestIn(span),
      rows: rows.length,
      globalStoragePath: api.ctx?.extension?.globalStorageUri?.fsPath,
    });
  }

  private readCommands(): void {
    const file = path.join(this.dir, commandsFileName);
    if (!existsSync(file)) return;
    const lines = readFileSync(file, 'utf8').split('\n');
    // The last piece has no newline yet: it is complete only once the next line starts.
    const complete = lines.slice(0, -1);
    for (const line of complete.slice(this.commandsRead)) {
      const command = JSON.parse(line) as Command;
      // One at a time, in order: each measures the host on its own.
      this.queue = this.queue.then(() =>
        this.execute(command).then(
          (result) => this.emit({ type: 'reply', seq: command.seq, result }),
          (error: unknown) => this.emit({ type: 'failed', seq: command.seq, error: errorText(error) }),
        ),
      );
    }
    this.commandsRead = complete.length;
  }

  private async execute(command: Command): Promise<unknown> {
    switch (command.type) {
      case 'waitQuiet':
        return this.waitQuiet(command.quietMs, command.maxMs);
      case 'reload':
        return this.reload();
      case 'pickQuestion':
        return this.requireTree().firstQuestion() satisfies Promise<PickedQuestion>;
      case 'setStar':
        return this.setStar(command.questionId, command.starred);
      case 'renders':
        return this.renders;
      case 'liveHeap':
        // Sampled once the load has settled (its search index built), so that both samples hold the same parts.
        await this.requireApi().library.searchIndex?.();
        return liveHeapMiB();
      case 'reloads':
        return this.reloads(command.count);
      case 'idle':
        return this.idle(command.durationsMs);
      case 'done':
        this.monitor.dispose();
        clearInterval(this.poller);
        // After the reply: the extension host ends the run (and exits) once run() settles.
        setTimeout(() => this.finish(), 100);
        return null;
    }
  }

  private async waitQuiet(quietMs: number, maxMs: number): Promise<QuietResult> {
    const start = Date.now();
    for (;;) {
      const now = Date.now();
      const quietSince = Math.max(this.monitor.lastBlockOver(15), this.startedAt);
      if (now - quietSince >= quietMs || now - start >= maxMs) {
        this.armedAt = Date.now();
        return { waitedMs: now - start, quiet: now - quietSince >= quietMs };
      }
      await sleep(50);
    }
  }

  private async reload(): Promise<ReloadResult> {
    const api = this.requireApi();
    const start = Date.now();
    await api.library.reload();
    await this.requireTree().waitForGroups(POPULATE_TIMEOUT_MS);
    const end = Date.now();
    await this.monitor.settle();
    return { durationMs: end - start, blockMs: this.monitor.longestIn({ start, end }) };
  }

  private async setStar(questionId: string, starred: boolean): Promise<StarResult> {
    const tree = this.requireTree();
    // After the load's background work (its search index and the self-check's term rarities, built in slices), which
    // a star would otherwise share the thread with: the row measures the tree's update.
    await this.requireApi().library.searchIndex?.();
    await this.requireApi().library.checkContext?.();
    await this.monitor.settle();
    const start = Date.now();
    const changed = tree.nextChange(15_000);
    await vscode.commands.executeCommand(starred ? 'dojo.star' : 'dojo.unstar', questionId);
    await changed;
    // What the view asks for after the change: the top level and the question's group, built anew or not.
    await tree.rowsShowing(questionId);
    const end = Date.now();
    await this.monitor.settle();
    return { start, rebuiltMs: end - start, blockMs: this.monitor.longestIn({ start, end }) };
  }

  private async reloads(count: number): Promise<null> {
    const api = this.requireApi();
    for (let i = 0; i < count; i++) await api.library.reload();
    await this.requireTree().waitForGroups(POPULATE_TIMEOUT_MS);
    return null;
  }

  private async idle(durationsMs: number[]): Promise<IdleResult> {
    const start = Date.now();
    await sleep(Math.max(...durationsMs));
    await this.monitor.settle();
    return { blocksMs: durationsMs.map((duration) => this.monitor.longestIn({ start, end: start + duration })) };
  }

  private requireApi(): DojoApiShape {
    if (!this.api) throw new Error('The extension has not activated yet');
    return this.api;
  }

  private requireTree(): Tree {
    if (!this.tree) throw new Error('The tree is not populated yet');
    return this.tree;
  }
}

/** VS Code's performance marks in this extension host (name → time, the last of each name). */
function performanceMarks(): Map<string, number> {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  return new Map((marks?.getMarks() ?? []).map((mark) => [mark.name, mark.startTime]));
}

/** The live heap after a full collection (MiB). */
function liveHeapMiB(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size / 2 ** 20;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
