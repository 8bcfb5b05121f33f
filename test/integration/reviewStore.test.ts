import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fnv1a64 } from '../../src/core/fnv';
import { encodeCard } from '../../src/core/review/card';
import { GRADE } from '../../src/core/review/grades';
import { CorruptFileNotice } from '../../src/state/corruptNotice';
import { ATTEMPTS_KEY, MementoProgressStore } from '../../src/state/progressStore';
import { FileReviewStore, MIGRATED_KEY } from '../../src/state/reviewStore';
import { CARDS_KEY, MARKS_KEY } from '../../src/state/syncedKeys';
import { FakeMemento } from './helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);
const Q1 = 'bank-a/0000000000000001';
const Q2 = 'bank-a/0000000000000002';

/** One machine's storage (globalState + globalStorageUri) and the stores over it; `open()` is a new window. */
class Machine {
  readonly memento = new FakeMemento();
  readonly storage = vscode.Uri.file(path.join(os.tmpdir(), `dojo-review-${process.pid}-${Math.random().toString(36).slice(2)}`));
  time = T0;
  readonly shown: string[] = [];
  readonly logged: string[] = [];
  private readonly open_: { dispose(): void }[] = [];

  open(draftDelayMs = 50): { review: FileReviewStore; progress: MementoProgressStore } {
    const log = {
      warn: (m: string) => void this.logged.push(m),
      error: (m: string) => void this.logged.push(m),
      info: (m: string) => void this.logged.push(m),
    };
    const progress = new MementoProgressStore(this.memento, { now: () => this.time });
    const notice = new CorruptFileNotice(log, async (message) => {
      this.shown.push(message);
      return undefined;
    });
    const review = new FileReviewStore({
      memento: this.memento,
      storage: this.storage,
      marks: progress,
      log,
      now: () => this.time,
      draftDelayMs,
      notice,
      settings: () => ({ retention: 0.9, newPerDay: 10, reviewsPerDay: 200 }),
    });
    this.open_.push(review, progress);
    return { review, progress };
  }

  uri(...parts: string[]): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, ...parts);
  }

  async names(folder: string): Promise<string[]> {
    try {
      return (await vscode.workspace.fs.readDirectory(this.uri(folder))).map(([name]) => name).sort();
    } catch {
      return [];
    }
  }

  async readJson(uri: vscode.Uri): Promise<unknown> {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  }

  async close(): Promise<void> {
    for (const store of this.open_.splice(0)) store.dispose();
    await vscode.workspace.fs.delete(this.storage, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  }
}

