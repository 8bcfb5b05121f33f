// Which domains a query names, through the taxonomy's labels and aliases (`finance`, `speech recognition`,
// `自动驾驶`), so English words find questions whose text is Chinese only.
import { domainAliases, type DomainAliases } from '../domainAliases';
import type { Domain } from '../model';
import { normaliseQuery } from './normalise';

/** Same word, whole phrase. */
const EXACT = 1;
/** The query is some of an alias's words, or contains a whole alias. */
const PARTIAL = 0.8;
/** The query starts an alias's word (`recommend` → `recommendation`). */
const PREFIX = 0.7;

interface DomainTerm {
  domain: string;
  /** Normalised, separators as single spaces, padded with a space each side for word-aligned tests. */
  padded: string;
  text: string;
}

export class DomainMatcher {
  private readonly terms: DomainTerm[] = [];
  private readonly aliases: DomainAliases;
  private readonly indexOf = new Map<string, number>();

  constructor(domains: readonly Domain[]) {
    domains.forEach((domain, index) => {
      const names = [domain.label.en, domain.label['zh-cn'], ...domain.aliases];
      for (const text of new Set([domain.id, ...names].map(canonical))) {
        if (text) this.terms.push({ domain: domain.id, text, padded: ` ${text} ` });
      }
      this.indexOf.set(domain.id, index);
    });
    this.aliases = domainAliases(domains);
  }

  /**
   * Whether normalised `text` names the domain (`大模型在医疗领域的应用` names healthcare), by the classifier's rules:
   * one of its aliases occurs, as a whole English word (plural included), not inside a longer alias.
   */
  mentions(domain: string, text: string): boolean {
    const index = this.indexOf.get(domain);
    return index !== undefined && this.aliases.mentions(index, text);
  }

  /** The Latin words of every alias and label (for typo correction). */
  words(): string[] {
    return this.terms.flatMap((term) => term.text.split(' ').filter((word) => /^[a-z0-9_]+$/.test(word)));
  }

  /** Domain id → strength in (0, 1] for a normalised query or query term. */
  match(needle: string): Map<string, number> {
    const query = canonical(needle);
    const matches = new Map<string, number>();
    if (!query) return matches;
    const wide = hasWide(query);
    const padded = ` ${query} `;
    for (const term of this.terms) {
      const strength = wide ? substringStrength(query, term.text) : wordStrength(query, padded, term);
      if (strength > (matches.get(term.domain) ?? 0)) matches.set(term.domain, strength);
    }
    return matches;
  }
}

function wordStrength(query: string, paddedQuery: string, term: DomainTerm): number {
  if (query === term.text) return EXACT;
  if (term.padded.includes(paddedQuery)) return PARTIAL;
  if (term.text.length >= 3 && paddedQuery.includes(term.padded)) return PARTIAL;
  if (query.length >= 4 && term.padded.includes(` ${query}`)) return PREFIX;
  return 0;
}

function substringStrength(query: string, alias: string): number {
  if (query === alias) return EXACT;
  if (query.length >= 2 && alias.includes(query)) return PARTIAL;
  if (alias.length >= 2 && query.includes(alias)) return PARTIAL;
  return 0;
}

/** Normalised, with punctuation such as `-`, `&`, `,` turned into word separators. */
function canonical(text: string): string {
  return normaliseQuery(text.replace(/[^\p{L}\p{N}_]+/gu, ' '));
}

function hasWide(text: string): boolean {
  return /[^\x00-\x7f]/.test(text);
}
