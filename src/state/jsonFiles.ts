// Small JSON files under the extension's storage: read without trusting them, written atomically (a temp file renamed
// over the target, so a crash leaves the old file or the new one, never half of one), one write per file at a time,
// and set aside under a new name when they cannot be used (never deleted or overwritten).
import * as vscode from 'vscode';

export type JsonRead =
  | { kind: 'missing' }
  | { kind: 'json'; value: unknown }
  /** Not UTF-8 JSON. */
  | { kind: 'unreadable'; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const ENCODER = new TextEncoder();

export class JsonFiles {
  /** The last write started per file: writes to one file run in order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly fs: vscode.FileSystem = vscode.workspace.fs) {}

  async read(uri: vscode.Uri): Promise<JsonRead> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(uri);
    } catch (error) {
      if (isNotFound(error)) return { kind: 'missing' };
      throw error;
    }
    try {
      return { kind: 'json', value: JSON.parse(UTF8.decode(bytes)) as unknown };
    } catch (error) {
      return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Writes `value` as JSON atomically; resolves when it is on disk. Writes to one file are queued in order. */
  write(uri: vscode.Uri, value: unknown): Promise<void> {
    return this.writeBytes(uri, ENCODER.encode(JSON.stringify(value)));
  }

  /** Writes bytes made elsewhere (a large file serialised off the host thread), atomically and in order like `write`. */
  writeBytes(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
    const key = uri.toString();
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.writeNow(uri, bytes));
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    }).catch(() => undefined);
    return next;
  }

  /** Resolves when every write started so far has finished (failed or not). */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()].map((write) => write.catch(() => undefined)));
  }

  /**
   * Renames the file to `<name>.corrupt-<UTC time>` beside it (a free name: never over another file) and returns the
   * new location.
   */
  async setAside(uri: vscode.Uri, now: number): Promise<vscode.Uri> {
    const stamp = new Date(now).toISOString().replace(/:/g, '-');
    for (let n = 1; ; n++) {
      const aside = uri.with({ path: `${uri.path}.corrupt-${stamp}${n === 1 ? '' : `-${n}`}` });
      if (await this.exists(aside)) continue;
      await this.fs.rename(uri, aside, { overwrite: false });
      return aside;
    }
  }

  /** Names of the `.json` files directly in the folder ([] when it does not exist). */
  async list(folder: vscode.Uri): Promise<string[]> {
    try {
      const entries = await this.fs.readDirectory(folder);
      return entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.json')).map(([name]) => name);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  async delete(uri: vscode.Uri): Promise<void> {
    await this.idle();
    try {
      await this.fs.delete(uri);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private async writeNow(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
    await this.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    const temp = uri.with({ path: `${uri.path}.tmp-${Math.random().toString(36).slice(2, 10)}` });
    await this.fs.writeFile(temp, bytes);
    await this.fs.rename(temp, uri, { overwrite: true });
  }

  private async exists(uri: vscode.Uri): Promise<boolean> {
    try {
      await this.fs.stat(uri);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError
    ? error.code === 'FileNotFound'
    : typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'FileNotFound';
}
