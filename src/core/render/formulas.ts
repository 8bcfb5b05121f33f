// Every formula of a document goes through one FormulaRenderer, which keeps KaTeX from freezing the editor on a
// hostile bank: a macro repeated a few levels deep made a 2 KB formula take over a minute, and KaTeX's layout grows
// quadratically with a formula's length. Whatever is not rendered is shown as its source, with a note saying why.
import katex from 'katex';
import { escapeHtml } from './escapeHtml';

/** Longer formulas are shown as source. Real formulas are far shorter; KaTeX takes milliseconds at this length. */
export const MAX_FORMULA_LENGTH = 2000;
/** Once a document's formulas have taken this long, the rest are shown as source. */
export const FORMULA_BUDGET_MS = 250;

/**
 * HTML output only (the webview loads KaTeX's stylesheet); `strict: 'ignore'` because the banks put Chinese in
 * formulas, which KaTeX would otherwise report on the console for every render. `trust: false` keeps `\href` and
 * friends inert. `maxExpand` bounds the expansions of KaTeX's built-in macros, far above what real formulas need;
 * `maxSize` caps user-given sizes (`\rule{500em}{500em}`, `\kern`) in ems, so a formula cannot cover the panel.
 */
const KATEX_OPTIONS = {
  throwOnError: false,
  output: 'html',
  strict: 'ignore',
  trust: false,
  maxExpand: 500,
  maxSize: 20,
} as const;

/**
 * The commands that define a macro in KaTeX (its functions/def.ts and macros.ts). A user macro is how a short formula
 * expands to millions of tokens, and `maxExpand` alone does not stop it: each expansion may copy a long body. KaTeX
 * has no `\csname`, so a definition always names one of these in the source. (KaTeX's own environments define
 * macros such as `\cr` internally, so refusing writes to the macro table instead would break every matrix.)
 */
// A backslash after an even run of backslashes starts a command (`\\def` is a line break, then the letters "def").
const MACRO_DEFINITION =
  /(?:^|[^\\])(?:\\\\)*\\(?:[gex]?def|global|long|let|futurelet|(?:re)?newcommand|providecommand)(?![a-zA-Z@])/;

/** What the note beside a formula shown as source says, in the UI language. */
export interface FormulaNotes {
  /** The formula is longer than MAX_FORMULA_LENGTH. */
  tooLong: string;
  /** The document's time budget for formulas was spent before this one. */
  outOfTime: string;
  /** It defines macros, which bank formulas may not, or KaTeX gave up on it (nesting too deep for the stack). */
  failed: string;
}

export const DEFAULT_FORMULA_NOTES: FormulaNotes = {
  tooLong: 'Formula too long to render; its source is shown.',
  outOfTime: 'Formula not rendered, to keep the panel responsive; its source is shown.',
  failed: 'Formula could not be rendered; its source is shown.',
};

/** Renders the formulas of one document (a prompt, or a question's reference) under one time budget. */
export class FormulaRenderer {
  private spentMs = 0;

  constructor(
    private readonly notes: FormulaNotes = DEFAULT_FORMULA_NOTES,
    private readonly now: () => number = () => performance.now(),
    private readonly budgetMs = FORMULA_BUDGET_MS,
  ) {}

  /** KaTeX's HTML, KaTeX's own inline report of a parse error, or the source as code with a note; never throws. */
  render(tex: string, displayMode: boolean): string {
    if (tex.length > MAX_FORMULA_LENGTH) return formulaSource(tex, displayMode, this.notes.tooLong);
    if (MACRO_DEFINITION.test(tex)) return formulaSource(tex, displayMode, this.notes.failed);
    if (this.spentMs >= this.budgetMs) return formulaSource(tex, displayMode, this.notes.outOfTime);
    const start = this.now();
    try {
      return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
    } catch {
      // Parse errors are reported inline by KaTeX itself (throwOnError: false); what still throws is the stack giving
      // out on absurd nesting.
      return formulaSource(tex, displayMode, this.notes.failed);
    } finally {
      this.spentMs += this.now() - start;
    }
  }
}

function formulaSource(tex: string, displayMode: boolean, note: string): string {
  const className = displayMode ? 'dojo-formula-source dojo-formula-display' : 'dojo-formula-source';
  return `<span class="${className}"><code>${escapeHtml(tex)}</code> <span class="dojo-note">${escapeHtml(note)}</span></span>`;
}
