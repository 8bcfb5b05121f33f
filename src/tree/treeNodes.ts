// The question tree's nodes: groups (a domain or a bank) and questions. Ids are stable (`domain:<id>`,
// `bank:<file>`, `q:<question id>`) so expansion survives refreshes and `TreeView.reveal` finds items.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { QuestionGroup } from '../core/grouping';
import type { Question } from '../core/model';

export type QuestionState = 'new' | 'attempted' | 'revealed' | 'starred';

const STATE_ICON: Record<QuestionState, string> = {
  new: 'circle-large-outline',
  attempted: 'edit',
  revealed: 'pass',
  starred: 'star-full',
};

export class GroupNode extends vscode.TreeItem {
  readonly children: QuestionNode[] = [];

  constructor(
    readonly group: QuestionGroup,
    name: string,
    progress: { seen: number; total: number },
  ) {
    super(name, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${group.kind}:${group.key}`;
    this.description = `${progress.seen}/${progress.total}`;
    this.tooltip = vscode.l10n.t('{0}: {1} of {2} questions practised', name, progress.seen, progress.total);
    this.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} of {2} practised', name, progress.seen, progress.total) };
    this.contextValue = 'dojo.group';
  }
}

export interface QuestionPresentation {
  /** Bank title when grouped by domain, domain name when grouped by bank. */
  description: string;
  /** Plain-text start of the prompt. */
  preview: string;
  state: QuestionState;
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
    this.iconPath = new vscode.ThemeIcon(STATE_ICON[view.state]);
    this.tooltip = questionTooltip(question.title, view);
    this.accessibilityInformation = { label: `${question.title}, ${stateName(view.state)}` };
    // Words, not flags, so `when` clauses can match them with `=~ /\bstarred\b/`.
    this.contextValue = ['dojo.question', view.state === 'starred' ? 'starred' : 'unstarred', view.hasCode ? 'hasCode' : 'noCode'].join(' ');
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
  tooltip.appendMarkdown('*').appendText(`${view.description} · ${stateName(view.state)}`).appendMarkdown('*');
  return tooltip;
}

function stateName(state: QuestionState): string {
  switch (state) {
    case 'new':
      return vscode.l10n.t('not attempted');
    case 'attempted':
      return vscode.l10n.t('attempted');
    case 'revealed':
      return vscode.l10n.t('answer revealed');
    case 'starred':
      return vscode.l10n.t('starred');
  }
}
