// One bank's markdown -> its title and raw questions. Walks markdown-it's top-level blocks once, in order:
// question starts open a draft, labels switch the part the following blocks belong to, and any other heading at or
// above the question's level closes it. Question starts, in the order they are tried: the front matter's overrides,
// the bundled layouts (numbered headings, 面试题 headings, bold `问题 N:` paragraphs), then the layouts of other banks
// (dotted section numbers, question headings, `Q:`/`A:` prefixes, <details> blocks, bold questions, question lists,
// question tables, numbered paragraphs). HTML headings (`<h3>…</h3>` lines) reach it as headings (blocks.ts).
import type { Diagnostic } from '../model';
import { fileStem, normaliseTitle } from '../ids';
import { readBlocks, type Block, type ListItem } from './blocks';
import { detached, detachedQuestion } from './detach';
import { QuestionDraft, type DraftStart, type LineRange } from './draft';
import { closeRunawayFences, originalLine, type RepairedLines } from './fences';
import { matchPattern, readFrontMatter, type BankOverrides, type FrontMatter } from './frontMatter';
import {
  cleanTitle,
  headingLabel,
  isIntroOrConclusion,
  isQuestionListHeading,
  numberedHeading,
  numberedParagraph,
  paragraphLabel,
  type Label,
  type LabelKind,
} from './labels';
import { ANSWER_LINE, answerPrefix, boldOnly, endsWithQuestionMark, leadingNumber, questionPrefix, readsAsQuestion, titleText, type Prefixed } from './questionShape';
import type { RawQuestion } from './rawQuestion';
import { Trace, type TraceEntry } from './trace';

export interface ParsedBank {
  /** The front matter's title, the first heading that is not a question, or the file's base name. */
  title: string;
  /** In bank order. */
  questions: RawQuestion[];
  diagnostics: Diagnostic[];
}

/** What lint and the indexer need besides the parsed bank. */
export interface BankReading {
  bank: ParsedBank;
  overrides: BankOverrides;
  /** The first headings of the file (1-based line, cleaned text), for the "no questions found" warning. */
  headings: { line: number; text: string }[];
  /** How each part of the file was read; only when asked for. */
  trace?: TraceEntry[];
}

export function parseBank(file: string, text: string): ParsedBank {
  return readBank(file, text).bank;
}

export function readBank(file: string, text: string, options: { trace?: boolean } = {}): BankReading {
  // decodeBank already did this for files; parseBank also takes text from elsewhere (an editor buffer, tests).
  const withoutBom = text.startsWith('\ufeff') ? text.slice(1) : text;
  const normalised = withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
  const lines = normalised.split('\n');
  const frontMatter = readFrontMatter(file, lines);
  // Front matter is never content: its lines are read as blank lines, so every later line keeps its number.
  for (let i = 0; i < frontMatter.end; i++) lines[i] = '';
  const repaired = closeRunawayFences(file, lines);
  const blocks = readBlocks(repaired.inserted.length > 0 || frontMatter.end > 0 ? repaired.lines.join('\n') : normalised);
  const trace = options.trace ? new Trace() : undefined;
  if (trace && frontMatter.end > 0) {
    trace.add(1, frontMatter.end, `front matter${frontMatter.settings.length > 0 ? ': ' + frontMatter.settings.join(', ') : ''}`);
  }
  const reader = new BankReader(file, repaired, blocks, frontMatter, trace);
  const bank = reader.read();
  return { bank, overrides: frontMatter.overrides, headings: reader.headings, trace: trace?.entries() };
}

type HeadingBlock = Extract<Block, { kind: 'heading' }>;
type ParagraphBlock = Extract<Block, { kind: 'paragraph' }>;

/** A heading that holds questions rather than being one: its title is the `section` of the questions under it. */
interface Section {
  title: string;
  number?: number;
  level: number;
  /** Dotted numbers (`3.1` → [3, 1]) of a numbered section. */
  path?: number[];
}

/** An item of a question list (典型问题/面试题库, 算法编程题库, or a list whose items read as questions). */
interface ListedQuestion {
  line: number;
  number?: number;
  title: string;
  prompt?: string;
  section?: string;
}

/** A list item holding a question, and the lines of its answer: `pair` when they are the next item's. */
interface ItemBody {
  lines: [number, number];
  pair: boolean;
}

interface AnsweredItem {
  item: ListItem;
  body: ItemBody;
}

const HEADINGS_KEPT = 10;
/** A question whose answer holds this many numbered headings is likely a section of questions. */
const SWALLOWED_HEADINGS = 3;

