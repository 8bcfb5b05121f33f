// The best match per question for one query (or one word of it), in flat typed arrays: a query over
// a large bank can touch every question, and one object per question would cost more than the search.

export class MatchSet {
  readonly score: Float64Array;
  /** Index of the field (text fields, then the domain pseudo-field). */
  readonly field: Uint8Array;
  readonly start: Int32Array;
  readonly length: Int32Array;
  /** For domain matches: index of the domain named. */
  readonly domain: Int16Array;
  /** Documents with a match, in the order first matched. */
  readonly docs: number[] = [];

  constructor(documentCount: number) {
    this.score = new Float64Array(documentCount);
    this.field = new Uint8Array(documentCount);
    this.start = new Int32Array(documentCount);
    this.length = new Int32Array(documentCount);
    this.domain = new Int16Array(documentCount);
  }

  get size(): number {
    return this.docs.length;
  }

  has(doc: number): boolean {
    return this.score[doc] > 0;
  }

  /** Keeps the better of the current match and this one (scores are positive). */
  record(doc: number, score: number, field: number, start: number, length: number, domain = -1): void {
    const current = this.score[doc];
    if (current === 0) this.docs.push(doc);
    else if (score <= current) return;
    this.score[doc] = score;
    this.field[doc] = field;
    this.start[doc] = start;
    this.length[doc] = length;
    this.domain[doc] = domain;
  }

  /** Copies `doc`'s match from another set, with a new score. */
  recordFrom(other: MatchSet, doc: number, score: number): void {
    this.record(doc, score, other.field[doc], other.start[doc], other.length[doc], other.domain[doc]);
  }

  /** The `count` best documents, best first; equal scores in document order. */
  top(count: number): number[] {
    const score = this.score;
    const better = (a: number, b: number) => score[a] > score[b] || (score[a] === score[b] && a < b);
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
}
