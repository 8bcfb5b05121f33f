// The question tree's nodes: groups (a domain or a bank) and questions. Ids are stable (`domain:<id>`,
// `bank:<file>`, `q:<question id>`) so expansion survives refreshes and `TreeView.reveal` finds items.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { QuestionGroup } from '../core/grouping';
import type { Question } from '../core/model';
import { stateIcon, stateName, type QuestionState } from '../labels';

/** A group's name: short for the row, in full for the tooltip (banks are often named after long article titles). */
export interface GroupName {
  short: string;
  full: string;
}

export interface GroupCounts {
  /** Questions of the group the user has seen (attempted or revealed), filter or not. */
  seen: number;
  total: number;
  /** How many the filter lists; undefined when no filter is on. */
  listed?: number;
}

export class GroupNode extends vscode.TreeItem {
  readonly children: QuestionNode[] = [];

  constructor(
    readonly group: QuestionGroup,
    name: GroupName,
    counts: GroupCounts,
  ) {
    super(name.short, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${group.kind}:${group.key}`;
    const { seen, total, listed } = counts;
    const practised = vscode.l10n.t('{0}: {1} of {2} questions practised', name.full, seen, total);
    if (listed === undefined) {
      this.description = `${seen}/${total}`;
      this.tooltip = practised;
      this.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} practised', name.full, seen, total) };
    } else {
      // With a filter on, the row counts what it lists; the overall progress stays in the tooltip.
      this.description = `${listed}`;
      this.tooltip = `${practised}\n${vscode.l10n.t('{0} of {1} questions shown by the filter', listed, total)}`;
      this.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} shown', name.full, listed, total) };
    }
    this.contextValue = 'dojo.group';
  }
}

export interface QuestionPresentation {
  /** Short: the bank's short name when grouped by domain, the domain's name when grouped by bank. */
  description: string;
  /** In full, for the tooltip: domain and bank title. */
  origin: string;
  /** Plain-text start of the prompt. */
  preview: string;
  state: QuestionState;
  starred: boolean;
  /** "Next review: tomorrow 09:00" once the question was graded. */
  nextReview?: string;
  hasCode: boolean;
}

export class QuestionNode extends vscode.TreeItem {
  readonly state: QuestionState;

  constructor(
    readonly question: Question,
    readonly parent: GroupNode,
    view: QuestionPresentation,
  ) {
    super(question.title, vscode.TreeItemCollapsibleState.None);
    this.state = view.state;
    this.id = questionNodeId(question.id);
    this.description = view.description;
    this.iconPath = stateIcon(view.state);
    this.tooltip = questionTooltip(question.title, view);
    this.accessibilityInformation = { label: `${question.title}, ${stateName(view.state)}` };
    // Words, not flags, so `when` clauses can match them with `=~ /\bstarred\b/`.
    this.contextValue = ['dojo.question', view.starred ? 'starred' : 'unstarred', view.hasCode ? 'hasCode' : 'noCode'].join(' ');
    this.command = { command: CommandId.openQuestion, title: vscode.l10n.t('Open Question'), arguments: [question.id] };
  }
}

export function questionNodeId(questionId: string): string {
  return `q:${questionId}`;
}

function questionTooltip(title: string, view: QuestionPresentation): vscode.MarkdownString {
  // Bank text is untrusted: appendText escapes it, and the string is neither trusted nor allowed HTML.
  const tooltip = new vscode.MarkdownString('', false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.appendMarkdown('**').appendText(title).appendMarkdown('**\n\n');
  if (view.preview && view.preview !== title) tooltip.appendText(view.preview).appendMarkdown('\n\n');
  tooltip.appendMarkdown('*').appendText(`${view.origin} · ${stateName(view.state)}`).appendMarkdown('*');
  if (view.nextReview) tooltip.appendMarkdown('\n\n').appendText(view.nextReview);
  return tooltip;
}
