// The indexed banks: the bundled ones plus `dojo.extraBanks`, reloaded when the setting or a bank file changes.
// Problems in the user's banks go to the Problems panel and the log; nothing here throws at the caller.
// The host thread only reads files and assembles results: parsing runs in the BankIndexer (a worker thread), unchanged
// banks come from the warm-start cache, and what is left is done in slices with the event loop running in between.
import * as vscode from 'vscode';
import * as config from '../config';
import type { LoadStats, QuestionLibrary } from '../context';
import { assembleIndex, bankSlugs, practiceItems, variantsOf, type BankSlug } from '../core/bankIndex';
import type { ExplainedBank } from '../core/explainBankFile';
import type { IndexJobResult } from '../core/indexJobProtocol';
import type { CheckContext } from '../core/check/checkAttempt';
import { TermStats } from '../core/check/termStats';
import { EMPTY_TERM_TABLE, loadTermTable, type TermTable } from '../core/check/termTable';
import { loadDomains } from '../core/domains';
import { taxonomyHash } from '../core/cacheKey';
import { matchOutline, parseOutline, type Outline, type OutlineRead } from '../core/bankOutline';
import type { BankIndex, Diagnostic, Domain, ListedQuestion, Question } from '../core/model';
import { SearchIndex } from '../core/search';
import { BankDiagnostics } from './bankDiagnostics';
import { yieldToEventLoop, type BankIndexer } from './bankIndexer';
import { IndexCacheFile } from './indexCache';
import { bankFileLabel, bundledContentUri, resolveBankLocation, type BankLocation } from './bankLocations';
import { readBankFiles, readBanksAt, readFileBytes, type ReadBank, type SkippedFile } from './bankReader';
import { BankWatcher, type WatchedLocation } from './bankWatcher';

export interface UnreadableBank {
  entry: string;
  reason: string;
}

export interface LibraryDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  /** Tells the user about extra bank paths that cannot be read (one notification per new set of paths). */
  reportUnreadable(unreadable: readonly UnreadableBank[]): void;
  /** Where the banks are parsed (off the host thread); disposed with the library. */
  indexer: BankIndexer;
  /** The folder of the warm-start cache (globalStorageUri); without it every load indexes every bank. */
  storage?: vscode.Uri;
  /** Shows that the banks are loading (in the questions view), until `task` settles. */
  showProgress?(task: Promise<void>): void;
}

/** Set while the banks load: the questions view's welcome says so instead of "no questions". */
const INDEXING_CONTEXT_KEY = 'dojo.indexing';
/** Log lines written between two pauses. */
const LOG_LINES_PER_SLICE = 500;

interface ExtraBanks {
  banks: ReadBank[];
  unreadable: UnreadableBank[];
  skipped: SkippedFile[];
  watched: WatchedLocation[];
}

const EMPTY_INDEX: BankIndex = { documents: [], questions: [], diagnostics: [] };

export class BankLibrary implements QuestionLibrary, vscode.Disposable {
  index: BankIndex = EMPTY_INDEX;
  domains: Domain[] = [];
  practiceItems: readonly Question[] = [];
  listed: readonly ListedQuestion[] = [];
  /** Extra bank entries that could not be read at the last reload. */
  unreadable: readonly UnreadableBank[] = [];
  /** What the first and the last load took from the cache and indexed, and how long until its questions were shown. */
  firstLoad: LoadStats | undefined;
  lastLoad: LoadStats | undefined;

  /** The search index of the current practice items, built in the background after each load (or on first use). */
  private search: Promise<SearchIndex> | undefined;
  /** What the self-check weighs an answer's terms with, counted over the current practice items (on first use). */
  private check: Promise<CheckContext> | undefined;
  /** The bundled term table (content/terms.json), read once: it is part of the extension and does not change. */
  private terms: Promise<TermTable> | undefined;
  private readonly cache: IndexCacheFile | undefined;

  private byId = new Map<string, Question>();
  /** Each user bank file's URI by its `file` label, from the latest walk. */
  private fileUris = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = new BankDiagnostics();
  private readonly watcher: BankWatcher;
  private readonly disposables: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;
  /** When the current load listed the questions from the outline, if it did. */
  private listedAt: number | undefined;
  private reloadAgain = false;
  private firstLoadDone: () => void = () => undefined;
  readonly loaded = new Promise<void>((resolve) => (this.firstLoadDone = resolve));

