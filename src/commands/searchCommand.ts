// Search Questions: a quick pick whose items come from the core SearchIndex on every keystroke, in its ranking.
import * as vscode from 'vscode';
import type { QuestionLibrary } from '../context';
import { plainPreview } from '../core/plainPreview';
import { bankName, domainName } from '../labels';
import { showQuestion, type CommandDeps } from './commandDeps';

const RESULT_LIMIT = 50;
const DETAIL_CHARS = 80;

export interface QuestionPickItem extends vscode.QuickPickItem {
  id: string;
}

/** The quick pick items for a query: label = title, description = domain · bank, detail = where it matched. */
export function searchItems(library: QuestionLibrary, query: string): QuestionPickItem[] {
  if (query.trim() === '') return [];
  return library.search.search(query, RESULT_LIMIT).flatMap((hit) => {
    const question = library.get(hit.id);
    if (!question) return [];
    // A title hit's snippet would repeat the label: show the start of the prompt instead.
    const preview = plainPreview(question.prompt, DETAIL_CHARS);
    const detail = hit.field !== 'title' ? hit.snippet : preview !== question.title ? preview : undefined;
    return [
      {
        id: hit.id,
        label: question.title,
        description: `${domainName(library, question.domain)} · ${bankName(library, question.document)}`,
        detail,
        // VS Code must neither hide nor re-filter our matches (typos, text outside the label).
        alwaysShow: true,
      },
    ];
  });
}

/**
 * Shows the search quick pick (pre-filled with `initialQuery` when given) and opens the accepted question.
 * Resolves to the id opened, or undefined when the pick is dismissed.
 */
export const searchQuestions = (deps: CommandDeps) => (initialQuery?: unknown) =>
  new Promise<string | undefined>((resolve) => {
    const { library } = deps.ctx;
    const pick = vscode.window.createQuickPick<QuestionPickItem>();
    pick.title = vscode.l10n.t('Search Questions');
    pick.placeholder = vscode.l10n.t('Words from a question, answer or code: 风险控制, RandomForest, finance…');
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    const update = () => {
      pick.items = searchItems(library, pick.value);
    };
    let accepted: string | undefined;
    const subscriptions = [
      pick.onDidChangeValue(update),
      library.onDidChange(update),
      pick.onDidAccept(() => {
        accepted = pick.selectedItems[0]?.id;
        pick.hide();
      }),
      pick.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        pick.dispose();
        resolve(accepted === undefined ? undefined : showQuestion(deps, accepted));
      }),
    ];
    if (typeof initialQuery === 'string') pick.value = initialQuery;
    update();
    pick.show();
  });