class BankReader {
  private title: string | undefined;
  private draft: QuestionDraft | undefined;
  /** 003's layout: a numbered heading over 面试题 questions. */
  private section: Section | undefined;
  /** Numbered and plain section headings above the current block, outermost first. */
  private readonly sections: Section[] = [];
  private inQuestionList = false;
  /** Whether the file's dotted headings hold question lists: see dottedSectionsHoldLists. */
  private dottedListSections: boolean | undefined;
  /** Under a `Table of Contents` heading: its lists link to the questions rather than being questions. */
  private inContents = false;
  /** Nesting depth of an open `<details>` question: every block up to its `</details>` is its answer. */
  private detailsDepth = 0;
  private readonly questions: RawQuestion[] = [];
  private readonly listed: ListedQuestion[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  readonly headings: { line: number; text: string }[] = [];

  constructor(
    private readonly file: string,
    private readonly repaired: RepairedLines,
    private readonly blocks: Block[],
    private readonly frontMatter: FrontMatter,
    private readonly trace: Trace | undefined,
  ) {}

  private get overrides(): BankOverrides {
    return this.frontMatter.overrides;
  }

  read(): ParsedBank {
    this.title = this.overrides.title;
    this.blocks.forEach((block, i) => this.readBlock(block, i));
    this.endQuestion();
    this.addUnansweredListItems();
    this.questions.sort((a, b) => a.line - b.line);
    return {
      title: detached(this.overrides.title ?? this.title ?? (fileStem(this.file) || this.file)),
      questions: this.questions.map(detachedQuestion),
      diagnostics: [...this.frontMatter.diagnostics, ...this.repaired.diagnostics, ...this.diagnostics].sort((a, b) => a.line - b.line),
    };
  }

  private readBlock(block: Block, index: number): void {
    if (block.kind === 'heading' && this.headings.length < HEADINGS_KEPT) {
      this.headings.push({ line: this.line(block.start), text: cleanTitle(block.text) });
    }
    if (this.detailsDepth > 0 && this.draft) {
      this.readInsideDetails(block);
      return;
    }
    if (block.kind === 'heading') this.readHeading(block, index);
    else if (block.kind === 'paragraph') this.readParagraph(block, index);
    else if (block.kind === 'html' && this.readDetails(block)) return;
    else if (block.kind === 'table' && !this.draft && this.readTable(block)) return;
    else if (!this.draft) {
      if (block.kind === 'list' && this.inContents) this.trace?.prose(this.range(block));
      else if (block.kind === 'list' && this.inQuestionList) this.addListItems(block, block.items);
      else if (block.kind === 'list') this.readQuestionList(block);
      else this.trace?.prose(this.range(block));
    } else if (block.kind === 'fence') this.addCode(block);
    else this.addProse(block);
  }

  // ---- headings

  private readHeading(block: HeadingBlock, index: number): void {
    this.inContents = false;
    const overrides = this.overrides;
    if (overrides.questionHeading !== undefined) return this.readHeadingAtFixedLevel(block, overrides.questionHeading);
    if (this.readPatterns(block, block.level)) return;
    const label = headingLabel(block.text);
    if (label?.kind === 'interview') {
      this.startInterviewQuestion(block, label, block.level);
      return;
    }
    const numbered = numberedHeading(block.text);
    if (numbered && !isIntroOrConclusion(numbered.title)) {
      const next = this.firstLabelAfter(index);
      // A numbered heading below the current question's heading is a sub-point of its answer, unless a prompt or
      // answer label follows it (then the bank just mixes heading levels between questions).
      if (!this.isInsideDraft(block) || next === 'prompt' || next === 'answer') {
        if (this.section && block.level <= this.section.level) this.section = undefined;
        if (next === 'interview') {
          this.endQuestion();
          this.section = { title: numbered.title, number: numbered.number, level: block.level };
          this.inQuestionList = false;
          this.trace?.add(this.line(block.start), this.line(block.start), `heading ${quote(block.text)} → section`);
        } else if (next === undefined && this.holdsQuestions(index, [numbered.number], readsAsQuestion(numbered.title))) {
          this.openSection(block, { title: numbered.title, number: numbered.number, level: block.level, path: [numbered.number] });
        } else {
          this.closeSections(block.level);
          const section = this.section?.title ?? this.numberedSection()?.title;
          this.startQuestion({ ...numbered, line: this.line(block.start), section, headingLevel: block.level, layout: 'numbered headings' });
        }
        return;
      }
    }
    if (block.text.length <= NUMBER_ONLY_LENGTH && NUMBER_ONLY_HEADING.test(cleanTitle(block.text)) && !this.isInsideDraft(block)) {
      // `## Question 5` over the question's own paragraph: the paragraph is the question (see readParagraph).
      this.closeSections(block.level);
      const number = /\d+/.exec(block.text);
      this.startQuestion({ line: this.line(block.start), number: number ? Number(number[0]) : undefined, title: '', section: this.sectionTitle(), headingLevel: block.level, layout: NUMBERED_QUESTION_HEADINGS });
      return;
    }
    const prefixed = questionPrefix(block.text);
    // `### Question: …` after a question that already has parts starts the next question rather than a prompt.
    const startsQuestion = label?.kind === 'prompt' && label.rest !== '' && prefixed !== undefined && this.draft?.hasParts();
    if (this.draft && label && !startsQuestion) {
      this.draft.label(label.kind, label.rest, label.parenthetical, this.range(block));
      return;
    }
    const dotted = numbered ? undefined : leadingNumber(block.text);
    const title = titleText(block.text);
    // `## 问题：…` is a question by its prefix; `## 典型问题` (a heading over a list of questions) is not one, `## …的问题？` is.
    const question =
      !isIntroOrConclusion(title) &&
      (prefixed !== undefined || (readsAsQuestion(title) && (endsWithQuestionMark(title) || !isQuestionListHeading(block.text))));
    if (this.draft && this.isInsideDraft(block) && !question && !(dotted && dotted.path.length > 1)) {
      this.addProse(block);
      if (dotted) this.draft.numberedHeadings++;
      return;
    }
    if (dotted && dotted.path.length > 1 && title && !isIntroOrConclusion(title)) {
      this.readDottedHeading(block, index, dotted.path, title);
      return;
    }
    if (question && title && !this.holdsQuestions(index, undefined, true)) {
      this.closeSections(block.level);
      const layout = prefixed ? 'Q:/A: prefixes' : 'question headings';
      this.startQuestion({ line: this.line(block.start), number: prefixed?.number, title, section: this.sectionTitle(), headingLevel: block.level, layout });
      return;
    }
    // Any other heading is the bank's own structure: it ends the question and starts a new part of the bank.
    this.endQuestion();
    if (TABLE_OF_CONTENTS.test(title) && this.title !== undefined) {
      // The bank's table of contents: its links repeat the questions below; it is no section of theirs.
      this.closeSections(block.level);
      this.inContents = true;
      this.trace?.add(this.line(block.start), this.line(block.start), `heading ${quote(block.text)} → table of contents`);
      return;
    }
    if (this.section && block.level <= this.section.level) this.section = undefined;
    this.inQuestionList = isQuestionListHeading(block.text);
    this.closeSections(block.level);
    if (this.title === undefined) {
      this.title = cleanTitle(block.text) || undefined;
      this.trace?.add(this.line(block.start), this.line(block.start), `heading ${quote(block.text)} → bank title`);
    } else {
      this.sections.push({ title, level: block.level });
      this.trace?.add(this.line(block.start), this.line(block.start), `heading ${quote(block.text)} → section`);
    }
  }

  /** `dojo.questionHeading: N`: headings of level N are questions, deeper ones part of the answer, shallower sections. */
  private readHeadingAtFixedLevel(block: HeadingBlock, level: number): void {
    if (block.level > level && this.draft) {
      const label = headingLabel(block.text);
      if (label && label.kind !== 'interview') this.draft.label(label.kind, label.rest, label.parenthetical, this.range(block));
      else this.addProse(block);
      return;
    }
    if (block.level === level) {
      const title = this.patternTitle(block.text) ?? titleText(block.text);
      if (title) {
        this.closeSections(block.level);
        this.startQuestion({ line: this.line(block.start), title, section: this.sectionTitle(), headingLevel: level, layout: 'front matter questionHeading' });
        return;
      }
    }
    this.endQuestion();
    this.closeSections(block.level);
    if (this.title === undefined) this.title = cleanTitle(block.text) || undefined;
    else this.sections.push({ title: titleText(block.text), level: block.level });
    this.trace?.add(this.line(block.start), this.line(block.start), `heading ${quote(block.text)} → ${this.sections.length > 0 ? 'section' : 'bank title'}`);
  }

  /** `### 3.1.1 …`: a question when it has a body and no numbered children; otherwise a section over them. */
  private readDottedHeading(block: HeadingBlock, index: number, path: number[], title: string): void {
    const next = this.blocks[index + 1];
    const hasBody = next !== undefined && next.kind !== 'heading';
    const ownIsQuestion = readsAsQuestion(title);
    if (this.holdsQuestions(index, path, ownIsQuestion) || (!ownIsQuestion && (!hasBody || this.dottedSectionsHoldLists()))) {
      this.openSection(block, { title, level: block.level, path });
      return;
    }
    this.closeSections(block.level);
    this.startQuestion({ line: this.line(block.start), title, section: this.sectionTitle(), headingLevel: block.level, layout: 'dotted section numbers' });
  }

  /**
   * Whether a dotted heading of this file has a list of questions as its body (`## 5.2 Linear algebra` over
   * `1. [E] Why…?`): then its dotted headings are chapters of question lists, and one that does not read as a
   * question is a section even when its body is prose (`## 5.1 Notation`). Read once per file, on first use.
   */
  private dottedSectionsHoldLists(): boolean {
    if (this.dottedListSections === undefined) {
      let underDotted = false;
      this.dottedListSections = this.blocks.some((block) => {
        if (block.kind === 'heading') underDotted = (leadingNumber(block.text)?.path.length ?? 0) > 1;
        return underDotted && block.kind === 'list' && readsAsQuestionList(block.items);
      });
    }
    return this.dottedListSections;
  }

  private openSection(block: HeadingBlock, section: Section): void {
    this.endQuestion();
    this.inQuestionList = false;
    this.closeSections(block.level);
    // A numbered H1 over the questions (`# 1.llm概念`) is the file's title, not a section of it; a deeper first
    // section heading is both.
    if (this.title === undefined) {
      this.title = section.title;
      if (block.level === 1) {
        this.trace?.add(this.line(block.start), this.line(block.start), `heading ${quote(block.text)} → bank title`);
        return;
      }
    }
    this.sections.push(section);
    this.trace?.add(this.line(block.start), this.line(block.start), `heading ${quote(block.text)} → section`);
  }

  private closeSections(level: number): void {
    while (this.sections.length > 0 && this.sections[this.sections.length - 1].level >= level) this.sections.pop();
  }

  private sectionTitle(): string | undefined {
    return this.sections[this.sections.length - 1]?.title || undefined;
  }

  private numberedSection(): Section | undefined {
    for (let i = this.sections.length - 1; i >= 0; i--) if (this.sections[i].path) return this.sections[i];
    return undefined;
  }

  /**
   * Whether the heading at `index` is a section over questions: a deeper heading before its next sibling continues
   * its dotted number (`1.` → `1.1`), or reads as a question while it does not, or is a 面试题 or question-list heading.
   */
  private holdsQuestions(index: number, path: number[] | undefined, ownIsQuestion: boolean): boolean {
    const level = (this.blocks[index] as HeadingBlock).level;
    for (let i = index + 1; i < this.blocks.length; i++) {
      const block = this.blocks[i];
      if (block.kind !== 'heading') continue;
      if (block.level <= level) return false;
      const child = leadingNumber(block.text);
      if (path && child && child.path.length > path.length && path.every((n, k) => child.path[k] === n)) return true;
      if (!path && (isQuestionListHeading(block.text) || headingLabel(block.text)?.kind === 'interview')) return true;
      if (!ownIsQuestion && readsAsQuestion(titleText(block.text))) return true;
      if (!path && ownIsQuestion && child === undefined && readsAsQuestion(titleText(block.text)) && !headingLabel(block.text)) return true;
    }
    return false;
  }

  // ---- paragraphs

  private readParagraph(block: ParagraphBlock, index: number): void {
    if (this.readPatterns(block, undefined)) return;
    if (this.draft?.start.layout === NUMBERED_QUESTION_HEADINGS && this.draft.start.title === '' && !this.draft.hasParts()) {
      const title = titleText(block.text.split('\n', 1)[0]);
      if (title) {
        this.draft.ask(title, block.text, this.range(block));
        return;
      }
    }
    const label = paragraphLabel(block.text);
    if (label?.kind === 'interview') {
      this.startInterviewQuestion(block, label, undefined);
      return;
    }
    const numbered = numberedParagraph(block.text);
    if (numbered) {
      this.startQuestion({ ...numbered, line: this.line(block.start), layout: 'bold numbered questions' });
      return;
    }
    // `**Question:**` right under a question heading is its prompt label, as in the bundled banks.
    const promptLabel = label?.kind === 'prompt' && this.draft?.start.headingLevel !== undefined && !this.draft.hasParts();
    if (!promptLabel && this.overrides.questionHeading === undefined && this.readPrefixedQuestion(block)) return;
    if (this.overrides.questionHeading === undefined && this.readNumberedQuestion(block, index)) return;
    const bold = boldOnly(block.text);
    if (bold !== undefined && !label && this.overrides.questionHeading === undefined) {
      const title = titleText(bold);
      if (title && readsAsQuestion(title) && !isIntroOrConclusion(title)) {
        const start = { line: this.line(block.start), title, section: this.sectionTitle(), headingLevel: this.sectionLevel(), layout: 'bold questions' };
        this.startQuestion(start);
        return;
      }
    }
    if (!this.draft) {
      this.trace?.prose(this.range(block));
      return; // Prose outside any question: the bank's introduction or conclusion.
    }
    if (isBackToTop(block.text)) {
      const [start, end] = this.range(block);
      this.trace?.add(start, end, 'link back to the top (not part of the question)');
      return;
    }
    if (label) {
      this.draft.label(label.kind, label.rest, label.parenthetical, this.range(block));
      return;
    }
    const answer = answerPrefix(block.text);
    if (answer !== undefined) this.draft.label('answer', answer.trim(), undefined, this.range(block));
    else this.addProse(block);
  }

  /** `Q: …` (optionally numbered or bold) starts a question; an `A: …` line in the same paragraph starts its answer. */
  private readPrefixedQuestion(block: ParagraphBlock): boolean {
    const prefixed = questionPrefix(block.text);
    return prefixed !== undefined && this.startParagraphQuestion(block, prefixed, 'Q:/A: prefixes');
  }

  /**
   * `2、为什么…？`, `（1）介绍一下…` (interview notes): a paragraph numbered without a list marker starts a question when it
   * reads as one or an answer follows it (`答:` in it or in a block before the next numbered paragraph or heading).
   * Only outside other questions, where such numbering would be a point of their answer.
   */
  private readNumberedQuestion(block: ParagraphBlock, index: number): boolean {
    if (this.draft && this.draft.start.layout !== NUMBERED_PARAGRAPHS) return false;
    const number = PARAGRAPH_NUMBER.exec(block.text);
    if (!number) return false;
    const rest = block.text.slice(number[0].length);
    const title = titleText(rest.split('\n', 1)[0]);
    if (!title || isIntroOrConclusion(title)) return false;
    const value = Number(number[1] ?? number[2]);
    if (!readsAsQuestion(title) && !ANSWER_LINE.test(rest) && !this.answerFollows(index)) {
      // The next number after a question's (`3、反问环节（略）` after `2、…？`) is the next item of the notes, not a point
      // of the answer (those count from 1 again): it ends the question and stays prose.
      if (this.draft && this.draft.start.number !== undefined && value === this.draft.start.number + 1) this.endQuestion();
      return false;
    }
    return this.startParagraphQuestion(block, { number: value, rest }, NUMBERED_PARAGRAPHS);
  }

  /** Whether an answer label comes after the block at `index`, before the next heading or numbered paragraph. */
  private answerFollows(index: number): boolean {
    for (let i = index + 1; i < this.blocks.length; i++) {
      const block = this.blocks[i];
      if (block.kind === 'heading') return false;
      if (block.kind !== 'paragraph') continue;
      if (answerPrefix(block.text) !== undefined || paragraphLabel(block.text)?.kind === 'answer') return true;
      if (PARAGRAPH_NUMBER.test(block.text)) return false;
    }
    return false;
  }

  private startParagraphQuestion(block: ParagraphBlock, prefixed: Prefixed, layout: string): boolean {
    const answerLine = ANSWER_LINE.exec(prefixed.rest);
    const question = (answerLine ? prefixed.rest.slice(0, answerLine.index) : prefixed.rest).trim();
    const title = titleText(question.split('\n', 1)[0]);
    if (!title) return false;
    const start = this.line(block.start);
    this.startQuestion({ line: start, number: prefixed.number, title, prompt: question, section: this.sectionTitle(), headingLevel: this.sectionLevel(), layout });
    if (answerLine) {
      const answer = prefixed.rest.slice(answerLine.index + 1);
      const answerStart = start + prefixed.rest.slice(0, answerLine.index + 1).split('\n').length - 1;
      this.draft?.label('answer', (answerPrefix(answer) ?? answer).trim(), undefined, [answerStart, this.range(block)[1]]);
    }
    return true;
  }

  /** The front matter's `question` / `answer` patterns. */
  private readPatterns(block: HeadingBlock | ParagraphBlock, headingLevel: number | undefined): boolean {
    const title = this.patternTitle(block.text);
    if (title !== undefined) {
      if (headingLevel !== undefined) this.closeSections(headingLevel);
      const level = headingLevel ?? this.sectionLevel();
      const rest = block.text.slice(block.text.indexOf('\n') + 1);
      const prompt = block.kind === 'paragraph' && block.text.includes('\n') ? `${title}\n${rest}` : undefined;
      this.startQuestion({ line: this.line(block.start), title, prompt, section: this.sectionTitle(), headingLevel: level, layout: 'front matter question' });
      return true;
    }
    const answer = this.overrides.answer && this.draft ? matchPattern(this.overrides.answer, block.text) : null;
    if (answer && this.draft) {
      this.draft.label('answer', block.text.slice(answer.index + answer[0].length).trim(), undefined, this.range(block));
      return true;
    }
    return false;
  }

  /** The title of a block the front matter's `question` pattern matches (the match removed), else undefined. */
  private patternTitle(text: string): string | undefined {
    const pattern = this.overrides.question;
    const match = pattern ? matchPattern(pattern, text) : null;
    if (!match) return undefined;
    const firstLine = text.split('\n', 1)[0];
    return titleText(firstLine.slice(0, match.index) + firstLine.slice(match.index + match[0].length)) || undefined;
  }

  // ---- <details>

  /** `<details><summary>question</summary> answer </details>`: returns whether the block was one. */
  private readDetails(block: Extract<Block, { kind: 'html' }>): boolean {
    if (!/^\s*<details[\s>]/i.test(block.text)) return false;
    const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(block.text);
    const title = summary ? titleText(summary[1]) : '';
    if (!summary || !title) return false;
    const range = this.range(block);
    this.startQuestion({ line: range[0], title, section: this.sectionTitle(), headingLevel: this.sectionLevel(), layout: '<details> blocks' });
    const after = block.text.slice(summary.index + summary[0].length);
    const close = after.search(/<\/details>/i);
    // `<summary>…</summary><br>` is spacing in the bank, not part of the answer.
    // `<br><b>answer</b>` (DevOps banks): spacing and a bold wrapper around the whole answer, not part of it.
    const answer = withoutBoldWrapper((close >= 0 ? after.slice(0, close) : after).replace(/^(?:\s*<br\s*\/?>)+/i, ''));
    if (answer) this.draft?.addProse(answer, range);
    if (close >= 0) this.endQuestion();
    else this.detailsDepth = 1;
    return true;
  }

  private readInsideDetails(block: Block): void {
    // `</b></details>` is a paragraph, not an HTML block: any block but code may close the <details>.
    const markdown = block.kind === 'fence' ? '' : this.markdown(block);
    if (markdown.includes('<')) {
      this.detailsDepth += (markdown.match(/<details[\s>]/gi)?.length ?? 0) - (markdown.match(/<\/details>/gi)?.length ?? 0);
      if (this.detailsDepth <= 0) {
        const before = withoutBoldWrapper(markdown.slice(0, markdown.search(/<\/details>/i)));
        if (before) this.draft?.addProse(before, this.range(block));
        this.detailsDepth = 0;
        this.endQuestion();
        return;
      }
    }
    if (block.kind === 'fence') this.addCode(block);
    else this.addProse(block);
  }

  // ---- tables

  /**
   * `| # | Question | Answer |`: a table outside any question with a question column and an answer column gives one
   * question per row. A table without an answer column (a list of links to problems elsewhere) stays prose.
   */
  private readTable(block: Extract<Block, { kind: 'table' }>): boolean {
    const columns = block.header.map((cell) => cleanTitle(cell).toLowerCase());
    const question = columns.findIndex((name) => TABLE_QUESTION_COLUMN.test(name));
    const answer = columns.findIndex((name) => TABLE_ANSWER_COLUMN.test(name));
    if (question < 0 || answer < 0) return false;
    const range = this.range(block);
    let count = 0;
    for (const row of block.rows) {
      const title = titleText(row.cells[question] ?? '');
      if (!title) continue;
      const line = this.line(row.line);
      this.startQuestion({ line, title, prompt: row.cells[question], section: this.sectionTitle(), headingLevel: this.sectionLevel(), layout: 'question tables' });
      const text = row.cells[answer] ?? '';
      if (text) this.draft?.label('answer', text, undefined, [line, line]);
      this.endQuestion();
      count++;
    }
    this.trace?.add(range[0], range[1], `table → ${count} question${count === 1 ? '' : 's'} (question table)`);
    return true;
  }

  // ---- lists

  /**
   * A list outside any question whose items read as questions (at least 2, at least half of them): each becomes a
   * practice item; a stem item with a nested list of questions gives one item per nested question.
   */
  private readQuestionList(block: Extract<Block, { kind: 'list' }>): void {
    const taken: ListedQuestion[] = [];
    const skipped: number[] = [];
    let questionItems = 0;
    const answered: AnsweredItem[] = [];
    for (let i = 0; i < block.items.length; i++) {
      const item = block.items[i];
      const title = titleText(item.text);
      const nested = this.nestedQuestions(item);
      const body = this.answeredBody(item, block.items[i + 1]);
      if (body) {
        questionItems++;
        answered.push({ item, body });
        if (body.pair) i++;
      } else if (nested.length > 0) {
        questionItems++;
        taken.push(...nested);
      } else if (title && readsAsQuestion(title)) {
        questionItems++;
        taken.push({ line: this.line(item.line), number: item.number, title, section: this.sectionTitle() });
      } else skipped.push(this.line(item.line));
    }
    const range = this.range(block);
    if (!isQuestionListShare(questionItems, block.items.length)) {
      this.trace?.prose(range);
      return;
    }
    this.listed.push(...taken);
    for (const { item, body } of answered) this.readAnsweredItem(item, body);
    const count = taken.length + answered.length;
    this.trace?.add(range[0], range[1], `list → ${count} question${count === 1 ? '' : 's'} (question list)`);
    if (skipped.length > 0) {
      this.diagnostics.push({
        file: this.file,
        line: range[0],
        severity: 'info',
        message: `The list at line ${range[0]} was read as questions, but its items at line${skipped.length === 1 ? '' : 's'} ${skipped.join(', ')} do not read as questions and were not taken.`,
      });
    }
  }

  /**
   * The lines after an item's first line when that line is a whole question (it ends with a question mark or starts
   * with `Q:`) and the item goes on (`1. What is X?` + `   X is…` on the next, indented lines): they are its answer.
   */
  private answerLines(item: ListItem): [number, number] | undefined {
    const firstLine = item.text.split('\n', 1)[0];
    if (!endsWithQuestionMark(firstLine.trimEnd()) && !questionPrefix(firstLine)) return undefined;
    const last = this.lastLine(item);
    return last > item.line ? [item.line + 1, last + 1] : undefined;
  }

  /**
   * The lines answering a list item: its own further lines (answerLines), or, for a `Q:` item followed by an `A:`
   * item (`* Q: …` / `* A: …` flash cards), the lines up to the end of that next item (`pair`).
   */
  private answeredBody(item: ListItem, next: ListItem | undefined): ItemBody | undefined {
    if (next && questionPrefix(item.text) && answerPrefix(next.text) !== undefined) return { lines: [item.line + 1, this.lastLine(next) + 1], pair: true };
    const lines = this.answerLines(item);
    return lines && { lines, pair: false };
  }

  /** The item's last line that is not blank (a list item takes in the blank lines after it). */
  private lastLine(item: ListItem): number {
    let last = item.end - 1;
    while (last > item.line && this.repaired.lines[last].trim() === '') last--;
    return last;
  }

  /** A list item holding a question and its answer: read as a question whose body is the item's other lines. */
  private readAnsweredItem(item: ListItem, { lines: [start, end] }: ItemBody): void {
    const title = titleText(item.text.split('\n', 1)[0]);
    const line = this.line(item.line);
    this.startQuestion({ line, number: item.number, title, section: this.sectionTitle(), headingLevel: this.sectionLevel(), layout: 'question list with answers' });
    // `- A: …` as a bullet of its own (nested, or the next item): the bullet only marks the answer.
    const body = this.repaired.lines.slice(start, end).map((text) => text.replace(ANSWER_BULLET, (_, indent: string, marker: string) => indent + ' '.repeat(marker.length)));
    const indent = Math.min(...body.filter((text) => text.trim() !== '').map((text) => /^[ \t]*/.exec(text)?.[0].length ?? 0));
    const dedented = body.map((text) => text.slice(Math.min(indent, /^[ \t]*/.exec(text)?.[0].length ?? 0)));
    for (const block of readBlocks(dedented.join('\n'))) {
      const range: LineRange = [this.line(start + block.start), this.line(start + block.end - 1)];
      if (block.kind === 'fence') this.draft?.addCode(block.info, block.content, false, dedented.slice(block.start, block.end).join('\n'), range);
      else {
        const markdown = dedented.slice(block.start, block.end).join('\n').trimEnd();
        const answer = block.kind === 'paragraph' ? answerPrefix(markdown) : undefined;
        if (answer !== undefined) this.draft?.label('answer', answer.trim(), undefined, range);
        else this.draft?.addProse(markdown, range);
      }
    }
    this.endQuestion();
  }

  /** A stem item (`Given a linear system Ax = b:`) with a nested list of questions: one item per nested question. */
  private nestedQuestions(item: ListItem): ListedQuestion[] {
    if (!item.children) return [];
    const stem = titleText(item.text);
    if (!stem || !(/[:：]$/.test(stem) || !readsAsQuestion(stem))) return [];
    const nested: ListedQuestion[] = [];
    for (const child of item.children) {
      const title = titleText(child.text);
      if (!title || !readsAsQuestion(title)) continue;
      const question: ListedQuestion = { line: this.line(child.line), title, prompt: `${item.text.trim()}\n\n${child.text.trim()}`, section: stem };
      if (child.number !== undefined) question.number = child.number;
      nested.push(question);
    }
    return nested;
  }

  private addListItems(block: Block, items: ListItem[]): void {
    let count = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const body = this.answeredBody(item, items[i + 1]);
      if (body) {
        this.readAnsweredItem(item, body);
        if (body.pair) i++;
        count++;
        continue;
      }
      const nested = this.nestedQuestions(item);
      if (nested.length > 0) {
        this.listed.push(...nested);
        count += nested.length;
        continue;
      }
      const title = cleanTitle(item.text);
      if (title) {
        this.listed.push({ line: this.line(item.line), number: item.number, title });
        count++;
      }
    }
    const range = this.range(block);
    this.trace?.add(range[0], range[1], `list → ${count} question${count === 1 ? '' : 's'} (question list)`);
  }

