// Builds the parts of a SearchIndex a slice at a time, so that a caller can build in the background (the extension
// host awaits a pause between slices) and the constructor can build in one go, with the same result.
import type { Domain, Question } from '../model';
import { DomainMatcher } from './domainMatcher';
import { GramIndex } from './gramIndex';
import { normaliseText } from './normalise';
import { identifierWords, Vocabulary } from './vocabulary';

export interface SearchIndexParts {
  questions: readonly Question[];
  /**
   * Original text of each question's text fields at question * 5 + field: title, prompt, answer, analysis, code
   * (blocks joined). One flat array: a query reads a candidate's field in one step, not through per-question objects.
   */
  texts: string[];
  /** Per question, the length of each text field (question * 5 + field). */
  fieldLengths: Uint32Array;
  grams: GramIndex;
  vocabulary: Vocabulary;
  domains: readonly Domain[];
  domainMatcher: DomainMatcher;
  byDomain: Map<string, number[]>;
  byTag: Map<string, number[]>;
  /** 1 where the question's title names its primary domain. */
  titleNamesDomain: Uint8Array;
}

/** Title, prompt, answer, analysis, code. */
const TEXT_FIELD_COUNT = 5;
/** How many questions are indexed between two looks at the clock. */
const CLOCK_EVERY = 16;

export class SearchIndexBuilder {
  private readonly texts: string[] = [];
  private indexed = 0;
  private readonly grams = new GramIndex();
  private readonly domainMatcher: DomainMatcher;
  private readonly byDomain = new Map<string, number[]>();
  private readonly byTag = new Map<string, number[]>();
  private readonly titleNamesDomain: Uint8Array;
  private readonly fieldLengths: Uint32Array;
  /** Hashes of the Latin runs seen (53 bits: a collision would take 10^7 distinct runs to become likely). */
  private readonly identifiers = new Set<number>();
  private readonly words = new Set<string>();

  constructor(
    private readonly questions: readonly Question[],
    private readonly domains: readonly Domain[],
  ) {
    this.domainMatcher = new DomainMatcher(domains);
    this.titleNamesDomain = new Uint8Array(questions.length);
    this.fieldLengths = new Uint32Array(questions.length * TEXT_FIELD_COUNT);
  }

  get done(): boolean {
    return this.indexed === this.questions.length;
  }

  /** Indexes questions until all are indexed or `budgetMs` milliseconds have passed; true when all are. */
  step(budgetMs = Infinity): boolean {
    const deadline = Date.now() + budgetMs;
    while (!this.done) {
      const end = Math.min(this.questions.length, this.indexed + CLOCK_EVERY);
      while (this.indexed < end) this.add(this.indexed++);
      if (Date.now() >= deadline) break;
    }
    return this.done;
  }

  /** The finished parts (call when `step` returned true). */
  parts(): SearchIndexParts {
    for (const word of this.domainMatcher.words()) this.words.add(word);
    return {
      questions: this.questions,
      texts: this.texts,
      fieldLengths: this.fieldLengths,
      grams: this.grams,
      vocabulary: new Vocabulary(this.words),
      domains: this.domains,
      domainMatcher: this.domainMatcher,
      byDomain: this.byDomain,
      byTag: this.byTag,
      titleNamesDomain: this.titleNamesDomain,
    };
  }

  private add(doc: number): void {
    const question = this.questions[doc];
    const texts = [
      question.title,
      question.prompt,
      question.answer,
      question.analysis,
      question.code.map((block) => block.source).join('\n'),
    ];
    this.grams.add(doc, texts, (field, start, end, hash) => {
      // Most runs repeat words seen before: the hash of their characters (case included) avoids slicing them.
      if (end - start < 3 || this.identifiers.has(hash)) return;
      this.identifiers.add(hash);
      for (const word of identifierWords(texts[field].slice(start, end))) this.words.add(word);
    });
    texts.forEach((text, field) => {
      this.texts.push(text);
      this.fieldLengths[doc * TEXT_FIELD_COUNT + field] = text.length;
    });
    addTo(this.byDomain, question.domain, doc);
    for (const tag of question.tags) addTo(this.byTag, tag, doc);
    if (this.domainMatcher.mentions(question.domain, normaliseText(question.title))) this.titleNamesDomain[doc] = 1;
  }
}

function addTo(map: Map<string, number[]>, key: string, doc: number): void {
  const list = map.get(key);
  if (list) list.push(doc);
  else map.set(key, [doc]);
}
