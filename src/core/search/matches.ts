// The best match per question for one query (or one word of it), sized to the questions that matched, never to the
// whole bank: a query's cost follows its candidates. With a `wanted` count, the set also knows a score that the
// `wanted`-th best match is sure to reach (`threshold`), so callers can skip candidates that cannot reach it.

export interface Match {
  score: number;
  /** Index of the field (text fields, then the domain pseudo-field). */
  field: number;
  start: number;
  length: number;
  /** For domain matches: index of the domain named. */
  domain: number;
}

export class MatchSet {
  private readonly byDoc = new Map<number, Match>();
  /** Documents with a match, in the order first matched. */
  readonly docs: number[] = [];
  /** Min-heap of the best first scores of distinct documents, at most `wanted` of them. */
  private readonly heap: number[] = [];

  constructor(private readonly wanted = 0) {}

  get size(): number {
    return this.docs.length;
  }

  has(doc: number): boolean {
    return this.byDoc.has(doc);
  }

  get(doc: number): Match | undefined {
    return this.byDoc.get(doc);
  }

  /**
   * A candidate scoring below this cannot be among the `wanted` best (0 until that many documents matched): the
   * `wanted`-th best of the documents' first scores, and scores only grow.
   */
  get threshold(): number {
    return this.wanted > 0 && this.heap.length === this.wanted ? this.heap[0] : 0;
  }

  /** Keeps the better of the current match and this one (scores are positive). */
  record(doc: number, score: number, field: number, start: number, length: number, domain = -1): void {
    const current = this.byDoc.get(doc);
    if (current === undefined) {
      this.docs.push(doc);
      this.byDoc.set(doc, { score, field, start, length, domain });
      if (this.wanted > 0) this.offer(score);
    } else if (score > current.score) {
      current.score = score;
      current.field = field;
      current.start = start;
      current.length = length;
      current.domain = domain;
    }
  }

  /** Copies a match from another set, with a new score. */
  recordFrom(match: Match, doc: number, score: number): void {
    this.record(doc, score, match.field, match.start, match.length, match.domain);
  }

  /** The `count` best documents, best first; equal scores in document order. */
  top(count: number): number[] {
    const score = (doc: number) => this.byDoc.get(doc)!.score;
    const better = (a: number, b: number) => score(a) > score(b) || (score(a) === score(b) && a < b);
    if (this.docs.length <= count) return [...this.docs].sort((a, b) => (better(a, b) ? -1 : 1));
    const top: number[] = [];
    for (const doc of this.docs) {
      if (top.length === count && !better(doc, top[count - 1])) continue;
      let low = 0;
      let high = top.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (better(top[middle], doc)) low = middle + 1;
        else high = middle;
      }
      top.splice(low, 0, doc);
      if (top.length > count) top.pop();
    }
    return top;
  }

  private offer(score: number): void {
    const heap = this.heap;
    if (heap.length < this.wanted) {
      heap.push(score);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent] <= heap[i]) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    } else if (score > heap[0]) {
      heap[0] = score;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left] < heap[smallest]) smallest = left;
        if (right < heap.length && heap[right] < heap[smallest]) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
        i = smallest;
      }
    }
  }
}
