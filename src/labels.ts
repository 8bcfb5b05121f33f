// Display names in the UI language, shared by every surface: domains from the taxonomy, banks from their documents,
// and the state of a question (its name and its icon).
import * as vscode from 'vscode';
import type { QuestionLibrary, QuestionProgress } from './context';
import { domainLabel } from './core/domains';
import { GENERAL_DOMAIN } from './core/model';
import { shortLabel } from './core/shortLabel';

/** Display columns a short bank name may take (the tree's default width shows about 40 beside a title). */
const SHORT_BANK_WIDTH = 24;

/** The UI language as the taxonomy knows it: any Chinese display language gets the zh-cn labels. */
export function uiLocale(): string {
  return vscode.env.language;
}

export function domainName(library: QuestionLibrary, domainId: string): string {
  const domain = library.domains.find((d) => d.id === domainId);
  // A domain the taxonomy does not know (only possible if the taxonomy failed to load) shows its id.
  if (!domain && domainId !== GENERAL_DOMAIN) return domainId;
  return domainLabel(domain, uiLocale());
}

/** The bank's full title (often a long article title). */
export function bankName(library: QuestionLibrary, file: string): string {
  return library.index.documents.find((d) => d.file === file)?.title ?? file;
}

/** The bank's title shortened for tree rows; the full title belongs in the tooltip. */
export function shortBankName(library: QuestionLibrary, file: string): string {
  return shortLabel(bankName(library, file), SHORT_BANK_WIDTH);
}

export type QuestionState = 'new' | 'attempted' | 'revealed' | 'starred';

/** The one state a question shows: starred over answer revealed over attempted. */
export function questionState(progress: QuestionProgress): QuestionState {
  if (progress.starred) return 'starred';
  if (progress.revealedAt !== undefined) return 'revealed';
  if (progress.attemptedAt !== undefined) return 'attempted';
  return 'new';
}

const STATE_ICON: Record<QuestionState, string> = {
  new: 'circle-large-outline',
  attempted: 'edit',
  revealed: 'pass',
  starred: 'star-full',
};

export function stateIcon(state: QuestionState): vscode.ThemeIcon {
  return new vscode.ThemeIcon(STATE_ICON[state]);
}

export function stateName(state: QuestionState): string {
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
