// `dojo check <id> [paths…] --attempt <file|-> [--json]`: the offline self-check of an attempt against a question's
// reference answer (src/core/check), for bank authors and tests: which key points the attempt covers.
import { readFileSync } from 'node:fs';
import { checkAttempt, type CheckedPoint, type CheckResult } from '../core/check/checkAttempt';
import { TermStats } from '../core/check/termStats';
import { practiceItems } from '../core/indexer';
import type { Question } from '../core/model';
import type { Grade } from '../core/review/grades';
import { loadIndex, readTaxonomy } from './bankFiles';
import { CliError } from './errors';
import type { Output } from './output';

/** The summary names the missing terms at least this rare (generic words would only add noise). */
const NOTABLE_WEIGHT = 0.2;
const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** `readStdin` reads the attempt for `--attempt -` (the tests pass their own). */
export function checkCommand(id: string, paths: readonly string[], attemptFrom: string, json: boolean, output: Output, readStdin: () => string): number {
  const taxonomy = readTaxonomy(output.err);
  const index = loadIndex(paths, taxonomy);
  const question = index.questions.find((candidate) => candidate.id === id);
  if (!question) throw new CliError(`dojo: no question with id "${id}" (dojo index --json lists the ids)`);
  const attempt = readAttempt(attemptFrom, readStdin);
  const stats = TermStats.build(practiceItems(index).map((item) => item.answer));
  const result = checkAttempt(question.hasReference ? question.answer : '', attempt, { stats, table: taxonomy.terms });
  output.out(json ? JSON.stringify(checkJson(question, result), null, 2) : summary(question, result));
  return 0;
}

function readAttempt(from: string, readStdin: () => string): string {
  try {
    return from === '-' ? readStdin() : readFileSync(from, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message ?? error).split('\n')[0];
    throw new CliError(`dojo check: cannot read the attempt ${from === '-' ? 'from stdin' : from}: ${reason}`);
  }
}

function checkJson(question: Question, result: CheckResult) {
  return {
    id: question.id,
    hasReference: result.hasReference,
    coverage: round(result.coverage),
    suggestedGrade: result.suggestedGrade ?? null,
    points: result.points.map((point) => ({
      text: point.text,
      lead: point.lead ?? null,
      coverage: point.coverage,
      status: point.status,
      terms: point.terms.map(({ term, found, weight }) => ({ term, found, weight })),
    })),
    spans: result.spans,
  };
}

/** Points the attempt may have missed first, then those partly covered, then the covered ones. */
function summary(question: Question, result: CheckResult): string {
  const lines = [`${question.title}  (${question.id})`];
  if (!result.hasReference) {
    lines.push('This question has no reference answer: there is nothing to check the attempt against.');
    return lines.join('\n');
  }
  lines.push(`Coverage ${percent(result.coverage)} of ${result.points.length} key point(s); suggested grade: ${GRADE_NAMES[result.suggestedGrade!]}`);
  const section = (title: string, mark: string, points: CheckedPoint[]) => {
    if (points.length === 0) return;
    lines.push('', title);
    for (const point of points) {
      lines.push(`  ${mark} ${percent(point.coverage).padStart(4)}  ${point.text}`);
      const missing = point.terms
        .filter((term) => !term.found && term.weight >= NOTABLE_WEIGHT)
        .sort((a, b) => b.weight - a.weight)
        .map((term) => term.term);
      if (missing.length > 0 && point.status !== 'covered') lines.push(`          not found: ${missing.join(', ')}`);
    }
  };
  section('Points you may have missed:', '✗', result.points.filter((point) => point.status === 'missed'));
  section('Partly covered:', '~', result.points.filter((point) => point.status === 'partly'));
  section('Covered:', '✓', result.points.filter((point) => point.status === 'covered'));
  return lines.join('\n');
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
