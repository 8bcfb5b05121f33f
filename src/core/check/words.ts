// The candidate key terms of a text: Chinese words from `Intl.Segmenter` (two characters or more) and Latin words
// (normalised by latinKey.ts), without function words. One WordSplitter per TermStats: a segmenter is costly to make.
import { stem } from './latinKey';

export interface Word {
  /** What TermStats counts and the checker looks for: the Chinese word, or the normalised Latin word. */
  key: string;
  start: number;
  end: number;
}

/** Chinese function words and fillers the segmenter keeps as words; rarity weights take care of the rest. */
const HAN_STOPWORDS = new Set(
  '可以 进行 通过 以及 使用 一个 我们 这个 这些 如何 哪些 包括 以下 例如 然后 首先 从而 同时 对于 具有 能够 需要 并且 或者 以便 其中 什么 一些 可能 中的 用于 等等 如下 所示 此外 以上 比如 因此 所以 如果 由于 最后 其次 确保 有助 有利 不同 特殊 大量 相应 作出 使得 各种 一种 主要 重要 常用 方面 方法 技术 相关 实现 应用 进一步 过程'.split(' '),
);
const LATIN_STOPWORDS = new Set(
  'the and of to in for is with on by as an or be are can that this it from use using its into such at which we you your our their was were has have how what'.split(' '),
);
const HAN_RUN = /\p{Script=Han}/u;

export class WordSplitter {
  private readonly segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

  words(text: string): Word[] {
    const words: Word[] = [];
    for (const latin of text.matchAll(/[A-Za-z0-9]+/g)) {
      const key = stem(latin[0].toLowerCase());
      if (key.length < 2 || /^[0-9]+$/.test(key) || LATIN_STOPWORDS.has(key)) continue;
      words.push({ key, start: latin.index, end: latin.index + latin[0].length });
    }
    for (const run of text.matchAll(/[\p{Script=Han}]+/gu)) {
      if (run[0].length < 2) continue;
      for (const segment of this.segmenter.segment(run[0])) {
        const key = segment.segment;
        if (key.length < 2 || !HAN_RUN.test(key) || HAN_STOPWORDS.has(key)) continue;
        const start = run.index + segment.index;
        words.push({ key, start, end: start + key.length });
      }
    }
    return words.sort((a, b) => a.start - b.start);
  }
}
