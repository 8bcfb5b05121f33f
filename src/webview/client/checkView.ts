// The self-check after Reveal: scores the attempt against the plans the extension sent (one per variant of the
// question; the closest one is shown) as the user types, lists the key points missed first, highlights the matched
// terms in the attempt, and marks the suggested grade button. Scoring is plain matching (src/core/check): cheap
// enough to run on every pause in typing without asking the extension.
import { scoreAttempt, type CheckedPoint, type CheckResult, type PointStatus } from '../../core/check/checkAttempt';
import type { Span } from '../../core/check/matchText';
import { GRADE, type Grade } from '../../core/review/grades';
import type { ScriptStrings } from '../html';
import type { CheckPlanView, CheckShown } from '../protocol';
import type { PanelElements } from './elements';
import { format } from './format';

/** Terms this rare or rarer are named under a point (generic words would only add noise). */
const NOTABLE_WEIGHT = 0.2;
const MAX_TERMS_LISTED = 6;
/** Typing is scored once it pauses this long. */
const SCORE_DELAY_MS = 120;
const MARKS: Record<PointStatus, string> = { missed: '✗', partly: '◐', covered: '✓' };

type CheckState = { kind: 'none' } | { kind: 'waiting' } | { kind: 'plans'; plans: CheckPlanView[] };