describe('Review store (cards in globalState, records and log in files)', () => {
  let machine: Machine;

  beforeEach(() => {
    machine = new Machine();
  });

  afterEach(() => machine.close());

  it('persists a grade: the card in the synced key, the attempt in its record, the entry in the log; a new window reads them', async () => {
    const { review } = machine.open();
    await review.setDraft(Q1, 'my first attempt');
    const given = await review.grade(Q1, GRADE.good);
    assert.deepEqual(given, { id: Q1, grade: GRADE.good, at: T0 });
    assert.ok(Object.hasOwn(machine.memento.get<object>(CARDS_KEY) ?? {}, Q1), 'the card is in dojo.cards.v1');
    await review.flush();

    const reopened = machine.open().review;
    await reopened.ready;
    assert.deepEqual(reopened.card(Q1), review.card(Q1));
    const record = await reopened.record(Q1);
    assert.equal(record.draft, undefined, 'the graded attempt is no longer in progress');
    assert.deepEqual(
      record.attempts.map((a) => [a.text, a.grade]),
      [['my first attempt', GRADE.good]],
    );
    assert.equal(reopened.queue([Q1, Q2]).today.graded, 1, 'the log entry was read back');
    machine.time = review.card(Q1)!.due + 1;
    assert.deepEqual(reopened.queue([Q1, Q2]).due, [Q1], 'with the clock past its due time the queue shows the question');
  });

  it('undoes the last grade: card, log entry and record as before', async () => {
    const { review } = machine.open();
    await review.setDraft(Q1, 'attempt one');
    await review.grade(Q1, GRADE.good);
    const cardBefore = review.card(Q1);
    machine.time += 3 * DAY;
    await review.setDraft(Q1, 'attempt two');
    await review.grade(Q1, GRADE.again);
    assert.deepEqual(review.lastGrade, { id: Q1, grade: GRADE.again, at: T0 + 3 * DAY });

    assert.equal(await review.undoLastGrade(), Q1);
    assert.deepEqual(review.card(Q1), cardBefore);
    assert.equal(review.lastGrade, undefined, 'one level: the grade before is not undoable');
    assert.equal(await review.undoLastGrade(), undefined);
    const record = await review.record(Q1);
    assert.deepEqual(record.attempts.map((a) => a.text), ['attempt one']);
    assert.equal(record.draft?.text, 'attempt two', 'the undone attempt is in progress again');
    await review.flush();
    const reopened = machine.open().review;
    await reopened.ready;
    assert.equal(reopened.queue([Q1]).today.graded, 0, 'the log entry of the undone grade is gone from disk (the first was another day)');
    assert.deepEqual((await reopened.record(Q1)).draft?.text, 'attempt two');
  });

  it('sets a corrupt record aside under a timestamped name, keeps its valid part, and tells the user once', async () => {
    const valid = { startedAt: T0 - DAY, spentMs: 1000, text: 'kept', grade: 3, gradedAt: T0 - DAY };
    const { review } = machine.open();
    const folder = machine.uri('records');
    await vscode.workspace.fs.createDirectory(folder);
    const fileOf = (id: string) => vscode.Uri.joinPath(folder, `${fnv1a64(id)}.json`);
    const bad = { v: 1, id: Q2, attempts: [valid, { startedAt: 'yesterday', text: 5 }], note: 'my note', draft: 'x' };
    await vscode.workspace.fs.writeFile(fileOf(Q2), new TextEncoder().encode(JSON.stringify(bad)));
    const otherId = 'bank-a/0000000000000003';
    await vscode.workspace.fs.writeFile(fileOf(otherId), new TextEncoder().encode('{ not json'));

    const record = await review.record(Q2);
    assert.deepEqual(record.attempts, [valid]);
    assert.equal(record.note, 'my note');
    assert.equal(record.draft, undefined);
    await review.record(otherId);
    await review.flush();

    const names = await machine.names('records');
    const asideNames = names.filter((n) => /\.json\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/.test(n));
    assert.equal(asideNames.length, 2, `both bad files set aside: ${names.join(', ')}`);
    const asideQ2 = asideNames.find((n) => n.startsWith(`${fnv1a64(Q2)}.json`))!;
    assert.deepEqual(await machine.readJson(vscode.Uri.joinPath(folder, asideQ2)), bad, 'the file set aside is the original, untouched');
    assert.deepEqual(await machine.readJson(fileOf(Q2)), { v: 1, id: Q2, attempts: [valid], note: 'my note' }, 'the valid part written back');
    assert.equal(machine.shown.length, 1, 'one notification for the session');
    assert.match(machine.shown[0]!, /corrupt-/);
    assert.ok(!names.some((n) => n.includes('.tmp-')), 'no temp file left');
  });

  it('migrates the 0.1.0 keys once: each attempt text becomes the draft, the old values stay as they were', async () => {
    const marks = { [Q1]: { a: T0 - DAY, r: T0 - DAY + 5 }, [Q2]: { s: 1 as const } };
    const attempts = { [Q1]: 'written in 0.1.0', 'bad/id': 42 };
    machine.memento.values.set(MARKS_KEY, structuredClone(marks));
    machine.memento.values.set(ATTEMPTS_KEY, structuredClone(attempts));
    const { review, progress } = machine.open();
    assert.equal((await review.record(Q1)).draft?.text, 'written in 0.1.0');
    assert.deepEqual((await review.record(Q1)).attempts, []);
    assert.deepEqual(machine.memento.get(ATTEMPTS_KEY), attempts, 'the old attempts are untouched');
    assert.deepEqual(machine.memento.get(MARKS_KEY), marks, 'the marks are untouched');
    assert.equal(progress.get(Q2).starred, true);
    assert.equal(machine.memento.get(MIGRATED_KEY), T0);

    await review.setDraft(Q1, 'edited since');
    await review.flush();
    const again = machine.open().review;
    assert.equal((await again.record(Q1)).draft?.text, 'edited since', 'a second start does not migrate again');
  });

  it('merges a synced card table by the latest review: an older synced value never undoes a newer local grade', async () => {
    const { review } = machine.open();
    await review.grade(Q1, GRADE.good);
    const older = machine.memento.get<Record<string, unknown>>(CARDS_KEY)!;
    machine.time += 2 * DAY;
    await review.grade(Q1, GRADE.good);
    const newer = review.card(Q1)!;

    // Another machine: Q2 graded there after our grade of Q1; its copy of Q1 is the older one.
    const other = new Machine();
    other.time = T0 + 3 * DAY;
    const remote = other.open().review;
    await remote.grade(Q2, GRADE.easy);
    const remoteQ2 = remote.card(Q2)!;
    await other.close();
    const changed: (readonly string[])[] = [];
    review.onDidChange((ids) => changed.push(ids));
    // What Settings Sync does: the whole value replaced.
    machine.memento.values.set(CARDS_KEY, { [Q1]: older[Q1], [Q2]: encodeCard(remoteQ2) });

    assert.deepEqual(review.card(Q1), newer, 'our newer review of Q1 stays');
    assert.deepEqual(review.card(Q2), remoteQ2, 'their review of Q2 is taken');
    assert.deepEqual(changed, [[Q2]]);
    const written = machine.memento.get<Record<string, unknown>>(CARDS_KEY)!;
    assert.deepEqual(written[Q1], encodeCard(newer), 'written back, because the local card won');
  });

  it('restores everything by export → reset → import', async () => {
    const { review, progress } = machine.open();
    await progress.setStarred(Q1, true);
    await review.setDraft(Q1, 'graded text');
    await review.grade(Q1, GRADE.hard);
    await review.setNote(Q1, 'remember the **edge case**');
    await review.setDraft(Q2, 'draft only');
    const exported = await review.exportData();
    const cardBefore = review.card(Q1);

    await review.reset();
    assert.equal(review.queue([Q1, Q2]).fresh.includes(Q1), true, 'a reset question is new again');
    assert.deepEqual((await review.record(Q1)).attempts, []);
    assert.equal((await review.record(Q2)).draft, undefined);

    await review.importData(exported);
    assert.deepEqual(review.card(Q1), cardBefore);
    const record = await review.record(Q1);
    assert.deepEqual(record.attempts.map((a) => [a.text, a.grade]), [['graded text', GRADE.hard]]);
    assert.equal(record.note, 'remember the **edge case**');
    assert.equal((await review.record(Q2)).draft?.text, 'draft only');
    assert.equal(review.queue([Q1, Q2]).today.graded, 1, 'the log is back');
    assert.equal(progress.get(Q1).starred, true);
    const again = await review.exportData();
    assert.deepEqual(again, exported, 'the round trip restores the exported data exactly');
  });

  it('writes drafts debounced and atomically, and flushes them on dispose', async () => {
    const { review } = machine.open(60_000);
    await review.setDraft(Q1, 'typed');
    await review.setDraft(Q1, 'typed more');
    assert.deepEqual(await machine.names('records'), [], 'not written while the typing goes on');
    review.dispose();
    const file = machine.uri('records', `${fnv1a64(Q1)}.json`);
    let stored: unknown;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      stored = await machine.readJson(file).catch(() => undefined);
      if (stored !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual((stored as { draft?: { text: string } } | undefined)?.draft?.text, 'typed more', 'dispose wrote the latest draft');
    assert.deepEqual(await machine.names('records'), [`${fnv1a64(Q1)}.json`], 'only the record: no temp file left');
  });
});
