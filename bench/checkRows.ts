// The self-check's rows (bench/checkQuality.ts): its quality bars on the evaluation set (test/fixtures/check), and
// how long one check takes on the bundled banks (every question with a reference, checked against its own answer
// and against another question's).
import { performance } from 'node:perf_hooks';
import { checkAttempt } from '../src/core/check/checkAttempt';
import { BARS, loadCheckSetup, scoreCases, type CaseScore } from './checkQuality';
import type { ResultRow, Spread } from './results';
import { collectGarbage, percentile, spreadOf } from './timing';

const SPEED_TARGET_MS = 5;
const WARMUPS = 2;
const RUNS = 9;

export function checkRows(root: string): { rows: ResultRow[]; notes: string[] } {
  const setup = loadCheckSetup(root);
  const scores = scoreCases(setup);
  const lowest = (pick: (score: CaseScore) => number) => Math.min(...scores.map(pick));
  const highest = (pick: (score: CaseScore) => number) => Math.max(...scores.map(pick));
  const count = scores.length;
  const rows: ResultRow[] = [
    figure('check/reference', `Self-check: the reference as the attempt, lowest of ${count} questions`, lowest((s) => s.reference), 'minimum', BARS.reference),
    figure('check/unrelated', `Self-check: another domain's answer as the attempt, highest of ${count}`, highest((s) => s.unrelated), 'absolute', BARS.unrelated),
    figure('check/half/lowest', `Self-check: half of the points, lowest of ${count}`, lowest((s) => s.half), 'minimum', BARS.halfLow),
    figure('check/half/highest', `Self-check: half of the points, highest of ${count}`, highest((s) => s.half), 'absolute', BARS.halfHigh),
    figure('check/paraphrase-gap', `Self-check: key terms in the other language vs the original, largest gap of ${count}`, highest((s) => Math.abs(s.paraphrase - s.original)), 'absolute', BARS.paraphraseGap),
  ];

  const { items, context } = setup;
  const withReference = items.filter((item) => item.hasReference && item.answer.trim() !== '');
  const pairs = withReference.flatMap((item, i) => [
    [item.answer, item.answer],
    [item.answer, withReference[(i * 7 + 3) % withReference.length].answer],
  ]);
  const p95s: number[] = [];
  for (let run = 0; run < WARMUPS + RUNS; run++) {
    collectGarbage();
    const times = pairs.map(([reference, attempt]) => {
      const start = performance.now();
      checkAttempt(reference, attempt, context);
      return performance.now() - start;
    });
    if (run >= WARMUPS) p95s.push(percentile(times, 95));
  }
  const speed = spreadOf(p95s);
  rows.push({
    id: 'check/p95',
    what: `\`checkAttempt\` p95 over ${pairs.length} checks of the bundled banks' questions`,
    unit: 'ms',
    ours: speed,
    target: { kind: 'absolute', value: SPEED_TARGET_MS, met: speed.median <= SPEED_TARGET_MS },
  });
  return {
    rows,
    notes: [
      `Self-check: the evaluation set is test/fixtures/check/cases.json (${count} questions: ${count - scores.filter((s) => s.id.startsWith('english/')).length} of the five bundled banks and ${scores.filter((s) => s.id.startsWith('english/')).length} English ones with their own references); each question is checked with its reference, another domain's answer, an attempt with about half of its points, and its key terms in the reference's language and in the other one. Figures are the worst case over the questions, as a percentage of coverage, one deterministic run; rarity weights from every bundled practice item's answer, term table content/terms.json. Speed: every bundled question with a reference checked against its own answer and against another question's, ${WARMUPS} untimed rounds and ${RUNS} timed rounds, a full GC before each; the figure is the median of the rounds' p95 with their min–max.`,
    ],
  };
}

function figure(id: string, what: string, share: number, kind: 'minimum' | 'absolute', bar: number): ResultRow {
  const percent = Math.round(share * 1000) / 10;
  const ours: Spread = { median: percent, min: percent, max: percent, runs: 1 };
  const value = bar * 100;
  return { id, what, unit: '%', ours, target: { kind, value, met: kind === 'minimum' ? percent >= value : percent <= value } };
}
