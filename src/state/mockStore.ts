// The mock interviews kept for "Show Mock Interview History": one JSON file per session under
// `<globalStorage>/mock/<id>.json`, written atomically after every step; a file that is not a session is set aside
// (renamed, never deleted) and the user told once.
import * as vscode from 'vscode';
import { parseMockSession, type MockSession } from '../core/mock/mockSession';
import { CorruptFileNotice } from './corruptNotice';
import { JsonFiles } from './jsonFiles';

export const MOCK_FOLDER = 'mock';

export class MockStore {
  private readonly folder: vscode.Uri;
  private readonly files: JsonFiles;

  constructor(
    storage: vscode.Uri,
    private readonly notice: CorruptFileNotice,
    private readonly now: () => number,
    fs?: vscode.FileSystem,
  ) {
    this.folder = vscode.Uri.joinPath(storage, MOCK_FOLDER);
    this.files = new JsonFiles(fs);
  }

  /** Resolves when the session is on disk. */
  save(session: MockSession): Promise<void> {
    return this.files.write(this.uriOf(session.id), session);
  }

  async get(id: string): Promise<MockSession | undefined> {
    return this.read(`${id}.json`);
  }

  /** Every stored session, newest first. */
  async all(): Promise<MockSession[]> {
    const names = await this.files.list(this.folder);
    const sessions = await Promise.all(names.map((name) => this.read(name)));
    return sessions.filter((session): session is MockSession => session !== undefined).sort((a, b) => b.startedAt - a.startedAt);
  }

  private uriOf(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${id}.json`);
  }

  private async read(name: string): Promise<MockSession | undefined> {
    const uri = vscode.Uri.joinPath(this.folder, name);
    const read = await this.files.read(uri);
    if (read.kind === 'missing') return undefined;
    const session = read.kind === 'json' ? parseMockSession(read.value) : undefined;
    if (session && `${session.id}.json` === name) return session;
    const aside = await this.files.setAside(uri, this.now());
    this.notice.report(aside, read.kind === 'json' ? 'not a mock interview' : `not JSON: ${read.reason}`);
    return undefined;
  }
}
