// Typed access to the `dojo.*` settings. `DojoSettings` mirrors package.json `contributes.configuration`;
// every getter checks the value's type, because settings.json can hold anything.
import * as vscode from 'vscode';
import { DEFAULT_MAX_BANK_MB } from './core/bankWalk';
import { isGroupBy, type GroupBy } from './core/grouping';

export interface DojoSettings {
  extraBanks: string[];
  scratchFolder: string;
  openInNewPanel: boolean;
  groupBy: GroupBy;
  maxBankSizeMB: number;
  allowRemoteImages: boolean;
}

export type SettingKey = keyof DojoSettings;

const SECTION = 'dojo';

function read(key: SettingKey): unknown {
  return vscode.workspace.getConfiguration(SECTION).get<unknown>(key);
}

/** Files or folders of markdown banks to index beside the bundled ones, as the user wrote them. */
export function extraBanks(): string[] {
  const value = read('extraBanks');
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
}

/** Where scratch files go: an absolute or workspace-relative folder; '' means the extension's global storage. */
export function scratchFolder(): string {
  const value = read('scratchFolder');
  return typeof value === 'string' ? value.trim() : '';
}

/** Whether each question opens in its own practice panel instead of reusing one. */
export function openInNewPanel(): boolean {
  return read('openInNewPanel') === true;
}

/** How the question tree groups questions. */
export function groupBy(): GroupBy {
  const value = read('groupBy');
  return isGroupBy(value) ? value : 'domain';
}

/**
 * Stores the grouping where it takes effect: in the user settings (the toggle is a preference), unless the workspace
 * or folder overrides it, in which case that override is the one changed.
 */
export async function setGroupBy(value: GroupBy): Promise<void> {
  const settings = vscode.workspace.getConfiguration(SECTION);
  const where = settings.inspect('groupBy');
  const target =
    where?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : where?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await settings.update('groupBy', value, target);
}

/** The qualified id of a setting, for `affectsConfiguration` and the settings editor. */
export function settingId(key: SettingKey): string {
  return `${SECTION}.${key}`;
}

export function affects(event: vscode.ConfigurationChangeEvent, key: SettingKey): boolean {
  return event.affectsConfiguration(settingId(key));
}

/** Bank files larger than this many megabytes are skipped (at least 1). */
export function maxBankSizeMB(): number {
  const value = read('maxBankSizeMB');
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : DEFAULT_MAX_BANK_MB;
}

/** Whether bank images from `https:` URLs are loaded (the practice panel's CSP then allows them). Off by default. */
export function allowRemoteImages(): boolean {
  return read('allowRemoteImages') === true;
}
