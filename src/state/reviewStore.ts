// The practice loop's storage (the `ReviewStore` contract in src/context.ts). Cards are synced through globalState
// (src/state/syncedCards.ts); each question's record and the review log are local files under globalStorageUri
// (src/state/recordFiles.ts, src/state/logShards.ts), written atomically. The scheduling, queue, merge and codecs
// are the pure core's (src/core/review/); this file only sequences them over storage.
import * as vscode from 'vscode';
import * as config from '../config';
import type { GivenGrade, ReviewStore } from '../context';
import { resetCard, type CardTable, type ReviewCard } from '../core/review/card';
import { mergeImport, previewImport, type ImportPreview, type ProgressData } from '../core/review/exchange';
import type { Grade } from '../core/review/grades';
import type { StoredMark } from '../core/review/marks';
import { migrateProgress } from '../core/review/migration';
import { buildReviewQueue, type ReviewQueue } from '../core/review/queue';
import {
  finishAttempt,
  setNote,
  startAttempt,
  updateDraft,
  type QuestionRecord,
} from '../core/review/records';
import { logEntry, withoutLogEntry, type ReviewLogEntry } from '../core/review/reviewLog';
import { createScheduler, undoGrade, type GradeOutcome, type GradePreview, type Scheduler } from '../core/review/scheduler';
import { CorruptFileNotice } from './corruptNotice';
import { localMidnight } from '../core/progress/localCalendar';
import { JsonFiles } from './jsonFiles';
import { LogShards } from './logShards';
import { ATTEMPTS_KEY, MARKS_KEY } from './progressStore';
import { RecordFiles } from './recordFiles';
import { SyncedCards } from './syncedCards';

/** Set once the 0.1.0 keys were migrated (their values are left as they were). */
export const MIGRATED_KEY = 'dojo.migrated.v2';

/** The marks, owned by the progress store (`dojo.marks.v1`); export and import go through it. */
export interface MarksAccess {
  marks(): ReadonlyMap<string, StoredMark>;
  replaceMarks(marks: ReadonlyMap<string, StoredMark>): Promise<void>;
}

export interface ReviewSettings {
  retention: number;
  newPerDay: number;
  reviewsPerDay: number;
}

export interface ReviewStoreOptions {
  /** globalState. */
  memento: vscode.Memento;
  /** globalStorageUri: records and the log go under it. */
  storage: vscode.Uri;
  marks: MarksAccess;
  log: Pick<vscode.LogOutputChannel, 'warn' | 'error' | 'info'>;
  /** The clock (integration tests advance it). */
  now?: () => number;
  settings?: () => ReviewSettings;
  notice?: CorruptFileNotice;
  fs?: vscode.FileSystem;
}

interface Undoable {
  given: GivenGrade;
  outcome: GradeOutcome;
  entry: ReviewLogEntry;
  recordBefore: QuestionRecord;
}

const settingsFromConfig = (): ReviewSettings => ({
  retention: config.reviewRetention(),
  newPerDay: config.reviewNewPerDay(),
  reviewsPerDay: config.reviewReviewsPerDay(),
});

