// The offline self-check of an attempt against a reference answer: which key points the attempt covers, by the
// rarity-weighted share of each point's key terms it contains (the term table lets English count for Chinese and
// the reverse), and a suggested grade. Deterministic, no network.
//
// API: `checkAttempt(reference, attempt, { stats, table })` → CheckResult. `reference` is the answer's markdown
// ('' when the question has none: `hasReference` false, no points). `stats` is built once per index
// (`TermStats.build(practiceItems.map(q => q.answer))`), `table` from `loadTermTable(json)`.
// It is two steps, which the practice panel runs apart: `planCheck(reference, context)` → CheckPlan (the key points and
// their weighted terms: needs the stats and the table, done once by the extension) and `scoreAttempt(plan, attempt)`
// (plain matching: the webview runs it as the user types).
import { GRADE, type Grade } from '../review/grades';
import { keyPoints, type KeyPoint } from './keyPoints';
import { termKey } from './latinKey';
import { MatchText, type Span } from './matchText';
import type { TermStats } from './termStats';
import type { TermTable } from './termTable';

export type PointStatus = 'covered' | 'partly' | 'missed';

export interface CheckedTerm {
  /** As the reference writes it. */
  term: string;
  found: boolean;
  /** Rarity across the loaded banks, (0, 1]. */
  weight: number;
}

export interface CheckedPoint {
  text: string;
  lead?: string;
  /** The weighted share of its terms found, 0..1. */
  coverage: number;
  status: PointStatus;
  terms: CheckedTerm[];
}

export interface CheckResult {
  hasReference: boolean;
  /** The mean of the points' coverage, 0..1 (0 without a reference). */
  coverage: number;
  points: CheckedPoint[];
  /** Where the attempt matched, sorted and merged (for highlighting). */
  spans: Span[];
  /** On the practice loop's scale; undefined without a reference. The learner decides. */
  suggestedGrade: Grade | undefined;
}

export interface CheckContext {
  stats: TermStats;
  table: TermTable;
}

/** A point with at least this coverage is covered; with at least PARTLY, partly. */
const COVERED = 0.7;
const PARTLY = 0.35;
/** A Chinese term found only by bigrams counts when at least this share of them is there. */
const MIN_BIGRAM_CREDIT = 0.6;

export interface PlannedTerm {
  /** As the reference writes it. */
  term: string;
  /** Every name that counts for it: itself and, for a term-table term, the pair's other names. */
  names: string[];
  weight: number;
}

export interface PlannedPoint extends KeyPoint {
  terms: PlannedTerm[];
}

/** What an attempt is checked against: the reference answer's key points and their key terms (none: no reference). */
export interface CheckPlan {
  points: PlannedPoint[];
}

export function checkAttempt(reference: string, attempt: string, context: CheckContext): CheckResult {
  return scoreAttempt(planCheck(reference, context), attempt);
}

/** The key points of `reference` and their terms, weighted by rarity. */
export function planCheck(reference: string, context: CheckContext): CheckPlan {
  const points = reference.trim() === '' ? [] : keyPoints(reference);
  return { points: points.map((point) => ({ ...point, terms: keyTerms(point.text, context) })) };
}

/** How much of the plan's points `attempt` covers. Plain matching, no segmenter: cheap enough to run per keystroke. */
export function scoreAttempt(plan: CheckPlan, attempt: string): CheckResult {
  if (plan.points.length === 0) return { hasReference: false, coverage: 0, points: [], spans: [], suggestedGrade: undefined };
  const text = new MatchText(attempt);
  const spans: Span[] = [];
  const checked = plan.points.map((point) => checkPoint(point, text, spans));
  const coverage = checked.reduce((sum, point) => sum + point.coverage, 0) / checked.length;
  return { hasReference: true, coverage, points: checked, spans: mergeSpans(spans), suggestedGrade: suggestGrade(coverage) };
}

/**
 * Again below 0.3, Hard below 0.6, else Good. Never Easy: how fluently the learner answered is not in the text.
 */
export function suggestGrade(coverage: number): Grade {
  if (coverage < 0.3) return GRADE.again;
  if (coverage < 0.6) return GRADE.hard;
  return GRADE.good;
}

function checkPoint(point: PlannedPoint, attempt: MatchText, spans: Span[]): CheckedPoint {
  let found = 0;
  let total = 0;
  const checkedTerms = point.terms.map(({ term, names, weight }) => {
    let credit = 0;
    for (const name of names) {
      const match = attempt.find(name);
      if (match && match.credit >= MIN_BIGRAM_CREDIT && match.credit > credit) {
        credit = match.credit;
        spans.push(...match.spans);
        if (credit === 1) break;
      }
    }
    found += credit * weight;
    total += weight;
    return { term, found: credit > 0, weight: round(weight) };
  });
  const coverage = total === 0 ? 0 : found / total;
  const status: PointStatus = coverage >= COVERED ? 'covered' : coverage >= PARTLY ? 'partly' : 'missed';
  return { text: point.text, ...(point.lead ? { lead: point.lead } : {}), coverage: round(coverage), status, terms: checkedTerms };
}

/** The term table's names the point contains (longest first, not overlapping), then its other words. */
function keyTerms(point: string, { stats, table }: CheckContext): PlannedTerm[] {
  const text = new MatchText(point);
  const claimed: Span[] = [];
  const terms: PlannedTerm[] = [];
  const seen = new Set<string>();
  for (const { name, key, words } of table.candidatesIn(point)) {
    if (seen.has(key)) continue;
    let first: Span | undefined;
    for (let span = text.findExact(name, words); span; span = text.findExact(name, words, span.end)) {
      if (claimed.some((other) => span!.start < other.end && other.start < span!.end)) continue;
      first ??= span;
      claimed.push(span);
    }
    if (!first) continue;
    const span = first;
    const names = table.namesOf(name);
    for (const other of names) seen.add(termKey(other));
    const weight = Math.max(...stats.splitter.words(name).map((word) => stats.weight(word.key)), 0);
    terms.push({ term: point.slice(span.start, span.end), names, weight: weight || stats.weight(key) });
  }
  for (const word of stats.splitter.words(point)) {
    if (seen.has(word.key) || claimed.some((span) => word.start < span.end && span.start < word.end)) continue;
    seen.add(word.key);
    const names = table.namesOf(word.key);
    terms.push({ term: point.slice(word.start, word.end), names: names.length > 0 ? names : [word.key], weight: stats.weight(word.key) });
  }
  return terms;
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
