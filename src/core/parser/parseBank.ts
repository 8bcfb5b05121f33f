// One bank's markdown -> its title and raw questions. Walks markdown-it's top-level blocks once, in order:
// question starts (numbered headings, 面试题 headings, bold `问题 N:` paragraphs) open a draft, labels switch the
// part the following blocks belong to, and any other heading at or above the question's level closes it.
import type { Diagnostic } from '../model';
import { fileStem, normaliseTitle } from '../ids';
import { readBlocks, type Block, type ListItem } from './blocks';
import { detached, detachedQuestion } from './detach';
import { QuestionDraft, type DraftStart } from './draft';
import { closeRunawayFences, originalLine, type RepairedLines } from './fences';
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
import type { RawQuestion } from './rawQuestion';

export interface ParsedBank {
  /** The first heading that is not a question, or the file's base name. */
  title: string;
  /** In bank order. */
  questions: RawQuestion[];
  diagnostics: Diagnostic[];
}

export function parseBank(file: string, text: string): ParsedBank {
  // decodeBank already did this for files; parseBank also takes text from elsewhere (an editor buffer, tests).
  const withoutBom = text.startsWith('\ufeff') ? text.slice(1) : text;
  const normalised = withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
  const repaired = closeRunawayFences(file, normalised.split('\n'));
  const blocks = readBlocks(repaired.inserted.length > 0 ? repaired.lines.join('\n') : normalised);
  return new BankReader(file, repaired, blocks).read();
}

type HeadingBlock = Extract<Block, { kind: 'heading' }>;

/** A numbered heading whose questions are 面试题 headings under it (003's layout): context, not a question. */
interface Section {
  title: string;
  number: number;
  level: number;
}

/** An item of a question list (典型问题/面试题库, 算法编程题库). */
interface ListedQuestion {
  line: number;
  number?: number;
  title: string;
}

class BankReader {
  private title: string | undefined;
  private draft: QuestionDraft | undefined;
  private section: Section | undefined;
  private inQuestionList = false;
  private readonly questions: RawQuestion[] = [];
  private readonly listed: ListedQuestion[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly repaired: RepairedLines,
    private readonly blocks: Block[],
  ) {}

  read(): ParsedBank {
    this.blocks.forEach((block, i) => this.readBlock(block, i));
    this.endQuestion();
    this.addUnansweredListItems();
    this.questions.sort((a, b) => a.line - b.line);
    return {
      title: detached(this.title ?? (fileStem(this.file) || this.file)),
      questions: this.questions.map(detachedQuestion),
      diagnostics: [...this.repaired.diagnostics, ...this.diagnostics].sort((a, b) => a.line - b.line),
    };
  }

  private readBlock(block: Block, index: number): void {
    if (block.kind === 'heading') this.readHeading(block, index);
    else if (block.kind === 'paragraph') this.readParagraph(block);
    else if (!this.draft) {
      if (block.kind === 'list' && this.inQuestionList) this.addListItems(block.items);
    } else if (block.kind === 'fence') this.draft.addCode(block.info, block.content, this.repaired.unclosed.has(block.start));
    else this.draft.addProse(this.markdown(block));
  }

  private readHeading(block: HeadingBlock, index: number): void {
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
        } else {
          this.startQuestion({ ...numbered, line: this.line(block.start), section: this.section?.title, headingLevel: block.level });
        }
        return;
      }
    }
    if (this.draft && label) {
      this.draft.label(label.kind, label.rest, label.parenthetical);
      return;
    }
    if (this.draft && this.isInsideDraft(block)) {
      this.draft.addProse(this.markdown(block));
      return;
    }
    // Any other heading is the bank's own structure: it ends the question and starts a new part of the bank.
    this.endQuestion();
    if (this.section && block.level <= this.section.level) this.section = undefined;
    this.inQuestionList = isQuestionListHeading(block.text);
    this.title ??= cleanTitle(block.text) || undefined;
  }

  private readParagraph(block: Extract<Block, { kind: 'paragraph' }>): void {
    const label = paragraphLabel(block.text);
    if (label?.kind === 'interview') {
      this.startInterviewQuestion(block, label, undefined);
      return;
    }
    const numbered = numberedParagraph(block.text);
    if (numbered) {
      this.startQuestion({ ...numbered, line: this.line(block.start) });
      return;
    }
    if (!this.draft) return; // Prose outside any question: the bank's introduction or conclusion.
    if (label) this.draft.label(label.kind, label.rest, label.parenthetical);
    else this.draft.addProse(this.markdown(block));
  }

  /** `#### **面试题：** question`: the question is the label's text; a 面试题 label on its own introduces the prompt. */
  private startInterviewQuestion(block: Block, label: Label, headingLevel: number | undefined): void {
    this.startQuestion({
      line: this.line(block.start),
      number: this.section?.number,
      title: cleanTitle(label.rest),
      section: this.section?.title,
      headingLevel,
    });
    if (!label.rest) this.draft?.label('prompt', '');
  }

  private startQuestion(start: DraftStart): void {
    this.endQuestion();
    this.draft = new QuestionDraft(start);
  }

  private endQuestion(): void {
    if (!this.draft) return;
    const question = this.draft.finish();
    if (question) this.questions.push(question);
    else {
      this.diagnostics.push({
        file: this.file,
        line: this.draft.start.line,
        severity: 'warning',
        message: `The question at line ${this.draft.start.line} has no title; it was skipped.`,
      });
    }
    this.draft = undefined;
  }

  /** A heading below the heading that started the current question is part of that question. */
  private isInsideDraft(block: HeadingBlock): boolean {
    const level = this.draft?.start.headingLevel;
    return level !== undefined && block.level > level;
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

  private addListItems(items: ListItem[]): void {
    for (const item of items) {
      const title = cleanTitle(item.text);
      if (title) this.listed.push({ line: this.line(item.line), number: item.number, title });
    }
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
      const question: RawQuestion = { line: item.line, title: item.title, prompt: item.title, answer: '', analysis: '', code: [], hasReference: false };
      if (item.number !== undefined) question.number = item.number;
      this.questions.push(question);
    }
  }

  /** The block's markdown exactly as the bank wrote it. */
  private markdown(block: Block): string {
    return this.repaired.lines.slice(block.start, block.end).join('\n').trimEnd();
  }

  private line(parsedLine: number): number {
    return originalLine(this.repaired, parsedLine);
  }
}
