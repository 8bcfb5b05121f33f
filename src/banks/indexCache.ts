// The warm-start files under globalStorageUri, written through vscode.workspace.fs and read as bank files are (both
// work remotely): the cache, which the index job parses, validates and serialises off the host thread
// (src/core/bankCache.ts), and its outline, small enough for the host to parse at once and list the questions from
// (src/core/bankOutline.ts).
import * as vscode from 'vscode';
import type { CacheProblem } from '../core/indexJobProtocol';
import { JsonFiles } from '../state/jsonFiles';
import { readFileBytes } from './bankReader';

/** What an index job gives to store: each absent when the stored one is still exact. */
export interface WarmStartFiles {
  cache?: Uint8Array;
  outline?: Uint8Array;
  cacheProblem?: CacheProblem;
}

export class IndexCacheFile {
  readonly uri: vscode.Uri;
  readonly outlineUri: vscode.Uri;
  private readonly files = new JsonFiles();

  constructor(storage: vscode.Uri) {
    this.uri = vscode.Uri.joinPath(storage, 'bank-index', 'cache.json');
    this.outlineUri = vscode.Uri.joinPath(storage, 'bank-index', 'outline.json');
  }

  /** The stored cache; undefined when there is none or it cannot be read (the banks are then indexed anew). */
  read(log: vscode.LogOutputChannel): Promise<Uint8Array | undefined> {
    return readIfThere(this.uri, log);
  }

  /** The stored outline; undefined when there is none or it cannot be read (the questions then show with the index). */
  readOutline(log: vscode.LogOutputChannel): Promise<Uint8Array | undefined> {
    return readIfThere(this.outlineUri, log);
  }

  /** Sets aside an outline that did not validate (never deleted); the next job writes a new one. */
  async setOutlineAside(reason: string, log: vscode.LogOutputChannel): Promise<void> {
    try {
      const aside = await this.files.setAside(this.outlineUri, Date.now());
      log.warn(`The bank index outline was not usable (${reason}); set aside as ${aside.toString(true)}.`);
    } catch (error) {
      log.warn(`Cannot set aside the bank index outline ${this.outlineUri.toString(true)}: ${describe(error)}`);
    }
  }

  /**
   * Stores what the job made: the cache first, then its outline (an outline never describes a cache that failed to be
   * written). A cache that did not validate is first set aside beside it (never deleted).
   */
  async store({ cache, outline, cacheProblem }: WarmStartFiles, log: vscode.LogOutputChannel): Promise<void> {
    try {
      if (cacheProblem?.kind === 'corrupt') {
        const aside = await this.files.setAside(this.uri, Date.now());
        log.warn(`The bank index cache was not usable (${cacheProblem.reason}); set aside as ${aside.toString(true)} and rebuilt.`);
      } else if (cacheProblem) {
        log.info(`The bank index cache is out of date (${cacheProblem.reason}); rebuilt.`);
      }
      if (cache) await this.files.writeBytes(this.uri, cache);
      if (outline) await this.files.writeBytes(this.outlineUri, outline);
    } catch (error) {
      // Only the next start's speed depends on it.
      log.warn(`Cannot write the bank index cache ${this.uri.toString(true)}: ${describe(error)}`);
    }
  }
}

async function readIfThere(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<Uint8Array | undefined> {
  try {
    return await readFileBytes(uri);
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
      log.warn(`Cannot read ${uri.toString(true)}: ${describe(error)}`);
    }
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