export class FileReviewStore implements ReviewStore, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;
  private readonly now: () => number;
  private readonly files: JsonFiles;
  private readonly records: RecordFiles;
  private readonly logShards: LogShards;
  private readonly synced: SyncedCards;
  private readonly settings: () => ReviewSettings;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Mutations run one at a time (a grade reads the record, then writes it). */
  private serial: Promise<unknown> = Promise.resolve();
  private undoable: Undoable | undefined;
  private scheduler: { retention: number; scheduler: Scheduler } | undefined;

  constructor(private readonly options: ReviewStoreOptions) {
    this.now = options.now ?? Date.now;
    this.settings = options.settings ?? settingsFromConfig;
    this.files = new JsonFiles(options.fs);
    const notice = options.notice ?? new CorruptFileNotice(options.log);
    this.records = new RecordFiles(options.storage, this.files, notice, this.now);
    this.logShards = new LogShards(options.storage, this.files, notice, this.now);
    this.synced = new SyncedCards(options.memento, options.log, this.now, (ids) => this.changed.fire(ids));
    this.disposables.push(
      vscode.window.onDidChangeWindowState((state) => state.focused && this.synced.check()),
    );
    this.ready = this.load();
  }

  card(id: string): ReviewCard | undefined {
    return this.synced.cards.get(id);
  }

  cards(): CardTable {
    return this.synced.cards;
  }

  reviewLog(): readonly ReviewLogEntry[] {
    return this.logShards.all();
  }

  preview(id: string): GradePreview[] {
    return this.currentScheduler().preview(this.card(id), this.now());
  }

  queue(candidates: readonly string[]): ReviewQueue {
    const now = this.now();
    const { newPerDay, reviewsPerDay } = this.settings();
    const scheduler = this.currentScheduler();
    return buildReviewQueue({
      cards: this.synced.cards,
      candidates,
      now,
      startOfDay: localMidnight,
      retrievability: (card, at) => scheduler.retrievability(card, at),
      log: this.logShards.between(localMidnight(now), now),
      newPerDay,
      reviewsPerDay,
    });
  }

  /** After every change started before the call. */
  async record(id: string): Promise<QuestionRecord> {
    await this.ready;
    await this.serial;
    return this.records.get(id);
  }

  setDraft(id: string, text: string): Promise<void> {
    return this.exclusive(async () => {
      const record = await this.records.get(id);
      if ((record.draft?.text ?? '') === text && (record.draft !== undefined || text === '')) return;
      // Written before this resolves: the panel says "Saved" (and drops its own copy) only once the draft is on disk.
      // The practice view's attempt buffer already waits for a pause in the typing.
      await this.records.put(updateDraft(record, text, this.now()));
    });
  }

  grade(id: string, grade: Grade): Promise<GivenGrade> {
    return this.exclusive(async () => {
      const now = this.now();
      const recordBefore = await this.records.get(id);
      const outcome = this.currentScheduler().grade(this.card(id), now, grade);
      const entry = logEntry(id, outcome.review);
      const cards = new Map(this.synced.cards);
      cards.set(id, outcome.card);
      await Promise.all([
        this.synced.replace(cards),
        this.logShards.append(entry),
        this.records.put(finishAttempt(recordBefore, grade, now)),
      ]);
      const given: GivenGrade = { id, grade, at: now };
      this.undoable = { given, outcome, entry, recordBefore };
      this.changed.fire([id]);
      return given;
    });
  }

  get lastGrade(): GivenGrade | undefined {
    return this.undoable?.given;
  }

  undoLastGrade(): Promise<string | undefined> {
    return this.exclusive(async () => {
      const undoable = this.undoable;
      if (undoable === undefined) return undefined;
      this.undoable = undefined;
      const { id } = undoable.given;
      const cards = undoGrade(this.synced.cards, id, undoable.outcome);
      if (cards === undefined) {
        this.options.log.info(`Review: the last grade of ${id} was not undone: its card has changed since (a newer review).`);
        return undefined;
      }
      const current = await this.records.get(id);
      // The record as before the grade, with the note as it is now (it may have been edited since).
      const restored: QuestionRecord = { ...undoable.recordBefore, note: current.note };
      await Promise.all([
        this.synced.replace(cards),
        this.logShards.replace(withoutLogEntry(this.logShards.all(), undoable.entry)),
        this.records.put(restored),
      ]);
      this.changed.fire([id]);
      return id;
    });
  }

  startAttempt(id: string): Promise<void> {
    return this.exclusive(async () => {
      const record = await this.records.get(id);
      await this.records.put(startAttempt(record, this.now()));
      this.changed.fire([id]);
    });
  }

  setNote(id: string, note: string): Promise<void> {
    return this.exclusive(async () => {
      const record = await this.records.get(id);
      if (record.note === note) return;
      await this.records.put(setNote(record, note));
      this.changed.fire([id]);
    });
  }

  async exportData(): Promise<ProgressData> {
    await this.ready;
    await this.flush();
    return this.currentData();
  }

  async previewImport(data: ProgressData): Promise<ImportPreview> {
    return previewImport(await this.exportData(), data);
  }

  importData(data: ProgressData): Promise<void> {
    return this.exclusive(async () => {
      const current = await this.currentData();
      const merged = mergeImport(current, data, vscode.l10n.t('Imported'));
      const changedRecords = [...merged.records].filter(
        ([id, body]) => JSON.stringify(body) !== JSON.stringify(current.records.get(id)),
      );
      const changedCards = [...merged.cards.keys()].filter((id) => merged.cards.get(id) !== current.cards.get(id));
      await Promise.all([
        this.synced.replace(merged.cards),
        this.options.marks.replaceMarks(merged.marks),
        this.logShards.replace(merged.log),
        ...changedRecords.map(([id, body]) => this.records.put({ v: 1, id, ...body })),
      ]);
      this.undoable = undefined;
      const ids = new Set([...changedCards, ...changedRecords.map(([id]) => id)]);
      if (ids.size > 0) this.changed.fire([...ids]);
    });
  }

  reset(ids?: readonly string[]): Promise<void> {
    return this.exclusive(async () => {
      const targets = new Set(ids ?? [...this.synced.cards.keys(), ...(await this.records.all()).map((r) => r.id)]);
      const now = this.now();
      const cards = new Map(this.synced.cards);
      // A reset card rather than none: the reset then carries through Settings Sync (core `resetCard`).
      for (const id of targets) if (cards.has(id)) cards.set(id, resetCard(now));
      await Promise.all([
        this.synced.replace(cards),
        this.logShards.replace(this.logShards.all().filter((entry) => !targets.has(entry.id))),
        ...[...targets].map((id) => this.records.remove(id)),
      ]);
      if (this.undoable && targets.has(this.undoable.given.id)) this.undoable = undefined;
      if (targets.size > 0) this.changed.fire([...targets]);
    });
  }

  async flush(): Promise<void> {
    await this.ready;
    await this.files.idle();
  }

  /** Writes already started finish by themselves (each draft is written as it arrives). */
  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private async load(): Promise<void> {
    try {
      this.synced.check();
      await this.migrate();
      await this.logShards.load();
    } catch (error) {
      this.options.log.error(`Review: loading stored progress failed: ${String(error)}`);
    }
  }

  /** First start after 0.1.0: each attempt text becomes the draft of its question. The old keys stay as they were. */
  private async migrate(): Promise<void> {
    const memento = this.options.memento;
    if (memento.get(MIGRATED_KEY) !== undefined) return;
    const { records, invalid } = migrateProgress(memento.get(MARKS_KEY), memento.get(ATTEMPTS_KEY), this.now());
    for (const issue of invalid) {
      this.options.log.warn(`Review: migration skipped ${issue.source} entry ${issue.id} (${issue.reason}); the old value is kept.`);
    }
    for (const record of records.values()) {
      if (!(await this.records.hasContent(record.id))) await this.records.put(record);
    }
    await memento.update(MIGRATED_KEY, this.now());
    if (records.size > 0) this.options.log.info(`Review: moved ${records.size} attempt texts into their records.`);
  }

  private async currentData(): Promise<ProgressData> {
    const records = new Map((await this.records.all()).map(({ v: _v, id, ...body }) => [id, body] as const));
    for (const [id, body] of records) {
      if (body.attempts.length === 0 && body.note === '' && body.draft === undefined) records.delete(id);
    }
    return { cards: new Map(this.synced.cards), marks: new Map(this.options.marks.marks()), records, log: this.logShards.all() };
  }

  private currentScheduler(): Scheduler {
    const retention = this.settings().retention;
    if (this.scheduler?.retention !== retention) this.scheduler = { retention, scheduler: createScheduler({ retention }) };
    return this.scheduler.scheduler;
  }

  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.serial.then(() => this.ready).then(op);
    this.serial = run.catch(() => undefined);
    return run;
  }
}

/** Local midnight at or before `ms`: the review day rolls over at the user's midnight. */
export { localMidnight } from '../core/progress/localCalendar';