  /**
   * A listed question the bank answers elsewhere is that answered question, not a second item. The rest (like 004's
   * ten 编写一个算法… exercises) are practice items without a reference; a title listed twice counts once.
   */
  private addUnansweredListItems(): void {
    const known = new Set(this.questions.map((question) => normaliseTitle(question.title)));
    for (const item of this.listed) {
      const key = normaliseTitle(item.title);
      if (known.has(key)) continue;
      known.add(key);
      const question: RawQuestion = { line: item.line, title: item.title, prompt: item.prompt ?? item.title, answer: '', analysis: '', code: [], hasReference: false };
      if (item.number !== undefined) question.number = item.number;
      if (item.section) question.section = item.section;
      this.questions.push(question);
    }
  }

  // ---- drafts

  /** `#### **面试题：** question`: the question is the label's text; a 面试题 label on its own introduces the prompt. */
  private startInterviewQuestion(block: Block, label: Label, headingLevel: number | undefined): void {
    const range = this.range(block);
    this.startQuestion({
      line: range[0],
      number: this.section?.number,
      title: cleanTitle(label.rest),
      section: this.section?.title,
      headingLevel,
      layout: '面试题 labels',
    });
    if (!label.rest) this.draft?.label('prompt', '', undefined, range);
  }

  private startQuestion(start: DraftStart): void {
    this.endQuestion();
    this.draft = new QuestionDraft(start);
  }

