// Display names in the UI language, shared by every surface: domains from the taxonomy, banks from their documents,
// and the state of a question (its name and its icon).
import * as vscode from 'vscode';
import type { QuestionLibrary, QuestionProgress } from './context';
import { domainLabel } from './core/domains';
import { CARD_STATE, type ReviewCard } from './core/review/card';
import { GENERAL_DOMAIN } from './core/model';
import { shortLabel } from './core/shortLabel';
import { daysFrom } from './review/localDay';
import { localMidnight } from './state/reviewStore';

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

export type QuestionState = 'new' | 'attempted' | 'revealed' | 'learning' | 'scheduled' | 'due' | 'starred';

/** The question's card and the time to judge it at (the review store's clock). */
export interface Schedule {
  card: ReviewCard | undefined;
  now: number;
}

/**
 * The one state a question shows: due for review first (it asks for action), then starred, then the card's state
 * (learning or scheduled) once graded, else answer revealed over attempted over new.
 */
export function questionState(progress: QuestionProgress, schedule?: Schedule): QuestionState {
  const card = schedule?.card;
  const graded = card !== undefined && card.state !== CARD_STATE.new;
  if (graded && card.due <= schedule!.now) return 'due';
  if (progress.starred) return 'starred';
  if (graded) return card.state === CARD_STATE.review ? 'scheduled' : 'learning';
  if (progress.revealedAt !== undefined) return 'revealed';
  if (progress.attemptedAt !== undefined) return 'attempted';
  return 'new';
}

const STATE_ICON: Record<QuestionState, string> = {
  new: 'circle-large-outline',
  attempted: 'edit',
  revealed: 'pass',
  learning: 'sync',
  scheduled: 'calendar',
  due: 'bell-dot',
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
    case 'learning':
      return vscode.l10n.t('learning');
    case 'scheduled':
      return vscode.l10n.t('scheduled for review');
    case 'due':
      return vscode.l10n.t('due for review');
    case 'starred':
      return vscode.l10n.t('starred');
  }
}

/** A time to come in words: "today 14:30", "tomorrow 09:00", else the date and time, in the UI language. */
export function dueTimeLabel(time: number, now: number): string {
  const at = new Date(time);
  const clock = at.toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit' });
  const days = daysFrom(now, time, localMidnight);
  if (days <= 0) return vscode.l10n.t('today {0}', clock);
  if (days === 1) return vscode.l10n.t('tomorrow {0}', clock);
  const date = at.toLocaleDateString(uiLocale(), { month: 'short', day: 'numeric', year: days > 300 ? 'numeric' : undefined });
  return `${date} ${clock}`;
}
