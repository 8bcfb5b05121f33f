// How the question tree is arranged: grouping by domain or bank, and the filters. Pure: the progress comes in as a function.
import { GENERAL_DOMAIN, type BankDocument, type Domain, type Question } from './model';

export type GroupBy = 'domain' | 'bank';
export type QuestionFilter = 'all' | 'unattempted' | 'starred' | 'due';

export const GROUP_BYS: readonly GroupBy[] = ['domain', 'bank'];
export const QUESTION_FILTERS: readonly QuestionFilter[] = ['all', 'due', 'unattempted', 'starred'];

/** What grouping, filtering and ordering need to know about the user's progress on one question. */
export interface Marks {
  /** The user wrote an attempt or revealed the answer. */
  seen: boolean;
  starred: boolean;
  /** Due for review now (graded before, its next review time has come); absent means not due. */
  due?: boolean;
}

export type MarksOf = (id: string) => Marks;

export interface QuestionGroup {
  kind: GroupBy;
  /** The domain id, or the bank's `file`. */
  key: string;
  questions: Question[];
}

export interface Arrangement {
  domains: readonly Domain[];
  documents: readonly BankDocument[];
}

/**
 * Groups questions (kept in their given order inside a group). Domains follow the taxonomy with `general` last;
 * banks follow the index's document order. Keys that the taxonomy or index does not know come after, in order of
 * first appearance. Empty groups are left out.
 */
export function groupQuestions(items: readonly Question[], groupBy: GroupBy, arrangement: Arrangement): QuestionGroup[] {
  const byDomain = groupBy === 'domain';
  const known = byDomain
    ? arrangement.domains.map((d) => d.id).filter((id) => id !== GENERAL_DOMAIN)
    : arrangement.documents.map((d) => d.file);
  const buckets = new Map<string, Question[]>(known.map((key) => [key, []]));
  const general: Question[] = [];
  for (const question of items) {
    const key = byDomain ? question.domain : question.document;
    if (byDomain && key === GENERAL_DOMAIN) {
      general.push(question);
      continue;
    }
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = [];
      buckets.set(key, bucket);
    }
    bucket.push(question);
  }
  if (byDomain) buckets.set(GENERAL_DOMAIN, general);
  const groups: QuestionGroup[] = [];
  for (const [key, questions] of buckets) {
    if (questions.length > 0) groups.push({ kind: groupBy, key, questions });
  }
  return groups;
}

/** What the practice order needs from the question library (`QuestionLibrary` has this shape). */
export interface PracticeSource {
  readonly practiceItems: readonly Question[];
  readonly domains: readonly Domain[];
  readonly index: { readonly documents: readonly BankDocument[] };
}

/** The practice items grouped as the question tree shows them: the one place that arranges them. */
export function practiceGroups(source: PracticeSource, groupBy: GroupBy): QuestionGroup[] {
  return groupQuestions(source.practiceItems, groupBy, { domains: source.domains, documents: source.index.documents });
}

/** Every practice item in the tree's order (groups top to bottom, no filter): what Previous/Next walk through. */
export function practiceOrder(source: PracticeSource, groupBy: GroupBy): Question[] {
  return practiceGroups(source, groupBy).flatMap((group) => group.questions);
}

export function passesFilter(marks: Marks, filter: QuestionFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unattempted':
      return !marks.seen;
    case 'starred':
      return marks.starred;
    case 'due':
      return marks.due === true;
  }
}

export function filterQuestions(items: readonly Question[], filter: QuestionFilter, marksOf: MarksOf): Question[] {
  return items.filter((q) => passesFilter(marksOf(q.id), filter));
}

/** How many of the questions the user has seen (attempted or revealed). */
export function countSeen(items: readonly Question[], marksOf: MarksOf): number {
  let seen = 0;
  for (const q of items) if (marksOf(q.id).seen) seen++;
  return seen;
}

export function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BYS as readonly string[]).includes(value);
}

export function isQuestionFilter(value: unknown): value is QuestionFilter {
  return typeof value === 'string' && (QUESTION_FILTERS as readonly string[]).includes(value);
}
