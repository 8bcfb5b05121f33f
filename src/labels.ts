// Display names in the UI language: domains from the taxonomy, banks from their documents.
import * as vscode from 'vscode';
import type { QuestionLibrary } from './context';
import { domainLabel } from './core/domains';
import { GENERAL_DOMAIN } from './core/model';

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

export function bankName(library: QuestionLibrary, file: string): string {
  return library.index.documents.find((d) => d.file === file)?.title ?? file;
}
