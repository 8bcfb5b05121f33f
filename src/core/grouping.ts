// How the question tree is arranged: grouping by domain or bank, and the filters. Pure: the progress comes in as a function.
import { GENERAL_DOMAIN, type BankDocument, type Domain, type ListedQuestion, type Question } from './model';

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

export interface QuestionGroup<Q extends ListedQuestion = Question> {
  kind: GroupBy;
  /** The domain id, or the bank's `file`. */
  key: string;
  questions: Q[];
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
export function groupQuestions<Q extends ListedQuestion>(items: readonly Q[], groupBy: GroupBy, arrangement: Arrangement): QuestionGroup<Q>[] {
  const byDomain = groupBy === 'domain';
  const known = byDomain
    ? arrangement.domains.map((d) => d.id).filter((id) => id !== GENERAL_DOMAIN)
    : arrangement.documents.map((d) => d.file);
  const buckets = new Map<string, Q[]>(known.map((key) => [key, []]));
  const general: Q[] = [];
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
  const groups: QuestionGroup<Q>[] = [];
  for (const [key, questions] of buckets) {
    if (questions.length > 0) groups.push({ kind: groupBy, key, questions });
  }
  return groups;
}

/** What the practice order needs from the question library (`QuestionLibrary` has this shape). */
export interface PracticeSource<Q extends ListedQuestion = Question> {
  readonly practiceItems: readonly Q[];
  readonly domains: readonly Domain[];
  readonly index: { readonly documents: readonly BankDocument[] };
}

/** The practice items grouped as the question tree shows them: the one place that arranges them. */
export function practiceGroups<Q extends ListedQuestion>(source: PracticeSource<Q>, groupBy: GroupBy): QuestionGroup<Q>[] {
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

export function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BYS as readonly string[]).includes(value);
}

export function isQuestionFilter(value: unknown): value is QuestionFilter {
  return typeof value === 'string' && (QUESTION_FILTERS as readonly string[]).includes(value);
}

/** What one question's new marks did to its group's listing. */
export interface ListingUpdate<T> {
  /** The item made for a question the filter lets through now and did not before (only once the items were made). */
  added?: T;
  /** The item of a question the filter hid just now (only once the items were made). */
  removed?: T;
  /** The group's seen count or the number it lists changed. */
  countsChanged: boolean;
}

/**
 * One group as a filtered view lists it, kept current one question at a time: a star or an attempt costs a lookup
 * and at most one insertion or removal, never a pass over the library. `T` is what the view shows for a listed
 * question, made by `show` only when someone reads the items (a view lists the groups long before it opens any), so
 * a listing nobody opened costs its counts alone. Listed items keep the group's order.
 */
export class GroupListing<T, Q extends ListedQuestion = Question> {
  /** Made on first read of `listed` or `itemOf` (parallel to `places` from then on). */
  private items: T[] | undefined;
  /** Each listed question's place in `group.questions`, ascending. */
  private readonly places: number[] = [];
  private readonly placeOf = new Map<string, number>();
  private readonly marks = new Map<string, Marks>();
  private seenCount = 0;

  constructor(
    readonly group: QuestionGroup<Q>,
    readonly filter: QuestionFilter,
    marksOf: MarksOf,
    private readonly show: (question: Q) => T,
  ) {
    group.questions.forEach((question, place) => {
      const marks = marksOf(question.id);
      this.placeOf.set(question.id, place);
      this.marks.set(question.id, marks);
      if (marks.seen) this.seenCount++;
      if (passesFilter(marks, filter)) this.places.push(place);
    });
  }

  /** What the filter lets through, in the group's order (made now if nobody asked before). */
  get listed(): readonly T[] {
    this.items ??= this.places.map((place) => this.show(this.group.questions[place]));
    return this.items;
  }

  /** Whether the items were made: until then, updates only keep the counts. */
  get made(): boolean {
    return this.items !== undefined;
  }

  /** How many questions the filter lets through, without making their items. */
  get listedCount(): number {
    return this.places.length;
  }

  /** Questions of the group the user has seen, listed or not. */
  get seen(): number {
    return this.seenCount;
  }

  get total(): number {
    return this.group.questions.length;
  }

  /** A listed question's item (making the items if needed); undefined when the filter hides it or it is elsewhere. */
  itemOf(id: string): T | undefined {
    const at = this.listedAt(id);
    return at === undefined ? undefined : this.listed[at];
  }

  /** Takes the question's new marks; undefined when the question is not in this group. */
  update(id: string, marks: Marks): ListingUpdate<T> | undefined {
    const place = this.placeOf.get(id);
    const before = this.marks.get(id);
    if (place === undefined || before === undefined) return undefined;
    this.marks.set(id, marks);
    const seenChanged = before.seen !== marks.seen;
    if (seenChanged) this.seenCount += marks.seen ? 1 : -1;
    const wasListed = passesFilter(before, this.filter);
    const isListed = passesFilter(marks, this.filter);
    if (wasListed === isListed) return { countsChanged: seenChanged };
    const at = firstAtOrAfter(this.places, place);
    if (isListed) {
      this.places.splice(at, 0, place);
      if (!this.items) return { countsChanged: true };
      const added = this.show(this.group.questions[place]);
      this.items.splice(at, 0, added);
      return { added, countsChanged: true };
    }
    this.places.splice(at, 1);
    if (!this.items) return { countsChanged: true };
    const [removed] = this.items.splice(at, 1);
    return { removed, countsChanged: true };
  }

  /** Where a listed question sits in `listed`. */
  private listedAt(id: string): number | undefined {
    const place = this.placeOf.get(id);
    if (place === undefined) return undefined;
    const at = firstAtOrAfter(this.places, place);
    return this.places[at] === place ? at : undefined;
  }
}

/** The index of the first value ≥ `value` in an ascending array (binary search). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
