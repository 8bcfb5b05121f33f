// Review rows: the queue computation and one grade's storage write at 10,000 questions with 100,000 review-log
// entries, each beside a JSON round trip of the same data measured in the same run.
import { encodeCardTable, type ReviewCard } from '../src/core/review/card';
import { GRADE, type Grade } from '../src/core/review/grades';
import { buildReviewQueue } from '../src/core/review/queue';
import { emptyRecord, encodeRecord, finishAttempt, updateDraft } from '../src/core/review/records';
import { encodeLogShard, logEntry, logShardKey, type ReviewLogEntry } from '../src/core/review/reviewLog';
import { createScheduler } from '../src/core/review/scheduler';
import type { ResultRow } from './results';
import { compareSpreads } from './timing';

const CARDS = 10_000;
const LOG_ENTRIES = 100_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31, 9);
const GRADES: Grade[] = [GRADE.good, GRADE.good, GRADE.hard, GRADE.again, GRADE.easy];

export function reviewRows(): { rows: ResultRow[]; notes: string[] } {
  const scheduler = createScheduler();
  const ids = Array.from({ length: CARDS }, (_, i) => `${String(i % 300).padStart(3, '0')}-bank/${(0x10000000 + i * 7919).toString(16)}`);
  const cards = new Map<string, ReviewCard>();
  const log: ReviewLogEntry[] = [];
  // Ten grades per question over the past year, each at (or after) the time it fell due.
  for (let round = 0; round < LOG_ENTRIES / CARDS; round++) {
    ids.forEach((id, i) => {
      const card = cards.get(id);
      const at = Math.min(NOW - DAY, card ? card.due : NOW - 365 * DAY + (i % 1000) * 3_600_000);
      const outcome = scheduler.grade(card, at, GRADES[(i + round) % GRADES.length]);
      cards.set(id, outcome.card);
      log.push(logEntry(id, outcome.review));
    });
  }
  log.sort((a, b) => a.at - b.at);
  const candidates = [...ids, ...Array.from({ length: 2000 }, (_, i) => `new-bank/${i.toString(16).padStart(8, '0')}`)];
  const startOfDay = (t: number) => Math.floor(t / DAY) * DAY;
  const encodedTable = encodeCardTable(cards);
  const tableJson = JSON.stringify(encodedTable);
  const logJson = JSON.stringify(encodeLogShard(log));

  const queue = compareSpreads(
    () => buildReviewQueue({ cards, candidates, now: NOW, startOfDay, retrievability: scheduler.retrievability, log }),
    () => [JSON.parse(tableJson), JSON.parse(logJson)].map((value) => JSON.stringify(value)),
    3,
    15,
  );

  // One grade: the card table re-encoded for the synced key, the question's record file, the month's log shard.
  const id = ids[42];
  let record = emptyRecord(id);
  for (let i = 0; i < 20; i++) {
    record = finishAttempt(updateDraft(record, 'Multi-head attention splits the model dimension… '.repeat(20), NOW - i * DAY), GRADE.good, NOW - i * DAY + 60_000);
  }
  const shardKey = logShardKey(NOW);
  const shard = log.filter((entry) => logShardKey(entry.at) === shardKey);
  const write = compareSpreads(
    () => {
      const outcome = scheduler.grade(cards.get(id), NOW, GRADE.good);
      const nextCards = new Map(cards).set(id, outcome.card);
      return [
        JSON.stringify(encodeCardTable(nextCards)),
        JSON.stringify(encodeRecord(finishAttempt(record, GRADE.good, NOW))),
        JSON.stringify(encodeLogShard([...shard, logEntry(id, outcome.review)])),
      ];
    },
    () => [JSON.parse(tableJson), JSON.parse(JSON.stringify(record)), JSON.parse(JSON.stringify(shard))].map((v) => JSON.stringify(v)),
    5,
    30,
  );
  const bytes = (text: string) => `${(new TextEncoder().encode(text).length / 1024).toFixed(0)} KiB`;
  const size = `${CARDS.toLocaleString('en')} cards, ${LOG_ENTRIES.toLocaleString('en')} log entries`;
  return {
    rows: [
      {
        id: 'review/queue',
        what: `Review queue, ${size}`,
        unit: 'ms',
        ours: queue.ours,
        baseline: { what: 'JSON round trip of the card table and log', spread: queue.baseline },
        ratio: queue.ours.median / queue.baseline.median,
      },
      {
        id: 'review/grade-write',
        what: `One grade's storage write at ${size}`,
        unit: 'ms',
        ours: write.ours,
        baseline: { what: 'JSON round trip of the same files', spread: write.baseline },
        ratio: write.ours.median / write.baseline.median,
      },
    ],
    notes: [
      `Review: ${CARDS.toLocaleString('en')} questions graded ten times each over a year (fuzz on) plus 2,000 never graded; the queue is \`buildReviewQueue\` (today's counts from the whole ${LOG_ENTRIES.toLocaleString('en')}-entry log, retrievability of every due card, sort). The grade write is \`grade\` plus the encoding of the synced card table (${bytes(tableJson)}), one record with 20 attempts and the month's log shard (${shard.length.toLocaleString('en')} entries); writing the files is the adapter's and not timed.`,
    ],
  };
}
