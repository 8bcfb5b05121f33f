// Watches the user's extra bank files and folders; any change triggers one (debounced) reload.
import * as vscode from 'vscode';
import { BANK_FILE_PATTERN } from './bankReader';

const DEBOUNCE_MS = 250;

export interface WatchedLocation {
  uri: vscode.Uri;
  isFolder: boolean;
}

export class BankWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private watched = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: () => void) {}

  /** Watches these locations (files or folders, existing or not yet), replacing what was watched before. */
  watch(locations: readonly WatchedLocation[]): void {
    const key = locations.map((l) => `${l.isFolder}:${l.uri.toString()}`).join('\n');
    if (key === this.watched) return;
    this.disposeWatchers();
    this.watched = key;
    for (const { uri, isFolder } of locations) {
      // The location itself through its parent (so creating or deleting it is noticed), and a folder's bank files.
      const parent = vscode.Uri.joinPath(uri, '..');
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const patterns = [new vscode.RelativePattern(parent, name)];
      if (isFolder) patterns.push(new vscode.RelativePattern(uri, BANK_FILE_PATTERN));
      for (const pattern of patterns) {
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        const changed = () => this.schedule();
        this.watchers.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
      }
    }
  }

  dispose(): void {
    this.disposeWatchers();
    this.watched = '';
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, DEBOUNCE_MS);
  }

  private disposeWatchers(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.watchers) d.dispose();
    this.watchers = [];
  }
}
