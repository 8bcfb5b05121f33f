// One question being read: blocks are added in bank order and land in the part the last label opened.
import type { CodeBlock } from '../model';
import { cleanTitle, type LabelKind } from './labels';
import type { RawQuestion } from './rawQuestion';

type Part = Exclude<LabelKind, 'interview'>;

/** 1-based first and last line in the original file. */
export type LineRange = [number, number];

/** Which lines went into each part, for `dojo lint --explain`. */
export type PartLines = Partial<Record<'prompt' | 'answer' | 'analysis' | 'code', LineRange>>;

export interface DraftStart {
  /** 1-based line in the original file. */
  line: number;
  number?: number;
  title: string;
  section?: string;
  /** The level of the heading that started the question; undefined when a paragraph started it. */
  headingLevel?: number;
  /** The question's own markdown when the block that started it holds it (a `Q:` paragraph, a bold question). */
  prompt?: string;
  /** Which layout started it, for `--explain`. */
  layout: string;
}

/** In these, prose between the question and its answer label was always part of the answer; only code moves. */
const BUNDLED_LAYOUTS = new Set(['numbered headings', '面试题 labels', 'bold numbered questions']);

export class QuestionDraft {
  private readonly parts: Record<Exclude<Part, 'example'>, string[]> = { prompt: [], answer: [], analysis: [] };
  private readonly code: CodeBlock[] = [];
  /** Text before any label is the answer: a bank that only gives a heading and prose answers it that way. */
  private part: Part = 'answer';
  private parenthetical: string | undefined;
  /** Prose of the current example section not yet attached to a code block. */
  private pendingCaption: string[] = [];
  private codeInSection = 0;
  /** Until the first label, blocks as the bank wrote them: if that label opens the answer, they were the prompt. */
  private beforeLabel: { markdown: string[]; code: number; lines?: LineRange } | undefined = { markdown: [], code: 0 };
  readonly lines: PartLines = {};
  /** The last line any block of the question reached. */
  end: number;
  /** Numbered headings inside the question's body: many of them suggest a section holding questions. */
  numberedHeadings = 0;

  constructor(readonly start: DraftStart) {
    this.end = start.line;
  }

  /** Whether any block has gone into the question yet. */
  hasParts(): boolean {
    return this.end > this.start.line || this.code.length > 0 || Object.values(this.parts).some((part) => part.length > 0);
  }

  /** A question whose heading only numbers it (`## Question 5`): its first paragraph is the question's text. */
  ask(title: string, markdown: string, lines: LineRange): void {
    this.start.title = title;
    this.start.prompt = markdown;
    this.note('prompt', lines);
  }

  /** Starts the part a label introduces; `rest` is the text after the label in the same block. */
  label(kind: Part, rest: string, parenthetical: string | undefined, lines: LineRange): void {
    const before = this.beforeLabel;
    if (before && kind === 'answer' && before.markdown.length > 0 && (before.code > 0 || !BUNDLED_LAYOUTS.has(this.start.layout))) {
      this.moveToPrompt(before);
    }
    this.beforeLabel = undefined;
    this.endPart();
    this.part = kind;
    this.parenthetical = parenthetical;
    if (rest) this.addProse(rest, lines);
    else this.end = Math.max(this.end, lines[1]);
  }

  addProse(markdown: string, lines: LineRange): void {
    if (!markdown) return;
    this.note(this.part === 'example' ? 'code' : this.part, lines);
    this.beforeLabel?.markdown.push(markdown);
    if (this.part === 'example') this.pendingCaption.push(markdown);
    else this.parts[this.part].push(markdown);
  }

  /**
   * Every fence goes to `code`; in an example section, the prose before it (or the label's parenthetical) is its
   * caption. `truncated`: the bank never closed the fence.
   */
  addCode(info: string, content: string, truncated: boolean, markdown: string, lines: LineRange): void {
    this.note('code', lines);
    if (this.beforeLabel) {
      this.beforeLabel.markdown.push(markdown);
      this.beforeLabel.code++;
    }
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
    this.lines.prompt ??= [this.start.line, this.start.line];
    const question: RawQuestion = {
      line: this.start.line,
      title,
      prompt: prompt || this.start.prompt || title,
      answer,
      analysis,
      code: this.code,
      hasReference: answer !== '' || analysis !== '' || this.code.length > 0,
    };
    if (this.start.number !== undefined) question.number = this.start.number;
    if (this.start.section) question.section = this.start.section;
    return question;
  }

  /**
   * Code and prose between the question's start and its answer label belong to the question: the prompt is the
   * question's own text followed by them, fences included, and those fences are not reference code.
   */
  private moveToPrompt(before: { markdown: string[]; code: number }): void {
    const own = this.parts.prompt.length > 0 ? this.parts.prompt : [this.start.prompt ?? this.start.title];
    this.parts.prompt = [...own, ...before.markdown];
    this.parts.answer = [];
    this.code.splice(0, before.code);
    const answer = this.lines.answer;
    const code = this.lines.code;
    this.lines.prompt = [this.lines.prompt?.[0] ?? this.start.line, Math.max(answer?.[1] ?? 0, code?.[1] ?? 0)];
    delete this.lines.answer;
    if (before.code > 0) delete this.lines.code;
  }

  private note(part: keyof PartLines, lines: LineRange): void {
    const range = this.lines[part];
    this.lines[part] = range ? [Math.min(range[0], lines[0]), Math.max(range[1], lines[1])] : [...lines];
    this.end = Math.max(this.end, lines[1]);
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
