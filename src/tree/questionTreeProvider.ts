// The question tree: groups (domains or banks) → questions, filtered by the view's filter. Built lazily into a
// snapshot of nodes; the library, the filter, the grouping or a new day build it again, while a progress change (a
// star, an attempt, a grade) updates only the nodes it concerns, so its cost does not grow with the library. The
// snapshot starts with the group rows and their counts; a group makes its question nodes when the view expands it
// or something looks for one of its questions (findQuestion, reveal), so the first paint costs what it shows.
import * as vscode from 'vscode';
import * as config from '../config';
import type { DojoContext } from '../context';
import { GroupListing, practiceGroups, type GroupBy, type Marks, type QuestionGroup } from '../core/grouping';
import type { ListedQuestion } from '../core/model';
import { plainPreview } from '../core/plainPreview';
import { CARD_STATE } from '../core/review/card';
import { marksOf } from '../state/progressStore';
import { localMidnight } from '../state/reviewStore';
import type { ViewState } from '../state/viewState';
import type { DueTracker } from '../review/dueTracker';
import { bankName, domainName, dueTimeLabel, questionState, shortBankName } from '../labels';
import { GroupNode, QuestionNode, questionTooltip, type GroupName, type QuestionLook } from './treeNodes';

export type TreeNode = GroupNode | QuestionNode;

const PREVIEW_CHARS = 280;

interface Snapshot {
  /** Every group of the grouping, listing something or not: a group the filter empties comes back as the same node. */
  groups: GroupNode[];
  /** The groups that list something: the tree's roots. */
  shown: GroupNode[];
  /** The group of every practice item. */
  groupOf: Map<string, GroupNode>;
  /** Local midnight of the day it was built: tooltips say "today" and "tomorrow". */
  day: number;
}

