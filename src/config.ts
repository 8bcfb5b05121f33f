// Typed access to the `dojo.*` settings. `DojoSettings` mirrors package.json `contributes.configuration`;
// every getter checks the value's type, because settings.json can hold anything.
import * as vscode from 'vscode';
import { DEFAULT_MAX_BANK_MB } from './core/bankWalk';
import { isGroupBy, type GroupBy } from './core/grouping';
import type { GradeMode } from './core/review/grades';
import { DEFAULT_NEW_PER_DAY, DEFAULT_REVIEWS_PER_DAY } from './core/review/queue';
import { DEFAULT_SCHEDULER_OPTIONS } from './core/review/scheduler';

export interface DojoSettings {
  extraBanks: string[];
  scratchFolder: string;
  openInNewPanel: boolean;
  groupBy: GroupBy;
  maxBankSizeMB: number;
  allowRemoteImages: boolean;
  'review.grades': GradeMode;
  'review.retention': number;
  'review.newPerDay': number;
  'review.reviewsPerDay': number;
  'ai.enabled': boolean;
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

/** Where `dojo.extraBanks` takes effect, so where banks added from the UI are written. */
export function extraBanksTarget(): vscode.ConfigurationTarget {
  return editableTarget('extraBanks');
}

/** Appends entries to `dojo.extraBanks` at `target`, keeping whatever that scope already lists. */
export async function addExtraBanks(entries: readonly string[], target: vscode.ConfigurationTarget): Promise<void> {
  const where = vscode.workspace.getConfiguration(SECTION).inspect<unknown>('extraBanks');
  const current =
    target === vscode.ConfigurationTarget.Global
      ? where?.globalValue
      : target === vscode.ConfigurationTarget.Workspace
        ? where?.workspaceValue
        : where?.workspaceFolderValue;
  const kept = Array.isArray(current) ? current : [];
  await vscode.workspace.getConfiguration(SECTION).update('extraBanks', [...kept, ...entries], target);
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
  await vscode.workspace.getConfiguration(SECTION).update('groupBy', value, editableTarget('groupBy'));
}

/**
 * Where a change of the setting takes effect: the workspace folder or workspace settings when they set it, else the
 * user's. (Every `dojo` setting has scope `window`, so User settings apply in remote windows too.)
 */
function editableTarget(key: SettingKey): vscode.ConfigurationTarget {
  const where = vscode.workspace.getConfiguration(SECTION).inspect(key);
  if (where?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (where?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}

const settingsEditorCommand: Record<vscode.ConfigurationTarget, string> = {
  [vscode.ConfigurationTarget.Global]: 'workbench.action.openSettings',
  [vscode.ConfigurationTarget.Workspace]: 'workbench.action.openWorkspaceSettings',
  [vscode.ConfigurationTarget.WorkspaceFolder]: 'workbench.action.openFolderSettings',
};

/** Opens the Settings editor on the setting, on the tab whose value is in effect (User unless the workspace sets it). */
export function openSettingsFor(key: SettingKey): Thenable<unknown> {
  return vscode.commands.executeCommand(settingsEditorCommand[editableTarget(key)], { query: settingId(key) });
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

/** The grade buttons after Reveal: Again / Hard / Good / Easy, or Fail / Pass. */
export function reviewGrades(): GradeMode {
  return read('review.grades') === 'two' ? 'two' : 'four';
}

/** The probability of recall FSRS aims for when a question comes due (the scheduler clamps it to 0.7–0.99). */
export function reviewRetention(): number {
  const value = read('review.retention');
  return typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_SCHEDULER_OPTIONS.retention;
}

/** New questions a review introduces per day. */
export function reviewNewPerDay(): number {
  return count(read('review.newPerDay'), DEFAULT_NEW_PER_DAY);
}

/** Reviews of learnt questions per day. */
export function reviewReviewsPerDay(): number {
  return count(read('review.reviewsPerDay'), DEFAULT_REVIEWS_PER_DAY);
}

/** Whether the practice panel offers an AI review when VS Code has a language model. On by default. */
export function aiEnabled(): boolean {
  return read('ai.enabled') !== false;
}

function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
