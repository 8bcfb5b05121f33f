// One JSON file per question under `<globalStorage>/records/<fnv-1a 64 of the id>.json` (the id is inside, and checked):
// read lazily, cached, validated (a file with invalid parts is set aside and its valid parts written back).
import * as vscode from 'vscode';
import { fnv1a64 } from '../core/fnv';
import { decodeRecord, emptyRecord, encodeRecord, type QuestionRecord } from '../core/review/records';
import type { CorruptFileNotice } from './corruptNotice';
import type { JsonFiles } from './jsonFiles';

export const RECORDS_FOLDER = 'records';

export class RecordFiles {
  private readonly cache = new Map<string, Promise<QuestionRecord>>();
  readonly folder: vscode.Uri;

  constructor(
    storage: vscode.Uri,
    private readonly files: JsonFiles,
    private readonly notice: CorruptFileNotice,
    private readonly now: () => number,
  ) {
    this.folder = vscode.Uri.joinPath(storage, RECORDS_FOLDER);
  }

  uriOf(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${fnv1a64(id)}.json`);
  }

  /** The question's record (an empty one when it has none), from the cache after the first read. */
  get(id: string): Promise<QuestionRecord> {
    let record = this.cache.get(id);
    if (record === undefined) {
      record = this.load(id);
      this.cache.set(id, record);
      // A failed read is not cached: the next call tries again.
      record.catch(() => this.cache.get(id) === record && this.cache.delete(id));
    }
    return record;
  }

  /** Whether the question's record holds anything (migration writes only records that do not exist yet). */
  async hasContent(id: string): Promise<boolean> {
    const record = await this.get(id);
    return record.attempts.length > 0 || record.note !== '' || record.draft !== undefined;
  }

  /** Updates the cache only (a draft, written later by `put`). */
  keep(record: QuestionRecord): void {
    this.cache.set(record.id, Promise.resolve(record));
  }

  /** Updates the cache now; the returned promise resolves when the file is written. */
  put(record: QuestionRecord): Promise<void> {
    this.keep(record);
    return this.files.write(this.uriOf(record.id), encodeRecord(record));
  }

  /** Every question that has a record file (export, reset all). */
  async all(): Promise<QuestionRecord[]> {
    const ids = new Set<string>();
    const records: QuestionRecord[] = [];
    for (const name of await this.files.list(this.folder)) {
      const read = await this.files.read(vscode.Uri.joinPath(this.folder, name));
      const id = read.kind === 'json' && typeof (read.value as { id?: unknown })?.id === 'string' ? (read.value as { id: string }).id : undefined;
      if (id === undefined || ids.has(id) || this.uriOf(id).path !== vscode.Uri.joinPath(this.folder, name).path) continue;
      ids.add(id);
    }
    // Records read (or written) in this session that have no file yet are in the cache.
    for (const id of this.cache.keys()) ids.add(id);
    for (const id of ids) records.push(await this.get(id));
    return records;
  }

  /** Forgets the question's record: its file is deleted (a reset the user confirmed). */
  async remove(id: string): Promise<void> {
    this.cache.set(id, Promise.resolve(emptyRecord(id)));
    await this.files.delete(this.uriOf(id));
  }

  private async load(id: string): Promise<QuestionRecord> {
    const uri = this.uriOf(id);
    const read = await this.files.read(uri);
    if (read.kind === 'missing') return emptyRecord(id);
    if (read.kind === 'unreadable') {
      await this.setAside(uri, `not JSON: ${read.reason}`);
      return emptyRecord(id);
    }
    const { record, dropped } = decodeRecord(read.value, id);
    if (record === undefined) {
      await this.setAside(uri, dropped.join(', '));
      return emptyRecord(id);
    }
    if (dropped.length > 0) {
      await this.setAside(uri, `invalid ${dropped.join(', ')}`);
      await this.files.write(uri, encodeRecord(record));
    }
    return record;
  }

  private async setAside(uri: vscode.Uri, what: string): Promise<void> {
    const aside = await this.files.setAside(uri, this.now());
    this.notice.report(aside, what);
  }
}