export class QuestionTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode[] | undefined>();
  /** Fires with the nodes that changed, or undefined when the roots did (or everything). */
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
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return [...this.current().shown];
    return node instanceof GroupNode ? [...node.children] : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node instanceof QuestionNode ? node.parent : undefined;
  }

  /** A question's tooltip is built when it is first hovered (and again after its progress changed). */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    if (!(node instanceof QuestionNode) || item.tooltip !== undefined) return item;
    const { library } = this.ctx;
    const resolve = () => {
      item.tooltip = this.tooltipOf(node, library.get(node.question.id)?.prompt ?? '');
      return item;
    };
    // A row listed from the warm-start outline: its prompt comes with the index.
    return library.get(node.question.id) ? resolve() : library.loaded.then(resolve);
  }

  /** How many questions the tree lists under the current filter. */
  listedCount(): number {
    return this.current().groups.reduce((sum, group) => sum + group.listing.listedCount, 0);
  }

  /** The node showing this question, if the current grouping and filter show it (its group makes its nodes now). */
  findQuestion(questionId: string): QuestionNode | undefined {
    return this.current().groupOf.get(questionId)?.listing.itemOf(questionId);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Redraws the rows whose look changed and the counts of their groups, moves questions in or out of the filter, and
   * fires exactly those nodes; the roots only when a group starts or stops listing anything. A group that has not
   * made its question nodes yet only recounts. Attempts autosave often: a change that leaves marks and look as they
   * were redraws nothing.
   */
  private progressChanged(ids: readonly string[]): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const changed = new Set<TreeNode>();
    let rootsChanged = false;
    for (const id of ids) {
      const group = snapshot.groupOf.get(id);
      if (!group) continue;
      const { listing } = group;
      const wasShown = listing.listedCount > 0;
      const update = listing.update(id, this.marksOf(id));
      if (!update) continue;
      const node = update.added || !listing.made ? undefined : listing.itemOf(id);
      const look = node && this.lookOf(id);
      if (node && look && !node.shows(look)) {
        node.show(look);
        changed.add(node);
      }
      if (update.countsChanged) {
        group.showCounts();
        changed.add(group);
      }
      if (wasShown !== listing.listedCount > 0) rootsChanged = true;
    }
    if (rootsChanged) {
      snapshot.shown = listingGroups(snapshot.groups);
      this.changed.fire(undefined);
    } else if (changed.size > 0) {
      this.changed.fire([...changed]);
    }
  }

  /** Any question may have come due; after midnight, "tomorrow" in the tooltips has become "today". */
  private timePassed(): void {
    const snapshot = this.snapshot;
    if (snapshot && snapshot.day !== localMidnight(this.due.now())) this.refresh();
    else if (snapshot) this.progressChanged([...snapshot.groupOf.keys()]);
  }

  private marksOf(id: string): Marks {
    const marks = marksOf(this.ctx.progress.get(id));
    marks.due = this.due.isDue(id);
    return marks;
  }

  private lookOf(id: string): QuestionLook {
    const progress = this.ctx.progress.get(id);
    const card = this.due.card(id);
    const graded = card !== undefined && card.state !== CARD_STATE.new;
    return {
      state: questionState(progress, { card, now: this.due.now() }),
      starred: progress.starred,
      reviewAt: graded ? card.due : undefined,
    };
  }

  private tooltipOf(node: QuestionNode, prompt: string): vscode.MarkdownString {
    const { library } = this.ctx;
    const { question, reviewAt } = node;
    const now = this.due.now();
    return questionTooltip(node, {
      origin: `${domainName(library, question.domain)} · ${bankName(library, question.document)}`,
      preview: plainPreview(prompt, PREVIEW_CHARS),
      nextReview:
        reviewAt === undefined
          ? undefined
          : reviewAt <= now
            ? vscode.l10n.t('Due for review now')
            : vscode.l10n.t('Next review: {0}', dueTimeLabel(reviewAt, now)),
    });
  }

  private current(): Snapshot {
    this.snapshot ??= this.build();
    return this.snapshot;
  }

  private build(): Snapshot {
    const { library } = this.ctx;
    const groupBy = config.groupBy();
    const filter = this.viewState.filter();
    const marks = (id: string) => this.marksOf(id);
    const describe = rowDescriptions(library, groupBy);
    const groupOf = new Map<string, GroupNode>();
    const groups = practiceGroups({ practiceItems: library.listed, domains: library.domains, index: library.index }, groupBy).map((group) => {
      const node = new GroupNode(groupName(library, group), (parent) => {
        const show = (question: ListedQuestion) => new QuestionNode(question, parent, describe(question), this.lookOf(question.id));
        return new GroupListing(group, filter, marks, show);
      });
      for (const question of group.questions) groupOf.set(question.id, node);
      return node;
    });
    return { groups, shown: listingGroups(groups), groupOf, day: localMidnight(this.due.now()) };
  }
}

/** The groups that list something (counted, so no group makes its question nodes for this). */
function listingGroups(groups: readonly GroupNode[]): GroupNode[] {
  return groups.filter((group) => group.listing.listedCount > 0);
}

function groupName(library: DojoContext['library'], group: QuestionGroup<ListedQuestion>): GroupName {
  if (group.kind === 'domain') {
    const name = domainName(library, group.key);
    return { short: name, full: name };
  }
  return { short: shortBankName(library, group.key), full: bankName(library, group.key) };
}

/**
 * A question row's description: the bank's short name when grouped by domain, the domain's name when grouped by
 * bank. Worked out once per bank or domain, not once per question.
 */
function rowDescriptions(library: DojoContext['library'], groupBy: GroupBy): (question: ListedQuestion) => string {
  const known = new Map<string, string>();
  return (question) => {
    const key = groupBy === 'domain' ? question.document : question.domain;
    let description = known.get(key);
    if (description === undefined) {
      description = groupBy === 'domain' ? shortBankName(library, key) : domainName(library, key);
      known.set(key, description);
    }
    return description;
  };
}
