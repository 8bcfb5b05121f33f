// The practice panel's HTML shell: static markup with localized labels, a strict CSP, and the script and styles
// as files. Question content arrives later by message, as markdown the script renders. Pure string building, no `vscode` import.
import { escapeHtml } from '../core/render/escapeHtml';
import { MAX_ATTEMPT_LENGTH, MAX_NOTE_LENGTH, type RenderSettings } from './protocol';

/** The static labels, already localized by the extension (the webview does not translate). */
export interface PanelLabels {
  documentTitle: string;
  loading: string;
  attempt: string;
  attemptPlaceholder: string;
  actions: string;
  navigation: string;
  reveal: string;
  openCode: string;
  blank: string;
  star: string;
  back: string;
  forward: string;
  previous: string;
  next: string;
  random: string;
  noReference: string;
  reference: string;
  practiseAgain: string;
  undoGrade: string;
  layout: string;
  grades: string;
  note: string;
  editNote: string;
  saveNote: string;
  cancelNote: string;
  notePlaceholder: string;
  askAi: string;
  cancelAi: string;
  aiReview: string;
  selfCheck: string;
  /** The headings of the self-check's groups: missed first. */
  checkMissed: string;
  checkPartly: string;
  checkCovered: string;
  /** Under the self-check: what it is and is not. */
  checkNote: string;
  mockBar: string;
  mockSkip: string;
  mockNext: string;
  mockEnd: string;
  mockRetry: string;
  mockExport: string;
}

/** Strings the script shows at run time. */
export interface ScriptStrings {
  saving: string;
  saved: string;
  missing: string;
  /** The Star button's label when the question is not starred, … */
  star: string;
  /** … its label when it is, … */
  starred: string;
  /** … and what pressing it then does (its tooltip). */
  unstar: string;
  reveal: string;
  hide: string;
  /** `{0}` of `{1}`. */
  reviewPosition: string;
  /** With `{0}` = how many. */
  earlierAttempts: string;
  gradeHintFour: string;
  gradeHintTwo: string;
  sideBySide: string;
  stacked: string;
  noNote: string;
  /** The AI review's status line while the model has not answered yet … */
  aiWaiting: string;
  /** … while it streams in … */
  aiStreaming: string;
  /** … and after the user cancelled it. */
  aiCancelled: string;
  /** The self-check while the term rarities are counted … */
  checkWaiting: string;
  /** … when there is no reference answer to check against … */
  checkNoReference: string;
  /** … and its summary: `{0}` the coverage in percent, `{1}` covered, `{2}` partly, `{3}` missed. */
  checkSummary: string;
  /** `{0}` = the grade's label. */
  checkSuggestion: string;
  /** `{0}` = "Variant 2/3". */
  checkAgainst: string;
  /** `{0}` = the terms, listed. */
  checkFound: string;
  checkNotFound: string;
  /** The mark on the suggested grade button. */
  suggested: string;
  /** The mock interview's clock: `{0}` = "12:04". */
  mockLeft: string;
  mockElapsed: string;
  mockTimeUp: string;
  /** The summary's headings per question. */
  mockAttempt: string;
  mockReference: string;
  mockNoAttempt: string;
  mockNoReference: string;
  /** The grade buttons' group in the summary: `{0}` = the question's title. */
  mockGradeGroup: string;
}

export interface Typography {
  /** `markdown.preview.fontSize`, px. */
  fontSize: number;
  /** `markdown.preview.lineHeight`, a multiplier. */
  lineHeight: number;
}

export interface PracticeHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /** media/base.css, then the page's own stylesheet. */
  baseStyleUri: string;
  styleUri: string;
  katexStyleUri: string;
  /** BCP 47 language of the labels (`vscode.env.language`). */
  lang: string;
  /** The panel's key, which the script keeps in its state for the serializer. */
  panelKey: string;
  labels: PanelLabels;
  strings: ScriptStrings;
  typography: Typography;
  /** What the script renders bank content with; its `allowRemoteImages` also opens the CSP to `https:` images. */
  render: RenderSettings;
}

