// The question tree: groups (domains or banks) → questions, filtered by the view's filter. Built lazily into a
// snapshot of nodes that is dropped on any change, so `getParent` and `findQuestion` always agree with what is shown.
import * as vscode from 'vscode';
import * as config from '../config';
import type { DojoContext } from '../context';
import { countSeen, filterQuestions, practiceGroups, type MarksOf } from '../core/grouping';
import { plainPreview } from '../core/plainPreview';
import { CARD_STATE, type ReviewCard } from '../core/review/card';
import { marksOf } from '../state/progressStore';
import { localMidnight } from '../state/reviewStore';
import type { ViewState } from '../state/viewState';
import type { DueTracker } from '../review/dueTracker';
import { bankName, domainName, dueTimeLabel, questionState, shortBankName, type QuestionState } from '../labels';
import { GroupNode, QuestionNode, type GroupName } from './treeNodes';

export type TreeNode = GroupNode | QuestionNode;

const PREVIEW_CHARS = 280;

interface Snapshot {
  groups: GroupNode[];
  nodes: Map<string, QuestionNode>;
  /** The state of every practice item (shown or filtered out), to tell which progress changes matter. */
  states: Map<string, QuestionState>;
  /** Local midnight of the day it was built: tooltips say "today" and "tomorrow". */
  day: number;
}

export class QuestionTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot: Snapshot | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly ctx: Pick<DojoContext, 'library' | 'progress'>,
    private readonly viewState: ViewState,
    private readonly due: DueTracker,
  ) {
    ctx.library.onDidChange(() => this.refresh(), null, this.disposables);
    viewState.onDidChange(() => this.refresh(), null, this.disposables);
    ctx.progress.onDidChange((ids) => this.progressChanged(ids), null, this.disposables);
    due.onDidChange((ids) => (ids ? this.progressChanged(ids) : this.timePassed()), null, this.disposables);
    vscode.workspace.onDidChangeConfiguration(
      (event) => {
        if (config.affects(event, 'groupBy')) this.refresh();
      },
      null,
      this.disposables,
    );
  }

  refresh(): void {
    this.snapshot = undefined;
    this.changed.fire();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.current().groups;
    return node instanceof GroupNode ? node.children : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node instanceof QuestionNode ? node.parent : undefined;
  }

  /** How many questions the tree lists under the current filter. */
  listedCount(): number {
    return this.current().nodes.size;
  }

  /** The node showing this question, if the current grouping and filter show it. */
  findQuestion(questionId: string): QuestionNode | undefined {
    return this.current().nodes.get(questionId);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private progressChanged(ids: readonly string[]): void {
    // Attempts autosave often; only a change of state (icon, counts, filter membership) redraws the tree.
    const states = this.snapshot?.states;
    if (states && ids.some((id) => states.has(id) && states.get(id) !== this.stateOf(id))) {
      this.refresh();
    }
  }

  /** Any question may have come due; after midnight, "tomorrow" in the tooltips has become "today". */
  private timePassed(): void {
    const snapshot = this.snapshot;
    if (snapshot && snapshot.day !== localMidnight(this.due.now())) this.refresh();
    else this.progressChanged([...(snapshot?.states.keys() ?? [])]);
  }

  private stateOf(id: string): QuestionState {
    return questionState(this.ctx.progress.get(id), { card: this.due.card(id), now: this.due.now() });
  }

  private current(): Snapshot {
    this.snapshot ??= this.build();
    return this.snapshot;
  }

  private build(): Snapshot {
    const { library, progress } = this.ctx;
    const groupBy = config.groupBy();
    const filter = this.viewState.filter();
    const marks: MarksOf = (id) => ({ ...marksOf(progress.get(id)), due: this.due.isDue(id) });
    const now = this.due.now();
    const groups: GroupNode[] = [];
    const nodes = new Map<string, QuestionNode>();
    const states = new Map<string, QuestionState>();
    for (const group of practiceGroups(library, groupBy)) {
      for (const q of group.questions) states.set(q.id, this.stateOf(q.id));
      const shown = filterQuestions(group.questions, filter, marks);
      if (shown.length === 0) continue;
      const name: GroupName =
        groupBy === 'domain'
          ? { short: domainName(library, group.key), full: domainName(library, group.key) }
          : { short: shortBankName(library, group.key), full: bankName(library, group.key) };
      const node = new GroupNode({ ...group, questions: shown }, name, {
        seen: countSeen(group.questions, marks),
        total: group.questions.length,
        listed: filter === 'all' ? undefined : shown.length,
      });
      for (const question of shown) {
        const domain = domainName(library, question.domain);
        const child = new QuestionNode(question, node, {
          description: groupBy === 'domain' ? shortBankName(library, question.document) : domain,
          origin: `${domain} · ${bankName(library, question.document)}`,
          preview: plainPreview(question.prompt, PREVIEW_CHARS),
          state: states.get(question.id) ?? 'new',
          starred: progress.get(question.id).starred,
          nextReview: nextReview(this.due.card(question.id), now),
          hasCode: question.code.length > 0,
        });
        node.children.push(child);
        nodes.set(question.id, child);
      }
      groups.push(node);
    }
    return { groups, nodes, states, day: localMidnight(now) };
  }
}

/** When a graded question is next due, for its tooltip; undefined for one never graded (or reset). */
function nextReview(card: ReviewCard | undefined, now: number): string | undefined {
  if (card === undefined || card.state === CARD_STATE.new) return undefined;
  const due = card.due;
  return due <= now ? vscode.l10n.t('Due for review now') : vscode.l10n.t('Next review: {0}', dueTimeLabel(due, now));
}