  private endQuestion(): void {
    const draft = this.draft;
    if (!draft) return;
    this.draft = undefined;
    this.detailsDepth = 0;
    const question = draft.finish();
    if (!question) {
      this.diagnostics.push({
        file: this.file,
        line: draft.start.line,
        severity: 'warning',
        message: `The question at line ${draft.start.line} has no title; it was skipped.`,
      });
      return;
    }
    this.questions.push(question);
    if (draft.numberedHeadings >= SWALLOWED_HEADINGS) {
      const level = (draft.start.headingLevel ?? 1) + 1;
      this.diagnostics.push({
        file: this.file,
        line: question.line,
        severity: 'warning',
        message: `The question "${question.title}" at line ${question.line} contains ${draft.numberedHeadings} numbered headings; it may be a section holding ${draft.numberedHeadings} questions (set \`dojo: { questionHeading: ${Math.min(level, 6)} }\` in the file's front matter if those headings are the questions).`,
      });
    }
    this.trace?.question(question.title, draft);
  }

  private addProse(block: Block): void {
    if (!this.draft) return;
    if (block.kind === 'heading' && (numberedHeading(block.text) || leadingNumber(block.text))) this.draft.numberedHeadings++;
    this.draft.addProse(this.markdown(block), this.range(block));
  }

