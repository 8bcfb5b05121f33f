// How rare each term is across the loaded banks, as a weight in (0, 1]: a term few answers use (差分隐私, LoRA)
// weighs about 1, one most answers use (模型, 方法) little. Built once per index from the practice items' answers.
// Chinese is counted by character bigrams (a word's count is that of its rarest bigram, an upper bound that does not
// depend on how the segmenter split each text); Latin by normalised word.
import { hasHan, latinWords } from './latinKey';
import { WordSplitter } from './words';

/** Even the most common term counts a little: an attempt that has only generic words still covers something. */
const MIN_WEIGHT = 0.05;
/** Rarity is estimated from at most this many texts, spread over all of them (bounds the work on huge banks). */
const MAX_TEXTS = 5000;

export class TermStats {
  private constructor(
    readonly splitter: WordSplitter,
    private readonly documentCounts: Map<string, number>,
    private readonly documents: number,
  ) {}

  /** Counts, for each Latin word and Chinese bigram, in how many of `texts` it occurs. */
  static build(texts: readonly string[]): TermStats {
    const counter = new DocumentCounter(texts);
    counter.step(Infinity);
    return counter.stats();
  }

  /**
   * The same as `build`, counted in slices of about `sliceMs` milliseconds with `pause` awaited between them, so that
   * the caller's thread (the extension host) stays responsive on large banks.
   */
  static async buildInSlices(texts: readonly string[], pause: () => Promise<void>, sliceMs = 5): Promise<TermStats> {
    const counter = new DocumentCounter(texts);
    while (!counter.step(sliceMs)) await pause();
    return counter.stats();
  }

  /** @internal for DocumentCounter. */
  static counted(documentCounts: Map<string, number>, documents: number): TermStats {
    return new TermStats(new WordSplitter(), documentCounts, documents);
  }

  /** Inverse document frequency of a key (a normalised Latin word or a Chinese word), scaled so that unseen weighs 1. */
  weight(key: string): number {
    const most = Math.log(this.documents + 1);
    if (most === 0) return 1;
    return Math.max(MIN_WEIGHT, Math.log((this.documents + 1) / (this.count(key) + 1)) / most);
  }

  private count(key: string): number {
    if (!hasHan(key)) return this.documentCounts.get(key) ?? 0;
    let fewest = Infinity;
    for (let at = 0; at + 1 < key.length; at++) fewest = Math.min(fewest, this.documentCounts.get(key.slice(at, at + 2)) ?? 0);
    return fewest === Infinity ? 0 : fewest;
  }
}

/** Counts the texts' terms, a sample of at most MAX_TEXTS spread over all of them, in steps. */
class DocumentCounter {
  private readonly counts = new Map<string, number>();
  private readonly stride: number;
  private at = 0;
  private documents = 0;

  constructor(private readonly texts: readonly string[]) {
    this.stride = Math.max(1, Math.ceil(texts.length / MAX_TEXTS));
  }

  /** Counts texts until all are counted (true) or `budgetMs` has passed (false). */
  step(budgetMs: number): boolean {
    const deadline = Date.now() + budgetMs;
    const { texts, counts, stride } = this;
    while (this.at < texts.length) {
      for (const key of termsOf(texts[this.at])) counts.set(key, (counts.get(key) ?? 0) + 1);
      this.documents++;
      this.at += stride;
      if (Date.now() >= deadline) return this.at >= texts.length;
    }
    return true;
  }

  stats(): TermStats {
    return TermStats.counted(this.counts, this.documents);
  }
}

function termsOf(text: string): Set<string> {
  const keys = new Set(latinWords(text));
  const lower = text.toLowerCase();
  for (let at = 0; at + 1 < lower.length; at++) {
    const pair = lower.slice(at, at + 2);
    if (hasHan(pair[0]) && hasHan(pair[1])) keys.add(pair);
  }
  return keys;
}
