// The question tree's nodes: groups (a domain or a bank) and questions. Ids are stable (`domain:<id>`,
// `bank:<file>`, `q:<question id>`) so expansion survives refreshes and `TreeView.reveal` finds items. Nodes are
// updated in place on a progress change: the view refreshes exactly the objects it already holds.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { GroupListing, QuestionGroup } from '../core/grouping';
import type { ListedQuestion } from '../core/model';
import { stateIcon, stateName, type QuestionState } from '../labels';

/** A group's name: short for the row, in full for the tooltip (banks are often named after long article titles). */
export interface GroupName {
  short: string;
  full: string;
}

export class GroupNode extends vscode.TreeItem {
  readonly listing: GroupListing<QuestionNode, ListedQuestion>;

  /** `listing` makes the group's question nodes: given this node, their parent. */
  constructor(
    private readonly name: GroupName,
    makeListing: (parent: GroupNode) => GroupListing<QuestionNode, ListedQuestion>,
  ) {
    super(name.short, vscode.TreeItemCollapsibleState.Collapsed);
    this.listing = makeListing(this);
    this.id = `${this.group.kind}:${this.group.key}`;
    this.contextValue = 'dojo.group';
    this.showCounts();
  }

  /** Every question of the group, listed by the filter or not. */
  get group(): QuestionGroup<ListedQuestion> {
    return this.listing.group;
  }

  /** The question nodes the filter lists, in the group's order (made on first read: the view asks when expanding). */
  get children(): readonly QuestionNode[] {
    return this.listing.listed;
  }

  /** Redraws the counts from the listing (after a question was seen, or entered or left the filter). */
  showCounts(): void {
    const { name, listing } = this;
    const { seen, total } = listing;
    const practised = vscode.l10n.t('{0}: {1} of {2} questions practised', name.full, seen, total);
    if (listing.filter === 'all') {
      this.description = `${seen}/${total}`;
      this.tooltip = practised;
      this.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} practised', name.full, seen, total) };
    } else {
      // With a filter on, the row counts what it lists; the overall progress stays in the tooltip.
      const listed = listing.listedCount;
      this.description = `${listed}`;
      this.tooltip = `${practised}\n${vscode.l10n.t('{0} of {1} questions shown by the filter', listed, total)}`;
      this.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} shown', name.full, listed, total) };
    }
  }
}

/** What progress changes in a question's row and tooltip. */
export interface QuestionLook {
  state: QuestionState;
  starred: boolean;
  /** When a graded question is next due (the tooltip says it). */
  reviewAt?: number;
}

export class QuestionNode extends vscode.TreeItem {
  /** Set by `show`, which the constructor calls. */
  private look!: QuestionLook;

  /** `description` is short: the bank's short name when grouped by domain, the domain's name when grouped by bank. */
  constructor(
    readonly question: ListedQuestion,
    readonly parent: GroupNode,
    description: string,
    look: QuestionLook,
  ) {
    super(question.title, vscode.TreeItemCollapsibleState.None);
    this.id = questionNodeId(question.id);
    this.description = description;
    this.command = { command: CommandId.openQuestion, title: vscode.l10n.t('Open Question'), arguments: [question.id] };
    this.show(look);
  }

  get state(): QuestionState {
    return this.look.state;
  }

  /** When the question is next due, once graded. */
  get reviewAt(): number | undefined {
    return this.look.reviewAt;
  }

  /** Whether the row already shows `look`. */
  shows(look: QuestionLook): boolean {
    return this.look.state === look.state && this.look.starred === look.starred && this.look.reviewAt === look.reviewAt;
  }

  /** Redraws the row for new progress; the tooltip is built again when next hovered (`resolveTreeItem`). */
  show(look: QuestionLook): void {
    this.look = look;
    this.iconPath = stateIcon(look.state);
    this.tooltip = undefined;
    this.accessibilityInformation = { label: `${this.question.title}, ${stateName(look.state)}` };
    // Words, not flags, so `when` clauses can match them with `=~ /\bstarred\b/`.
    const code = this.question.code.length > 0 ? 'hasCode' : 'noCode';
    this.contextValue = ['dojo.question', look.starred ? 'starred' : 'unstarred', code].join(' ');
  }
}

export function questionNodeId(questionId: string): string {
  return `q:${questionId}`;
}

/** What a question's tooltip says besides its title and state. */
export interface TooltipParts {
  /** In full: domain and bank title. */
  origin: string;
  /** Plain-text start of the prompt. */
  preview: string;
  /** "Next review: tomorrow 09:00" once the question was graded. */
  nextReview?: string;
}

export function questionTooltip(node: QuestionNode, parts: TooltipParts): vscode.MarkdownString {
  const { title } = node.question;
  // Bank text is untrusted: appendText escapes it, and the string is neither trusted nor allowed HTML.
  const tooltip = new vscode.MarkdownString('', false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.appendMarkdown('**').appendText(title).appendMarkdown('**\n\n');
  if (parts.preview && parts.preview !== title) tooltip.appendText(parts.preview).appendMarkdown('\n\n');
  tooltip.appendMarkdown('*').appendText(`${parts.origin} · ${stateName(node.state)}`).appendMarkdown('*');
  if (parts.nextReview) tooltip.appendMarkdown('\n\n').appendText(parts.nextReview);
  return tooltip;
}
