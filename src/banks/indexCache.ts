// The warm-start cache's file under globalStorageUri, read and written as bytes through vscode.workspace.fs (so it
// works remotely): the index job parses, validates and serialises it off the host thread (src/core/bankCache.ts).
import * as vscode from 'vscode';
import type { CacheProblem } from '../core/indexJobProtocol';
import { JsonFiles } from '../state/jsonFiles';

export class IndexCacheFile {
  readonly uri: vscode.Uri;
  private readonly files = new JsonFiles();

  constructor(storage: vscode.Uri) {
    this.uri = vscode.Uri.joinPath(storage, 'bank-index', 'cache.json');
  }

  /** The stored bytes; undefined when there are none or they cannot be read (the banks are then indexed anew). */
  async read(log: vscode.LogOutputChannel): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(this.uri);
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
        log.warn(`Cannot read the bank index cache ${this.uri.toString(true)}: ${describe(error)}`);
      }
      return undefined;
    }
  }

  /** Stores what the job made; a cache that did not validate is first set aside beside it (never deleted). */
  async store(bytes: Uint8Array | undefined, problem: CacheProblem | undefined, log: vscode.LogOutputChannel): Promise<void> {
    try {
      if (problem?.kind === 'corrupt') {
        const aside = await this.files.setAside(this.uri, Date.now());
        log.warn(`The bank index cache was not usable (${problem.reason}); set aside as ${aside.toString(true)} and rebuilt.`);
      } else if (problem) {
        log.info(`The bank index cache is out of date (${problem.reason}); rebuilt.`);
      }
      if (bytes) await this.files.writeBytes(this.uri, bytes);
    } catch (error) {
      // Only the next start's speed depends on it.
      log.warn(`Cannot write the bank index cache ${this.uri.toString(true)}: ${describe(error)}`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
