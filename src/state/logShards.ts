// The review log in monthly shards, `<globalStorage>/log/YYYY-MM.json` (core `logShardKey`): all read once at start
// (the queue needs today's entries synchronously, export needs all), validated, and rewritten one shard at a time.
import * as vscode from 'vscode';
import { decodeLogShard, encodeLogShard, logShardKey, type ReviewLogEntry } from '../core/review/reviewLog';
import type { CorruptFileNotice } from './corruptNotice';
import type { JsonFiles } from './jsonFiles';

export const LOG_FOLDER = 'log';
const SHARD_NAME = /^(\d{4}-\d{2})\.json$/;

export class LogShards {
  private readonly shards = new Map<string, ReviewLogEntry[]>();
  readonly folder: vscode.Uri;

  constructor(
    storage: vscode.Uri,
    private readonly files: JsonFiles,
    private readonly notice: CorruptFileNotice,
    private readonly now: () => number,
  ) {
    this.folder = vscode.Uri.joinPath(storage, LOG_FOLDER);
  }

  async load(): Promise<void> {
    for (const name of await this.files.list(this.folder)) {
      const key = SHARD_NAME.exec(name)?.[1];
      if (key === undefined) continue;
      const uri = this.uriOf(key);
      const read = await this.files.read(uri);
      if (read.kind === 'missing') continue;
      if (read.kind === 'unreadable') {
        this.notice.report(await this.files.setAside(uri, this.now()), `not JSON: ${read.reason}`);
        continue;
      }
      const { entries, dropped } = decodeLogShard(read.value);
      this.shards.set(key, [...(this.shards.get(key) ?? []), ...entries]);
      if (dropped > 0) {
        this.notice.report(await this.files.setAside(uri, this.now()), `${dropped} invalid log entries`);
        await this.write(key);
      }
    }
  }

  /** Every entry, oldest first. */
  all(): ReviewLogEntry[] {
    return [...this.shards.keys()].sort().flatMap((key) => this.shards.get(key) ?? []);
  }

  /** The entries of the shards that cover [from, to] (the queue passes today). */
  between(from: number, to: number): ReviewLogEntry[] {
    const keys = new Set([logShardKey(from), logShardKey(to)]);
    return [...keys].sort().flatMap((key) => this.shards.get(key) ?? []);
  }

  append(entry: ReviewLogEntry): Promise<void> {
    const key = logShardKey(entry.at);
    const shard = this.shards.get(key) ?? [];
    shard.push(entry);
    this.shards.set(key, shard);
    return this.write(key);
  }

  /** Replaces the whole log (undo, import, reset), rewriting only the shards that changed. */
  async replace(entries: readonly ReviewLogEntry[]): Promise<void> {
    const next = new Map<string, ReviewLogEntry[]>();
    for (const entry of [...entries].sort((a, b) => a.at - b.at)) {
      const key = logShardKey(entry.at);
      next.set(key, [...(next.get(key) ?? []), entry]);
    }
    const keys = new Set([...this.shards.keys(), ...next.keys()]);
    const changed = [...keys].filter((key) => JSON.stringify(this.shards.get(key) ?? []) !== JSON.stringify(next.get(key) ?? []));
    for (const key of changed) this.shards.set(key, next.get(key) ?? []);
    await Promise.all(changed.map((key) => this.write(key)));
  }

  private write(key: string): Promise<void> {
    return this.files.write(this.uriOf(key), encodeLogShard(this.shards.get(key) ?? []));
  }

  private uriOf(key: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${key}.json`);
  }
}