  private addCode(block: Extract<Block, { kind: 'fence' }>): void {
    this.draft?.addCode(block.info, block.content, this.repaired.unclosed.has(block.start), this.markdown(block), this.range(block));
  }

  /** A heading below the heading that started the current question is part of that question. */
  private isInsideDraft(block: HeadingBlock): boolean {
    const level = this.draft?.start.headingLevel;
    return level !== undefined && block.level > level;
  }

  /** The level of the innermost section heading: a question started by a paragraph ends at a heading at or above it. */
  private sectionLevel(): number | undefined {
    return this.sections[this.sections.length - 1]?.level;
  }

  /**
   * The kind of the first label after the numbered heading at `index`, before the next heading that is numbered, at
   * its level or above. `interview` means the heading is a section of 面试题 questions (003's layout).
   */
  private firstLabelAfter(index: number): LabelKind | undefined {
    const level = (this.blocks[index] as HeadingBlock).level;
    for (let i = index + 1; i < this.blocks.length; i++) {
      const block = this.blocks[i];
      if (block.kind === 'heading') {
        const label = headingLabel(block.text);
        if (label) return label.kind;
        if (block.level <= level || numberedHeading(block.text)) return undefined;
      } else if (block.kind === 'paragraph') {
        const label = paragraphLabel(block.text);
        if (label) return label.kind;
        if (numberedParagraph(block.text)) return undefined;
      }
    }
    return undefined;
  }

