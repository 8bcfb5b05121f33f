// Export, import and reset of all progress (schedules, attempts, notes, marks, the review log), and the progress
// dashboard. Files go through vscode.workspace.fs; the document, its validation and the merge are the core's
// (src/core/review/exchange.ts).
import * as vscode from 'vscode';
import { exportDocument, validateExport, type ImportPreview } from '../core/review/exchange';
import { QuestionNode } from '../tree/treeNodes';
import { ask, inform, requireQuestion, type CommandDeps } from './commandDeps';

/** Opens the progress dashboard (or shows the open one). */
export const showProgress = (deps: CommandDeps) => () => deps.dashboard.show();

const JSON_FILTER = (): Record<string, string[]> => ({ [vscode.l10n.t('Interview Dojo progress')]: ['json'] });

/** Writes everything to one JSON file (a save dialog unless a Uri is given). Resolves to the file written. */
export const exportProgress = (deps: CommandDeps) => async (target?: unknown) => {
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export Progress'),
          saveLabel: vscode.l10n.t('Export'),
          defaultUri: defaultExportUri(deps.due.now()),
          filters: JSON_FILTER(),
        });
  if (!uri) return undefined;
  const document = exportDocument(await deps.ctx.review.exportData(), deps.due.now());
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(document)}\n`));
  } catch (error) {
    report(deps, vscode.l10n.t('Could not write {0}.', uri.fsPath), errorText(error));
    return undefined;
  }
  inform(deps, vscode.l10n.t('Progress exported to {0}.', uri.fsPath));
  return uri;
};

/** Reads an export (an open dialog unless a Uri is given), checks it, previews the counts, then merges it. */
export const importProgress = (deps: CommandDeps) => async (source?: unknown) => {
  const uri =
    source instanceof vscode.Uri
      ? source
      : (
          await vscode.window.showOpenDialog({
            title: vscode.l10n.t('Import Progress'),
            openLabel: vscode.l10n.t('Import'),
            canSelectMany: false,
            filters: JSON_FILTER(),
          })
        )?.[0];
  if (!uri) return false;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri)));
  } catch (error) {
    report(deps, vscode.l10n.t('Could not read {0} as JSON.', uri.fsPath), errorText(error));
    return false;
  }
  const checked = validateExport(raw);
  if (!checked.ok) {
    report(deps, vscode.l10n.t('{0} is not an Interview Dojo progress export; nothing was imported.', uri.fsPath), checked.errors.join('\n'));
    return false;
  }
  const { review } = deps.ctx;
  const preview = await review.previewImport(checked.data);
  if (Object.values(preview).every((count) => count === 0)) {
    inform(deps, vscode.l10n.t('{0} holds nothing that is not here already.', uri.fsPath));
    return false;
  }
  const importAction = vscode.l10n.t('Import');
  const detail = `${vscode.l10n.t('Exported {0}.', new Date(checked.exportedAt).toLocaleString())}\n${previewLines(preview)}\n${vscode.l10n.t('Nothing here is lost: newer reviews win, attempts are added, differing notes are both kept.')}`;
  const choice = await ask(deps, vscode.l10n.t('Import progress from {0}?', uri.fsPath), detail, [importAction]);
  if (choice !== importAction) return false;
  await review.importData(checked.data);
  inform(deps, vscode.l10n.t('Progress imported from {0}.', uri.fsPath));
  return true;
};

function previewLines(preview: ImportPreview): string {
  return [
    vscode.l10n.t('Questions new here: {0}', preview.newQuestions),
    vscode.l10n.t('Newer review schedules: {0}', preview.newerReviews),
    vscode.l10n.t('Attempts added: {0}', preview.attemptsAdded),
    vscode.l10n.t('Notes changed: {0}', preview.notesChanged),
    vscode.l10n.t('Marks changed (attempted, revealed, starred): {0}', preview.marksChanged),
    vscode.l10n.t('Reviews added to the log: {0}', preview.logEntriesAdded),
  ].join('\n');
}

/**
 * Forgets the progress of one question or of all (`'all'`, a question id or tree node; else a quick pick), after a
 * modal confirmation that offers an export first. Resolves to whether anything was reset.
 */
export const resetProgress = (deps: CommandDeps) => async (scope?: unknown) => {
  const chosen = await resetScope(deps, scope);
  if (chosen === undefined) return false;
  const { ids, title } = chosen;
  const message =
    ids === undefined ? vscode.l10n.t('Reset the progress of every question?') : vscode.l10n.t('Reset the progress of “{0}”?', title);
  const detail = vscode.l10n.t('Review schedules, attempts and notes are forgotten. This cannot be undone, except by importing an export.');
  const resetAction = vscode.l10n.t('Reset');
  const exportFirst = vscode.l10n.t('Export First…');
  let choice = await ask(deps, message, detail, [resetAction, exportFirst]);
  if (choice === exportFirst) {
    if (!(await exportProgress(deps)())) return false;
    choice = await ask(deps, message, detail, [resetAction]);
  }
  if (choice !== resetAction) return false;
  await deps.ctx.review.reset(ids);
  inform(deps, ids === undefined ? vscode.l10n.t('All progress was reset.') : vscode.l10n.t('The progress of “{0}” was reset.', title));
  return true;
};

/** One question (its id and title) or, with `ids` undefined, every question. */
type ResetScope = { ids: string[]; title: string } | { ids?: undefined; title?: undefined };

async function resetScope(deps: CommandDeps, scope: unknown): Promise<ResetScope | undefined> {
  if (scope === 'all') return {};
  if (typeof scope === 'string' || scope instanceof QuestionNode) {
    const question = requireQuestion(deps, scope);
    return question && { ids: [question.id], title: question.title };
  }
  const current = deps.ctx.practice.currentQuestionId;
  const question = current === undefined ? undefined : deps.ctx.library.get(current);
  const items: (vscode.QuickPickItem & { scope: ResetScope })[] = [
    ...(question ? [{ label: vscode.l10n.t('This Question'), description: question.title, scope: { ids: [question.id], title: question.title } }] : []),
    { label: vscode.l10n.t('All Questions'), description: vscode.l10n.t('every schedule, attempt and note'), scope: {} },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Reset Progress'),
    placeHolder: vscode.l10n.t('Whose progress should be reset?'),
  });
  return picked?.scope;
}

/** `interview-dojo-progress-2026-11-30.json` in the first workspace folder, if any. */
function defaultExportUri(now: number): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const day = new Date(now);
  const stamp = [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return folder && vscode.Uri.joinPath(folder, `interview-dojo-progress-${stamp}.json`);
}

/** An error the user must see: a modal error with the details, or `deps.inform` in tests. */
function report(deps: CommandDeps, message: string, detail: string): void {
  if (deps.inform) deps.inform(`${message}\n${detail}`);
  else void vscode.window.showErrorMessage(message, { modal: true, detail });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