export function contentSecurityPolicy(cspSource: string, nonce: string, allowRemoteImages: boolean): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} ${allowRemoteImages ? 'https: ' : ''}data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** The panel's document. Shortcut labels are filled in by the script, which knows the user's keyboard platform. */
export function practiceHtml(input: PracticeHtmlInput): string {
  const { labels: l } = input;
  const a = escapeHtml;
  const button = (id: string, label: string, keys: string, extra = '') =>
    `<button type="button" id="${id}" data-keys="${keys}"${extra}><span class="label">${a(label)}</span> <kbd></kbd></button>`;
  return `<!DOCTYPE html>
<html lang="${a(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(input.cspSource, input.nonce, input.render.allowRemoteImages))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(input.katexStyleUri)}">
<link rel="stylesheet" href="${a(input.baseStyleUri)}">
<link rel="stylesheet" href="${a(input.styleUri)}">
<title>${a(l.documentTitle)}</title>
</head>
<body data-panel-key="${a(input.panelKey)}" data-strings="${a(JSON.stringify(input.strings))}" data-render="${a(JSON.stringify(input.render))}" data-font-size="${input.typography.fontSize}" data-line-height="${input.typography.lineHeight}">
<main id="practice" aria-busy="true">
<p id="status-line" class="dojo-status" role="status">${a(l.loading)}</p>
<section id="summary" class="dojo-summary" hidden aria-labelledby="summary-title"><h1 id="summary-title"></h1><ul id="summary-lines"></ul>
<div id="mock-summary-actions" class="dojo-actions" hidden>
<button type="button" id="mock-retry" class="primary">${a(l.mockRetry)}</button>
<button type="button" id="mock-export">${a(l.mockExport)}</button>
</div>
<ol id="mock-items" class="dojo-mock-items" hidden></ol>
</section>
<div id="mock-bar" class="dojo-mock-bar" role="group" aria-label="${a(l.mockBar)}" hidden>
<span id="mock-position" class="dojo-mock-position"></span>
<span id="mock-clock" class="dojo-mock-clock" role="timer"></span>
<span class="dojo-mock-buttons">
<button type="button" id="mock-next" class="primary">${a(l.mockNext)}</button>
<button type="button" id="mock-skip">${a(l.mockSkip)}</button>
<button type="button" id="mock-end">${a(l.mockEnd)}</button>
</span>
</div>
<header>
<p class="dojo-meta"><span id="domain"></span><span class="dojo-separator" aria-hidden="true"> · </span><span id="bank"></span></p>
<h1 id="title"></h1>
<p id="review-position" class="dojo-review-position" hidden></p>
</header>
<section id="prompt" class="dojo-markdown" aria-labelledby="title"></section>
<label id="attempt-label" for="attempt">${a(l.attempt)}</label>
<div id="attempt-box" class="dojo-attempt-box">
<div id="attempt-marks" class="dojo-attempt-marks" aria-hidden="true" hidden></div>
<textarea id="attempt" aria-label="${a(l.attempt)}" placeholder="${a(l.attemptPlaceholder)}" rows="8" maxlength="${MAX_ATTEMPT_LENGTH}" spellcheck="false" disabled></textarea>
</div>
<p id="save-status" class="dojo-save-status"></p>
<div class="dojo-actions" role="group" aria-label="${a(l.actions)}">
${button('reveal', l.reveal, 'mod+enter', ' class="primary" aria-expanded="false" aria-controls="answer"')}
<button type="button" id="ask-ai" hidden aria-controls="ai-review"><span class="label">${a(l.askAi)}</span></button>
${button('open-code', l.openCode, 'alt+o', ' hidden')}
${button('blank', l.blank, 'alt+b', ' hidden')}
${button('star', l.star, 'alt+s', ' aria-pressed="false"')}
${button('practise-again', l.practiseAgain, 'alt+p', ' hidden')}
${button('undo-grade', l.undoGrade, 'alt+u', ' hidden')}
<button type="button" id="layout" hidden aria-label="${a(l.layout)}"><span class="label"></span></button>
</div>
<div id="grades" class="dojo-grades" role="group" aria-label="${a(l.grades)}" hidden>
<div id="grade-buttons" class="dojo-grade-buttons"></div>
<p id="grade-hint" class="dojo-grade-hint"></p>
</div>
<section id="self-check" class="dojo-self-check" aria-labelledby="self-check-heading" hidden>
<h2 id="self-check-heading">${a(l.selfCheck)}</h2>
<p id="check-summary" class="dojo-check-summary"></p>
<div id="check-missed" class="dojo-check-group dojo-check-missed" hidden><h3>${a(l.checkMissed)}</h3><ul></ul></div>
<div id="check-partly" class="dojo-check-group dojo-check-partly" hidden><h3>${a(l.checkPartly)}</h3><ul></ul></div>
<div id="check-covered" class="dojo-check-group dojo-check-covered" hidden><h3>${a(l.checkCovered)}</h3><ul></ul></div>
<p id="check-note" class="dojo-check-note">${a(l.checkNote)}</p>
</section>
<p id="no-reference" class="dojo-no-reference" hidden>${a(l.noReference)}</p>
<nav class="dojo-navigation" aria-label="${a(l.navigation)}">
${button('back', l.back, 'alt+arrowleft', ' disabled')}
${button('forward', l.forward, 'alt+arrowright', ' disabled')}
${button('prev', l.previous, 'alt+arrowup')}
${button('random', l.random, 'alt+r')}
${button('next', l.next, 'alt+arrowdown')}
</nav>
<div id="answer" class="dojo-answer">
<section id="reference" class="dojo-markdown" tabindex="-1" aria-label="${a(l.reference)}" hidden></section>
<section id="ai-review" class="dojo-ai-review" aria-labelledby="ai-review-heading" aria-busy="false" hidden>
<h2 id="ai-review-heading">${a(l.aiReview)}</h2>
<p id="ai-status" class="dojo-ai-status" role="status"></p>
<div id="ai-text" class="dojo-markdown"></div>
<button type="button" id="ai-cancel" hidden>${a(l.cancelAi)}</button>
</section>
<section id="note" class="dojo-note-section" aria-labelledby="note-heading" hidden>
<h2 id="note-heading">${a(l.note)}</h2>
<div id="note-view" class="dojo-markdown"></div>
<textarea id="note-editor" aria-labelledby="note-heading" placeholder="${a(l.notePlaceholder)}" rows="5" maxlength="${MAX_NOTE_LENGTH}" hidden></textarea>
<div class="dojo-note-actions">
<button type="button" id="note-edit">${a(l.editNote)}</button>
<button type="button" id="note-save" class="primary" hidden>${a(l.saveNote)}</button>
<button type="button" id="note-cancel" hidden>${a(l.cancelNote)}</button>
</div>
</section>
</div>
<details id="history" class="dojo-history" hidden>
<summary id="history-summary"></summary>
<ol id="history-list"></ol>
</details>
</main>
<script nonce="${a(input.nonce)}" src="${a(input.scriptUri)}"></script>
</body>
</html>`;
}

/** 128 random bits as hex, for the CSP nonce (web crypto: available in Node 20 and in browsers). */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
