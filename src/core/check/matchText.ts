// Where a term occurs in a text (an attempt, or a key point when looking for the term table's names): Chinese by
// substring, else by the share of its character bigrams the text has (segmentation and small rewordings do not
// matter); Latin by normalised word sequence, also written as one word ("fine tuning" = "finetuning").
import { hasHan, latinWords, stem } from './latinKey';

export interface Span {
  start: number;
  end: number;
}

export interface TermMatch {
  /** 1 for an exact occurrence, else the share of bigrams found. */
  credit: number;
  spans: Span[];
}

interface Token {
  key: string;
  start: number;
  end: number;
}

export class MatchText {
  private readonly lower: string;
  private readonly tokens: Token[];
  private bigrams: Map<string, number> | undefined;

  constructor(readonly text: string) {
    this.lower = text.toLowerCase();
    this.tokens = [...this.lower.matchAll(/[a-z0-9]+/g)].map((match) => ({
      key: stem(match[0]),
      start: match.index,
      end: match.index + match[0].length,
    }));
  }

  /**
   * The first exact occurrence of `name` that starts at `from` or later, or undefined. `words`: the name's Latin
   * words when already known.
   */
  findExact(name: string, words?: string[], from = 0): Span | undefined {
    if (words) return this.findWords(words, from);
    if (hasHan(name)) {
      const needle = name.toLowerCase();
      const start = this.lower.indexOf(needle, from);
      return start === -1 ? undefined : { start, end: start + needle.length };
    }
    return this.findWords(latinWords(name), from);
  }

  /** An exact occurrence (credit 1), or for a Chinese name of three characters or more its bigrams' share. */
  find(name: string): TermMatch | undefined {
    const exact = this.findExact(name);
    if (exact) return { credit: 1, spans: [exact] };
    if (!hasHan(name) || name.length < 3) return undefined;
    const bigrams = this.bigramPositions();
    const spans: Span[] = [];
    let total = 0;
    for (let at = 0; at + 1 < name.length; at++) {
      total++;
      const start = bigrams.get(name.slice(at, at + 2).toLowerCase());
      if (start !== undefined) spans.push({ start, end: start + 2 });
    }
    return spans.length > 0 ? { credit: spans.length / total, spans } : undefined;
  }

  private findWords(words: string[], from: number): Span | undefined {
    if (words.length === 0) return undefined;
    const tokens = this.tokens;
    const joined = words.join('');
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].start < from) continue;
      if (tokens[i].key === words[0] && words.every((word, k) => tokens[i + k]?.key === word)) {
        return { start: tokens[i].start, end: tokens[i + words.length - 1].end };
      }
      if (words.length > 1 && tokens[i].key === joined) return { start: tokens[i].start, end: tokens[i].end };
      if (words.length === 1 && i + 1 < tokens.length && tokens[i].key + tokens[i + 1].key === joined) {
        return { start: tokens[i].start, end: tokens[i + 1].end };
      }
    }
    return undefined;
  }

  /** First position of each two-character window of Chinese text. */
  private bigramPositions(): Map<string, number> {
    if (this.bigrams) return this.bigrams;
    const bigrams = new Map<string, number>();
    const lower = this.lower;
    for (let at = 0; at + 1 < lower.length; at++) {
      const pair = lower.slice(at, at + 2);
      if (hasHan(pair) && !/\s/.test(pair) && !bigrams.has(pair)) bigrams.set(pair, at);
    }
    this.bigrams = bigrams;
    return bigrams;
  }
}