  constructor(private readonly deps: LibraryDeps) {
    this.cache = deps.storage && new IndexCacheFile(deps.storage);
    this.watcher = new BankWatcher(() => void this.reload());
    this.disposables.push(
      this.changed,
      this.diagnostics,
      this.watcher,
      deps.indexer,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (config.affects(event, 'extraBanks') || config.affects(event, 'maxBankSizeMB')) void this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  get(id: string): Question | undefined {
    return this.byId.get(id);
  }

  searchIndex(): Promise<SearchIndex> {
    return this.loaded.then(
      () => (this.search ??= this.termTable().then((terms) => SearchIndex.build(this.practiceItems, this.domains, yieldToEventLoop, terms))),
    );
  }

  /** The term table and the rarity of terms across the loaded banks, for the self-check of attempts. */
  checkContext(): Promise<CheckContext> {
    return this.loaded.then(
      () =>
        (this.check ??= Promise.all([
          this.termTable(),
          TermStats.buildInSlices(this.practiceItems.map((item) => item.answer), yieldToEventLoop),
        ]).then(([table, stats]) => ({ table, stats }))),
    );
  }

  /** The bilingual term table for search and the self-check. */
  termTable(): Promise<TermTable> {
    return (this.terms ??= this.readTermTable());
  }

  userBankFileUri(file: string): vscode.Uri | undefined {
    return this.fileUris.get(file);
  }

  async explain(uri: vscode.Uri, text?: string): Promise<ExplainedBank> {
    const file = bankFileLabel(uri);
    let bytes: Uint8Array;
    if (text === undefined) {
      // Found as a bank is: a regular file within the size limit (never a device, a pipe or a folder).
      const found = await readBanksAt(uri, file, { maxBankSizeMB: config.maxBankSizeMB() });
      if (found.isFolder || found.banks.length !== 1) throw new Error(found.unreadable[0]?.reason ?? vscode.l10n.t('not one bank file'));
      bytes = await readFileBytes(uri);
    } else {
      bytes = new TextEncoder().encode(text);
    }
    // What indexing across banks said of the file (a shared name), when the text is the one indexed.
    const extra = text === undefined ? this.index.diagnostics.filter((diagnostic) => diagnostic.file === file) : [];
    return this.deps.indexer.explain({ file, bytes }, this.domains, extra);
  }

  variants(question: Question): Question[] {
    const variants = variantsOf(this.index, question.id);
    return variants.length > 0 ? variants : [question];
  }

  /** Re-reads every bank. Calls made while a reload runs coalesce into one more reload after it. */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    void vscode.commands.executeCommand('setContext', INDEXING_CONTEXT_KEY, true);
    this.loading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          await this.load();
        } catch (error) {
          // A bug of ours must not take the extension down: keep the last good index and say what happened.
          this.dropOutline();
          this.deps.log.error(`Reloading the banks failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      } while (this.reloadAgain);
      this.firstLoadDone();
      // Ready before the first query and the first Reveal, built without blocking (either waits for it meanwhile).
      void this.searchIndex().then(() => this.checkContext());
      void vscode.commands.executeCommand('setContext', INDEXING_CONTEXT_KEY, false);
    })().finally(() => (this.loading = undefined));
    this.deps.showProgress?.(this.loading);
    return this.loading;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async load(): Promise<void> {
    const { log } = this.deps;
    const started = Date.now();
    // Both settings read at once: a load never mixes an old value of one with a new value of the other.
    const maxBankSizeMB = config.maxBankSizeMB();
    const locations = config.extraBanks().map((entry) => resolveBankLocation(entry, vscode.workspace.workspaceFolders));
    // The indexer starts, and the taxonomy is read, while the folders are walked; the cache is handed to the indexer
    // next. A window's first load also reads the outline, to list the questions before the index is in.
    this.deps.indexer.prepare();
    const first = this.firstLoad === undefined;
    const outlineRead = first ? this.cache?.readOutline(log) : undefined;
    const domainsRead = this.readDomains();
    // The classifier reads the term table too (the index job adds its names to the taxonomy's aliases).
    const termsRead = this.termTable().then((table) => table.pairs);
    const walk = (async () => {
      const [bundled, extra] = await Promise.all([
        readBanksAt(bundledContentUri(this.deps.extensionUri), 'content', { maxBankSizeMB, bundled: true }),
        this.readExtra(locations, maxBankSizeMB),
      ]);
      const banks = [...bundled.banks, ...extra.banks];
      const slugs = bankSlugs(banks);
      const files = banks.map(({ file, size, mtime }, i) => ({ file, size, mtime, slug: slugs[i].slug }));
      return { bundled, extra, banks, slugs, files, walked: Date.now() };
    })();
    // The cache (large: the indexer parses it) is read once the files are found; read beside the walk, it slows the walk
    // and the outline, which the first rows wait for.
    const start = Promise.all([domainsRead, termsRead, walk.then(() => this.cache?.read(log))]).then(([domains, terms, cache]) => ({
      domains,
      terms,
      cache,
    }));
    const read = async (numbers: number[]) => {
      const { banks } = await walk;
      return readBankFiles(numbers.map((i) => banks[i].uri));
    };
    // Parsed as soon as it is read, while the walk waits for its file details...
    const outlineParsed = Promise.all([outlineRead, domainsRead, termsRead]).then(([bytes, domains, terms]) =>
      bytes ? parseOutline(bytes, taxonomyHash(domains, terms)) : undefined,
    );
    // ...then checked against every file the walk found: it lists the questions only when no bank file changed.
    const outlined = Promise.all([walk, outlineParsed]).then(([{ files }, parsed]): OutlineRead | undefined => {
      if (!first || !this.cache) return undefined;
      return parsed ? matchOutline(parsed, files) : { kind: 'stale', reason: 'none stored' };
    });
    // ...files whose size and modification time match the cache are shown from it at once, their bytes unread...
    const job = this.deps.indexer.index(
      start,
      outlined.then(async (outline) => ({ files: (await walk).files, trustStat: true, writeOutline: outline !== undefined && outline.kind !== 'usable' })),
      read,
    );
    // Awaited below, after the walk: a walk that fails fails the job too, and the load with the walk's error.
    job.catch(() => undefined);
    const { bundled, extra, slugs, files, walked } = await walk;
    this.fileUris = new Map(extra.banks.map((bank) => [bank.file, bank.uri]));
    for (const problem of [...bundled.unreadable, ...bundled.skipped.map(({ file, reason }) => ({ entry: file, reason }))]) {
      log.error(`Bundled bank ${problem.entry}: ${problem.reason}`);
    }
    this.watcher.watch(extra.watched);
    const outline = await outlined;
    const domains = await domainsRead;
    if (outline?.kind === 'usable') {
      // The outline's rows were made in this turn; the views that list them take the next.
      await yieldToEventLoop();
      this.showOutline(outline.outline, domains, started);
    }
    // Set aside before the job's new outline is written in its place.
    else if (outline?.kind === 'corrupt') await this.cache?.setOutlineAside(outline.reason, log);
    const { cache, terms } = await start;
    const result = await job;
    const index = await this.show(result, slugs, domains, started);
    log.info(
      `Indexed ${index.documents.length} banks (${result.fromCache} from the cache, ${result.banks.length - result.fromCache} parsed), ` +
        `${this.practiceItems.length} practice items (${index.questions.length} questions), ${index.diagnostics.length} diagnostics ` +
        `in ${this.lastLoad?.ms} ms (${walked - started} ms finding the files)`,
    );
    await this.report(index, extra);
    await this.cache?.store(result, log);
    if (result.unverified === 0) return;

    // ...then their content hashes are confirmed, and a file whose bytes differ all the same is indexed anew.
    const verified = await this.deps.indexer.index(
      { domains, terms, cache: result.cache ?? cache },
      { files, trustStat: false, omitCached: true },
      read,
      result.banks,
    );
    const corrected = verified.banks.length - verified.fromCache;
    if (corrected > 0) {
      const correctedIndex = await this.show(verified, slugs, domains, started, corrected);
      log.info(`Indexed ${corrected} banks anew whose bytes differed from the cache despite the same size and modification time`);
      await this.report(correctedIndex, extra);
    }
    await this.cache?.store(verified, log);
  }

  /** Puts a job's banks in place of the current ones, in slices, and tells the views. */
  private async show(result: IndexJobResult, slugs: readonly BankSlug[], domains: Domain[], started: number, corrected = 0): Promise<BankIndex> {
    await yieldToEventLoop();
    const index = assembleIndex(result.banks.map((bank, i) => ({ slug: slugs[i], bank })));
    await yieldToEventLoop();
    const items = practiceItems(index);
    await yieldToEventLoop();
    const byId = new Map(index.questions.map((q) => [q.id, q]));
    await yieldToEventLoop();
    this.index = index;
    this.domains = domains;
    this.practiceItems = items;
    this.listed = items;
    this.byId = byId;
    this.search = undefined;
    this.check = undefined;
    const shownAt = Date.now();
    const files = result.banks.length;
    const stats: LoadStats = { files, fromCache: result.fromCache, indexed: files - result.fromCache, corrected, ms: shownAt - started, shownAt };
    if (this.listedAt !== undefined) stats.listedMs = this.listedAt - started;
    this.listedAt = undefined;
    this.firstLoad ??= stats;
    this.lastLoad = stats;
    this.changed.fire();
    this.firstLoadDone();
    return index;
  }

  /**
   * Lists the questions of a warm start's outline until the index has loaded: the tree and the counts show, while
   * `get` knows no question yet and `loaded` waits (commands wait for the index; the outline has no texts).
   */
  private showOutline(outline: Outline, domains: Domain[], started: number): void {
    this.index = { documents: outline.documents, questions: [], diagnostics: [] };
    this.domains = domains;
    this.listed = outline.practiceItems;
    this.listedAt = Date.now();
    this.deps.log.info(`Listed ${outline.practiceItems.length} practice items from the outline in ${this.listedAt - started} ms`);
    this.changed.fire();
  }

  /** Stops listing an outline whose load failed: without an index, its questions could not be opened. */
  private dropOutline(): void {
    if (this.listedAt === undefined) return;
    this.listedAt = undefined;
    this.index = EMPTY_INDEX;
    this.listed = this.practiceItems;
    this.changed.fire();
  }

  /** The problems of the banks and of what the walk skipped, to the Problems panel and the log (after the tree shows). */
  private async report(index: BankIndex, extra: ExtraBanks): Promise<void> {
    // What the walk skipped inside the user's folders goes to the Problems panel with the banks' own problems.
    const skipped = extra.skipped.map(
      ({ file, reason }): Diagnostic => ({ file, line: 1, severity: 'warning', message: vscode.l10n.t('Skipped: {0}', reason) }),
    );
    await this.diagnostics.show([...skipped, ...index.diagnostics], [...extra.banks, ...extra.skipped], yieldToEventLoop);
    await this.logDiagnostics(index, extra.banks);
    const unreadableChanged = !sameEntries(this.unreadable, extra.unreadable);
    this.unreadable = extra.unreadable;
    if (unreadableChanged && extra.unreadable.length > 0) this.deps.reportUnreadable(extra.unreadable);
  }

  private readDomains(): Promise<Domain[]> {
    // Without it every question is `general`, which is still usable.
    return this.readBundled('domains.json', 'the domain taxonomy', loadDomains, []);
  }

  private readTermTable(): Promise<TermTable> {
    // Without it search and the check work in one language at a time.
    return this.readBundled(
      'terms.json',
      'the term table',
      (json) => {
        const { table, problems } = loadTermTable(json);
        for (const problem of problems) this.deps.log.error(`Term table: ${problem}`);
        return table;
      },
      EMPTY_TERM_TABLE,
    );
  }

  /** One of our own bundled JSON files (content/…), or `fallback` with the reason in the log when it cannot be used. */
  private async readBundled<T>(name: string, what: string, load: (json: unknown) => T, fallback: T): Promise<T> {
    const uri = vscode.Uri.joinPath(bundledContentUri(this.deps.extensionUri), name);
    try {
      return load(JSON.parse(new TextDecoder().decode(await readFileBytes(uri))));
    } catch (error) {
      this.deps.log.error(`Cannot load ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  }

  private async readExtra(locations: BankLocation[], maxBankSizeMB: number): Promise<ExtraBanks> {
    const banks: ReadBank[] = [];
    const unreadable: UnreadableBank[] = [];
    const skipped: SkippedFile[] = [];
    const watched: WatchedLocation[] = [];
    const read = new Set<string>();
    for (const { entry, uri } of locations) {
      if (!uri) {
        unreadable.push({ entry, reason: vscode.l10n.t('a relative path needs an open workspace folder') });
        continue;
      }
      const result = await readBanksAt(uri, entry, { maxBankSizeMB });
      // A file that two entries reach (a folder and a file in it) is one bank, read through the first.
      banks.push(...result.banks.filter((bank) => !read.has(bank.uri.toString()) && read.add(bank.uri.toString())));
      unreadable.push(...result.unreadable);
      skipped.push(...result.skipped);
      watched.push({ uri, isFolder: result.isFolder });
    }
    for (const problem of unreadable) this.deps.log.error(`Extra bank ${problem.entry}: ${problem.reason}`);
    for (const problem of skipped) this.deps.log.warn(`Extra bank ${problem.file} skipped: ${problem.reason}`);
    return { banks, unreadable, skipped, watched };
  }

  private async logDiagnostics(index: BankIndex, extraBanks: readonly ReadBank[]): Promise<void> {
    const extraFiles = new Set(extraBanks.map((b) => b.file));
    for (const [n, d] of index.diagnostics.entries()) {
      if (n > 0 && n % LOG_LINES_PER_SLICE === 0) await yieldToEventLoop();
      const line = `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
      // The bundled banks' known quirks are details for developers; the user's own banks deserve attention.
      if (!extraFiles.has(d.file)) this.deps.log.debug(line);
      else if (d.severity === 'error') this.deps.log.error(line);
      else if (d.severity === 'warning') this.deps.log.warn(line);
      else this.deps.log.info(line);
    }
  }
}

function sameEntries(a: readonly UnreadableBank[], b: readonly UnreadableBank[]): boolean {
  return a.length === b.length && a.every((x, i) => x.entry === b[i].entry && x.reason === b[i].reason);
}
