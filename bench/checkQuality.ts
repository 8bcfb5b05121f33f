// Scores the key-point self-check on its evaluation set (test/fixtures/check/cases.json) against the bundled banks,
// for the bench rows (bench/checkRows.ts) and test/unit/checkQuality.test.ts. Deterministic: no timing here.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkAttempt, type CheckContext } from '../src/core/check/checkAttempt';
import { TermStats } from '../src/core/check/termStats';
import { buildIndex, practiceItems } from '../src/core/indexer';
import type { Question } from '../src/core/model';
import { bundledBanks } from './banks';
import { loadTaxonomy, loadTerms } from './corpus';

export interface CheckCase {
  /** A bundled question's id, or `english/…` for a case with its own `reference`. */
  id: string;
  reference?: string;
  /** The id of a bundled question of another domain whose answer is the attempt. */
  unrelated: string;
  half: string;
  /** The key terms in the reference's language, and the same in the other language. */
  original: string;
  paraphrase: string;
}

export interface CaseScore {
  id: string;
  reference: number;
  unrelated: number;
  half: number;
  original: number;
  paraphrase: number;
}

export interface CheckSetup {
  context: CheckContext;
  items: Question[];
  cases: CheckCase[];
  /** The reference answer of each case. */
  references: Map<string, string>;
}

/** The bundled banks' practice items, the term table, and the evaluation set; rarity from every reference. */
export function loadCheckSetup(root: string): CheckSetup {
  const items = practiceItems(buildIndex(bundledBanks(path.join(root, 'content')), loadTaxonomy(root)));
  const table = loadTerms(root);
  const { cases } = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'check', 'cases.json'), 'utf8')) as { cases: CheckCase[] };
  const answerOf = (id: string) => {
    const question = items.find((item) => item.id === id);
    if (!question) throw new Error(`test/fixtures/check/cases.json: no bundled question "${id}"`);
    return question.answer;
  };
  const references = new Map(cases.map((entry) => [entry.id, entry.reference ?? answerOf(entry.id)]));
  for (const entry of cases) answerOf(entry.unrelated);
  const stats = TermStats.build([...items.map((item) => item.answer), ...cases.flatMap((entry) => entry.reference ?? [])]);
  return { context: { stats, table }, items, cases, references };
}

export function scoreCases(setup: CheckSetup): CaseScore[] {
  const { context, items, cases, references } = setup;
  return cases.map((entry) => {
    const reference = references.get(entry.id)!;
    const score = (attempt: string) => checkAttempt(reference, attempt, context).coverage;
    return {
      id: entry.id,
      reference: score(reference),
      unrelated: score(items.find((item) => item.id === entry.unrelated)!.answer),
      half: score(entry.half),
      original: score(entry.original),
      paraphrase: score(entry.paraphrase),
    };
  });
}

/** The bars: reference ≥ 0.9, unrelated ≤ 0.25, half in [0.3, 0.75], paraphrase within 0.2 of the original. */
export const BARS = { reference: 0.9, unrelated: 0.25, halfLow: 0.3, halfHigh: 0.75, paraphraseGap: 0.2 } as const;

export function describeScore(score: CaseScore): string {
  const f = (value: number) => value.toFixed(2);
  return `${score.id}: reference ${f(score.reference)}, unrelated ${f(score.unrelated)}, half ${f(score.half)}, original ${f(score.original)}, paraphrase ${f(score.paraphrase)}`;
}
