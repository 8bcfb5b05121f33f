// Search Questions: a quick pick whose items come from the core SearchIndex on every keystroke, in its ranking.
// Before anything is typed it offers short lists (due for review, recent, not attempted yet, starred) to start from.
// The search index is built in the background after the banks load: a query typed before it is ready is answered
// once it is.
import * as vscode from 'vscode';
import * as config from '../config';
import type { ProgressStore, QuestionLibrary } from '../context';
import type { DueTracker } from '../review/dueTracker';
import { filterQuestions, practiceOrder } from '../core/grouping';
import type { Question } from '../core/model';
import type { SearchIndex } from '../core/search';
import { plainPreview } from '../core/plainPreview';
import { mostRecent } from '../core/practiceOrder';
import { bankName, domainName, questionState, stateIcon, stateName } from '../labels';
import { marksFor, showQuestion, type CommandDeps } from './commandDeps';
import { ReplacedItems } from './replacedItems';

const RESULT_LIMIT = 50;
/** Questions per short list of the empty query. */
const SHORTLIST_LIMIT = 10;
const DETAIL_CHARS = 80;

/** What a question's state is made of: the user's marks and its review schedule (`CommandDeps` has this shape). */
export interface QuestionStatus {
  readonly ctx: { readonly progress: ProgressStore };
  readonly due: DueTracker;
}

/** A question to open, or (without `id`) a separator or the "no match" message, which Enter leaves alone. */
export interface SearchPickItem extends vscode.QuickPickItem {
  id?: string;
}

/**
 * The quick pick items for a query: label = title, icon and description = its state, domain · bank, detail = where
 * it matched. An empty query lists the short lists; a query that matches nothing, one item saying so; a query while
 * the search index is still being built (`index` undefined), one item saying that.
 */
export function searchItems(library: QuestionLibrary, status: QuestionStatus, query: string, index?: SearchIndex): SearchPickItem[] {
  if (query.trim() === '') return shortlistItems(library, status);
  if (!index) return [preparingItem()];
  const items = index.search(query, RESULT_LIMIT).flatMap((hit) => {
    const question = library.get(hit.id);
    if (!question) return [];
    // A title hit's snippet would repeat the label: show the start of the prompt instead.
    const preview = plainPreview(question.prompt, DETAIL_CHARS);
    const detail = hit.field !== 'title' ? hit.snippet : preview !== question.title ? preview : undefined;
    return [{ ...questionItem(library, status, question), detail }];
  });
  return items.length > 0 ? items : [noMatchItem(query)];
}

function questionItem(library: QuestionLibrary, status: QuestionStatus, question: Question): SearchPickItem {
  const { ctx: { progress }, due } = status;
  const state = questionState(progress.get(question.id), { card: due.card(question.id), now: due.now() });
  const where = `${domainName(library, question.domain)} · ${bankName(library, question.document)}`;
  return {
    id: question.id,
    label: question.title,
    iconPath: stateIcon(state),
    // The icon alone is not read out: a question the user has touched says how.
    description: state === 'new' ? where : `${stateName(state)} · ${where}`,
    // VS Code must neither hide nor re-filter our matches (typos, text outside the label).
    alwaysShow: true,
  };
}

function preparingItem(): SearchPickItem {
  return {
    label: vscode.l10n.t('Preparing the search index…'),
    detail: vscode.l10n.t('The results appear as soon as it is ready.'),
    iconPath: new vscode.ThemeIcon('loading~spin'),
    alwaysShow: true,
  };
}

function noMatchItem(query: string): SearchPickItem {
  return {
    label: vscode.l10n.t('No questions match “{0}”', query.trim()),
    detail: vscode.l10n.t('Try fewer words, the other language (English or Chinese), or check the spelling.'),
    iconPath: new vscode.ThemeIcon('info'),
    alwaysShow: true,
  };
}

/** Due, recent, not attempted yet and starred questions, each under a separator; empty lists are left out. */
function shortlistItems(library: QuestionLibrary, status: QuestionStatus): SearchPickItem[] {
  const { progress } = status.ctx;
  const order = practiceOrder(library, config.groupBy());
  const marks = marksFor(status);
  const practisedAt = (question: Question) => {
    const { attemptedAt, revealedAt } = progress.get(question.id);
    const times = [attemptedAt, revealedAt].filter((time): time is number => time !== undefined);
    return times.length > 0 ? Math.max(...times) : undefined;
  };
  const lists: { label: string; questions: readonly Question[] }[] = [
    { label: vscode.l10n.t('Due for review'), questions: filterQuestions(order, 'due', marks).slice(0, SHORTLIST_LIMIT) },
    { label: vscode.l10n.t('Recent'), questions: mostRecent(order, practisedAt, SHORTLIST_LIMIT) },
    { label: vscode.l10n.t('Not attempted yet'), questions: filterQuestions(order, 'unattempted', marks).slice(0, SHORTLIST_LIMIT) },
    { label: vscode.l10n.t('Starred'), questions: filterQuestions(order, 'starred', marks).slice(0, SHORTLIST_LIMIT) },
  ];
  return lists
    .filter((list) => list.questions.length > 0)
    .flatMap((list) => [
      { label: list.label, kind: vscode.QuickPickItemKind.Separator },
      ...list.questions.map((question) => questionItem(library, status, question)),
    ]);
}

/**
 * Shows the search quick pick (pre-filled with `initialQuery` when given) and opens the accepted question.
 * Resolves to the id opened, or undefined when the pick is dismissed.
 */
export const searchQuestions = (deps: CommandDeps) => (initialQuery?: unknown) =>
  new Promise<string | undefined>((resolve) => {
    const { library } = deps.ctx;
    const pick = vscode.window.createQuickPick<SearchPickItem>();
    pick.title = vscode.l10n.t('Search Questions');
    pick.placeholder = vscode.l10n.t('Words from a question, answer or code: 风险控制, RandomForest, finance…');
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    let index: SearchIndex | undefined;
    let requested = 0;
    let hidden = false;
    const replacedItems = new ReplacedItems();
    // Only a list that differs replaces the one shown (see replacedItems.ts: each replacement makes Enter ambiguous).
    const update = () => {
      const items = searchItems(library, deps, pick.value, index);
      if (!replacedItems.differs(pick.items, items)) return;
      replacedItems.replaced(pick.items);
      pick.items = items;
    };
    // The index of the library as it is now; one asked for earlier (before a reload) no longer counts. The results of
    // the previous one stay meanwhile.
    const prepare = () => {
      const request = ++requested;
      pick.busy = true;
      void library.searchIndex().then((ready) => {
        if (hidden || request !== requested) return;
        index = ready;
        pick.busy = false;
        update();
      });
    };
    let accepted: string | undefined;
    const subscriptions = [
      pick.onDidChangeValue(update),
      library.onDidChange(() => {
        prepare();
        update();
      }),
      pick.onDidAccept(() => {
        const selected = pick.selectedItems[0];
        // Enter on the "no match" message keeps the pick open for another query; so does an Enter that may have been
        // meant for the row shown there before the results changed.
        if (selected?.id === undefined || replacedItems.ambiguous(pick.items, pick.items.indexOf(selected), pick.value)) return;
        accepted = selected.id;
        pick.hide();
      }),
      pick.onDidHide(() => {
        hidden = true;
        for (const s of subscriptions) s.dispose();
        pick.dispose();
        resolve(accepted === undefined ? undefined : showQuestion(deps, accepted));
      }),
    ];
    if (typeof initialQuery === 'string') pick.value = initialQuery;
    prepare();
    update();
    pick.show();
  });
