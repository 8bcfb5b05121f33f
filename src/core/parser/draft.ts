// One question being read: blocks are added in bank order and land in the part the last label opened.
import type { CodeBlock } from '../model';
import { cleanTitle, type LabelKind } from './labels';
import type { RawQuestion } from './rawQuestion';

type Part = Exclude<LabelKind, 'interview'>;

export interface DraftStart {
  /** 1-based line in the original file. */
  line: number;
  number?: number;
  title: string;
  section?: string;
  /** The level of the heading that started the question; undefined when a paragraph started it. */
  headingLevel?: number;
}

export class QuestionDraft {
  private readonly parts: Record<Exclude<Part, 'example'>, string[]> = { prompt: [], answer: [], analysis: [] };
  private readonly code: CodeBlock[] = [];
  /** Text before any label is the answer: a bank that only gives a heading and prose answers it that way. */
  private part: Part = 'answer';
  private parenthetical: string | undefined;
  /** Prose of the current example section not yet attached to a code block. */
  private pendingCaption: string[] = [];
  private codeInSection = 0;

  constructor(readonly start: DraftStart) {}

  /** Starts the part a label introduces; `rest` is the text after the label in the same block. */
  label(kind: Part, rest: string, parenthetical?: string): void {
    this.endPart();
    this.part = kind;
    this.parenthetical = parenthetical;
    if (rest) this.addProse(rest);
  }

  addProse(markdown: string): void {
    if (!markdown) return;
    if (this.part === 'example') this.pendingCaption.push(markdown);
    else this.parts[this.part].push(markdown);
  }

  /**
   * Every fence goes to `code`; in an example section, the prose before it (or the label's parenthetical) is its
   * caption. `truncated`: the bank never closed the fence.
   */
  addCode(info: string, content: string, truncated: boolean): void {
    const block: CodeBlock = { lang: info.trim().split(/\s+/)[0].toLowerCase(), source: content.replace(/\n$/, '') };
    if (truncated) block.truncated = true;
    if (this.part === 'example') {
      const caption = this.pendingCaption.join('\n\n').trim() || this.parenthetical;
      if (caption) block.caption = caption;
      this.pendingCaption = [];
      this.codeInSection++;
    }
    this.code.push(block);
  }

  /** The finished question, or undefined when it has no title at all (not even a first prompt line to use). */
  finish(): RawQuestion | undefined {
    this.endPart();
    const prompt = join(this.parts.prompt);
    const answer = join(this.parts.answer);
    const analysis = join(this.parts.analysis);
    const title = this.start.title || cleanTitle(prompt.split('\n', 1)[0]);
    if (!title) return undefined;
    const question: RawQuestion = {
      line: this.start.line,
      title,
      prompt: prompt || title,
      answer,
      analysis,
      code: this.code,
      hasReference: answer !== '' || analysis !== '' || this.code.length > 0,
    };
    if (this.start.number !== undefined) question.number = this.start.number;
    if (this.start.section) question.section = this.start.section;
    return question;
  }

  /** Example prose after the section's last code block joins that block's caption; with no code it joins the answer. */
  private endPart(): void {
    if (this.part === 'example' && this.pendingCaption.length > 0) {
      const prose = this.pendingCaption.join('\n\n').trim();
      if (this.codeInSection > 0) {
        const last = this.code[this.code.length - 1];
        last.caption = last.caption ? `${last.caption}\n\n${prose}` : prose;
      } else {
        this.parts.answer.push(prose);
      }
    }
    this.pendingCaption = [];
    this.codeInSection = 0;
  }
}

function join(pieces: string[]): string {
  return pieces.join('\n\n').trim();
}