  /** The block's markdown exactly as the bank wrote it. */
  private markdown(block: Block): string {
    return this.repaired.lines.slice(block.start, block.end).join('\n').trimEnd();
  }

  private line(parsedLine: number): number {
    return originalLine(this.repaired, parsedLine);
  }

  /** The block's first and last line in the original file. */
  private range(block: Block): LineRange {
    // A list's range takes in the blank lines after it; they are not part of it.
    let last = block.end - 1;
    while (last > block.start && this.repaired.lines[last].trim() === '') last--;
    return [this.line(block.start), this.line(last)];
  }
}

/** At least two items, and at least half of the list, read as questions. */
function isQuestionListShare(questionItems: number, items: number): boolean {
  return questionItems >= 2 && questionItems * 2 >= items;
}

function readsAsQuestionList(items: ListItem[]): boolean {
  let questions = 0;
  const isQuestion = (item: ListItem) => readsAsQuestion(titleText(item.text));
  for (const item of items) if (isQuestion(item) || item.children?.some(isQuestion)) questions++;
  return isQuestionListShare(questions, items.length);
}

/** An answer's text without a `<b>` opening it and a `</b>` closing it. */
function withoutBoldWrapper(html: string): string {
  return html.trim().replace(/^<b>/i, '').replace(/<\/b>$/i, '').trim();
}