export class CheckView {
  private state: CheckState = { kind: 'none' };
  private shown: Omit<CheckShown, 'questionId'> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly el: PanelElements,
    private readonly strings: ScriptStrings,
    /** Called after each update with what is shown. */
    private readonly onShown: (shown: Omit<CheckShown, 'questionId'>) => void,
  ) {
    // The highlights stay under the words they mark while the attempt scrolls or is resized.
    el.attempt.addEventListener('scroll', () => this.alignMarks());
    new ResizeObserver(() => this.alignMarks()).observe(el.attempt);
  }

  /** Revealed: the plans are on their way. */
  waiting(): void {
    this.state = { kind: 'waiting' };
    this.render();
  }

  /** The extension's plans arrived: score the attempt now. */
  setPlans(plans: CheckPlanView[]): void {
    this.state = { kind: 'plans', plans };
    this.render();
  }

  /** Hidden with the answer, or another question shown. */
  clear(): void {
    this.state = { kind: 'none' };
    clearTimeout(this.timer);
    this.render();
  }

  /** The attempt changed: scored again once the typing pauses. */
  attemptChanged(): void {
    if (this.state.kind !== 'plans') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), SCORE_DELAY_MS);
  }

  /** The grade buttons were drawn again: mark the suggested one again. */
  gradesChanged(): void {
    this.markSuggested(this.shown?.suggested);
  }

  private render(): void {
    const el = this.el;
    const state = this.state;
    el.selfCheck.hidden = state.kind === 'none';
    const groups = [el.checkMissed, el.checkPartly, el.checkCovered];
    for (const group of groups) group.hidden = true;
    this.showMarks([]);
    if (state.kind === 'none') {
      this.markSuggested(undefined);
      this.shown = undefined;
      return;
    }
    if (state.kind === 'waiting') {
      el.checkSummary.textContent = this.strings.checkWaiting;
      this.report({ state: 'waiting', summary: this.strings.checkWaiting, points: [], highlighted: [] });
      return;
    }
    const best = closest(state.plans, el.attempt.value);
    if (!best) {
      el.checkSummary.textContent = this.strings.checkNoReference;
      this.report({ state: 'noReference', summary: this.strings.checkNoReference, points: [], highlighted: [] });
      return;
    }
    const { result, label } = best;
    const byStatus = (status: PointStatus) => result.points.filter((point) => point.status === status);
    const missed = byStatus('missed');
    const partly = byStatus('partly');
    const covered = byStatus('covered');
    const suggested = this.suggestedButton(result.suggestedGrade);
    const summary = [
      format(this.strings.checkSummary, String(Math.round(result.coverage * 100)), String(covered.length), String(partly.length), String(missed.length)),
      suggested ? format(this.strings.checkSuggestion, suggested.label) : '',
      label ? format(this.strings.checkAgainst, label) : '',
    ]
      .filter(Boolean)
      .join(' ');
    el.checkSummary.textContent = summary;
    this.fillGroup(el.checkMissed, missed);
    this.fillGroup(el.checkPartly, partly);
    this.fillGroup(el.checkCovered, covered);
    const highlighted = this.showMarks(result.spans);
    this.report({
      state: 'checked',
      summary,
      points: [...missed, ...partly, ...covered].map(({ text, status }) => ({ text, status })),
      highlighted,
      ...(suggested ? { suggested: suggested.grade } : {}),
    });
  }

  private report(shown: Omit<CheckShown, 'questionId'>): void {
    this.shown = shown;
    this.markSuggested(shown.suggested);
    this.onShown(shown);
  }

  private fillGroup(group: HTMLElement, points: CheckedPoint[]): void {
    group.hidden = points.length === 0;
    group.querySelector('ul')?.replaceChildren(...points.map((point) => this.pointItem(point)));
  }

  private pointItem(point: CheckedPoint): HTMLLIElement {
    const item = document.createElement('li');
    const mark = document.createElement('span');
    mark.className = 'dojo-check-mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = MARKS[point.status];
    const text = document.createElement('span');
    text.className = 'dojo-check-point';
    if (point.lead && point.text.startsWith(point.lead)) {
      const lead = document.createElement('strong');
      lead.textContent = point.lead;
      text.append(lead, point.text.slice(point.lead.length));
    } else {
      text.textContent = point.text;
    }
    item.append(mark, text);
    const notable = [...point.terms].filter((term) => term.weight >= NOTABLE_WEIGHT).sort((a, b) => b.weight - a.weight);
    const found = notable.filter((term) => term.found).slice(0, MAX_TERMS_LISTED).map((term) => term.term);
    const missing = notable.filter((term) => !term.found).slice(0, MAX_TERMS_LISTED).map((term) => term.term);
    const lines = [
      point.status !== 'missed' && found.length > 0 ? format(this.strings.checkFound, found.join(', ')) : '',
      point.status !== 'covered' && missing.length > 0 ? format(this.strings.checkNotFound, missing.join(', ')) : '',
    ].filter(Boolean);
    if (lines.length > 0) {
      const terms = document.createElement('span');
      terms.className = 'dojo-check-terms';
      terms.textContent = lines.join(' · ');
      item.append(terms);
    }
    return item;
  }

  /** The grade button standing for the suggestion: with Fail/Pass, Hard is a pass. */
  private suggestedButton(grade: Grade | undefined): { grade: Grade; label: string } | undefined {
    if (grade === undefined) return undefined;
    const buttons = [...this.el.gradeButtons.querySelectorAll<HTMLButtonElement>('button[data-grade]')];
    const find = (wanted: Grade) => buttons.find((button) => Number(button.dataset['grade']) === wanted);
    const button = find(grade) ?? (grade === GRADE.hard ? find(GRADE.good) : undefined);
    if (!button) return undefined;
    const label = button.dataset['label'] ?? '';
    return { grade: Number(button.dataset['grade']) as Grade, label };
  }

  private markSuggested(grade: Grade | undefined): void {
    for (const button of this.el.gradeButtons.querySelectorAll<HTMLButtonElement>('button[data-grade]')) {
      const suggested = grade !== undefined && Number(button.dataset['grade']) === grade;
      button.classList.toggle('dojo-suggested', suggested);
      let badge = button.querySelector('.dojo-suggested-badge');
      if (suggested && !badge) {
        badge = document.createElement('span');
        badge.className = 'dojo-suggested-badge';
        badge.textContent = this.strings.suggested;
        button.append(badge);
      } else if (!suggested) {
        badge?.remove();
      }
    }
  }

  /** Draws the matched spans under the attempt's text; returns the highlighted texts. */
  private showMarks(spans: Span[]): string[] {
    const marks = this.el.attemptMarks;
    const text = this.el.attempt.value;
    marks.hidden = spans.length === 0;
    this.el.attemptBox.classList.toggle('dojo-marked', spans.length > 0);
    if (spans.length === 0) {
      marks.replaceChildren();
      return [];
    }
    const nodes: (string | HTMLElement)[] = [];
    const highlighted: string[] = [];
    let at = 0;
    for (const span of spans) {
      if (span.start > at) nodes.push(text.slice(at, span.start));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(span.start, span.end);
      highlighted.push(mark.textContent);
      nodes.push(mark);
      at = span.end;
    }
    // A final line break still takes a line in the textarea: keep the layer as tall.
    nodes.push(text.slice(at) + (text.endsWith('\n') ? ' ' : ''));
    marks.replaceChildren(...nodes);
    this.alignMarks();
    return highlighted;
  }

  /** The layer takes the textarea's text box (without its scroll bar) and scroll position. */
  private alignMarks(): void {
    const { attempt, attemptMarks: marks } = this.el;
    if (marks.hidden) return;
    const style = getComputedStyle(attempt);
    const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    const scrollBar = attempt.offsetWidth - attempt.clientWidth - borders;
    marks.style.width = `${attempt.offsetWidth - scrollBar}px`;
    marks.style.height = `${attempt.offsetHeight}px`;
    marks.scrollTop = attempt.scrollTop;
  }
}

/** The plan the attempt comes closest to, scored; undefined when no variant has a reference answer. */
function closest(plans: CheckPlanView[], attempt: string): { result: CheckResult; label?: string } | undefined {
  let best: { result: CheckResult; label?: string } | undefined;
  const withPoints = plans.filter((plan) => plan.points.length > 0);
  for (const plan of withPoints) {
    const result = scoreAttempt(plan, attempt);
    if (!best || result.coverage > best.result.coverage) best = { result, ...(withPoints.length > 1 && plan.label ? { label: plan.label } : {}) };
  }
  return best;
}