// `Question 5`, `Q12.`, `Problem 3`, `Exercise 2`, `问题 5`, `第 5 题`: a heading that only numbers the question below it.
const NUMBER_ONLY_HEADING = /^(?:(?:q|question|problem|exercise|问题|题目)[ \t]*\d{1,4}[.:：]?|第[ \t]*\d{1,4}[ \t]*题[:：]?)$/i;
// A bullet whose text starts with an answer prefix (`- A:`, `* **A:**`, `- 答：`): group 1 its indent, 2 its marker.
const ANSWER_BULLET = /^([ \t]*)([-*+][ \t]+)(?=(?:\*\*)?[ \t]*(?:A|Ans|Answer|答|答案|参考答案)[ \t]*[:：])/i;
/** Longer heading text (emphasis included) is never a bare number: most headings skip the check. */
const NUMBER_ONLY_LENGTH = 30;
const NUMBERED_QUESTION_HEADINGS = 'numbered question headings';
const NUMBERED_PARAGRAPHS = 'numbered paragraphs';
// `2、`, `2．`, `（2）`, `(2)` opening a paragraph (`2.` and `2)` open a list instead).
const PARAGRAPH_NUMBER = /^(?:(\d{1,3})[ \t]*[、．]|[(（](\d{1,3})[)）])[ \t]*(?=\S)/;
// The header of a table's question column and of its answer column, cleaned and lower-cased.
const TABLE_QUESTION_COLUMN = /^(?:questions?|q|问题|题目|面试题)$/;
const TABLE_ANSWER_COLUMN = /^(?:answers?|a|答案|参考答案|回答|解答)$/;
const TABLE_OF_CONTENTS = /^(?:table of contents|contents|toc|目录)$/i;
// `[[↑] Back to top](#table-of-contents)`, `[返回顶部](#目录)`: navigation inside the bank's page.
const BACK_TO_TOP = /^\[[^\n]{0,40}\]\(#[^)\s]*\)$/;
const TOP = /top|↑|⬆|顶部|目录/i;

function isBackToTop(text: string): boolean {
  return text.length < 120 && BACK_TO_TOP.test(text) && TOP.test(text.slice(0, text.lastIndexOf('](')));
}

function quote(text: string): string {
  return JSON.stringify(cleanTitle(text));
}
