// @ts-check
// The practice panel's script. Renders what the extension sends, keeps the attempt in webview state so a reload
// restores it at once, delivers every change of it to the extension at once (which stores it), and handles the
// keyboard shortcuts.
// Message types come from src/webview/protocol.ts; the HTML it fills in comes from src/webview/html.ts.

/** @typedef {import('../src/webview/protocol').HostMessage} HostMessage */
/** @typedef {import('../src/webview/protocol').WebviewMessage} WebviewMessage */
/** @typedef {import('../src/webview/protocol').PracticeState} PracticeState */
/** @typedef {import('../src/webview/protocol').QuestionView} QuestionView */
/** @typedef {import('../src/webview/protocol').LoopView} LoopView */
/** @typedef {import('../src/webview/html').ScriptStrings} ScriptStrings */

(function () {
  /** How long after the extension confirms storing a text its local copy is kept (its own write reaches disk later). */
  const KEEP_CONFIRMED_MS = 2000;
  const vscode = /** @type {import('vscode-webview').WebviewApi<PracticeState>} */ (acquireVsCodeApi());
  /** @param {WebviewMessage} message */
  const post = (message) => vscode.postMessage(message);

  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const el = {
    main: byId('practice'),
    status: byId('status-line'),
    domain: byId('domain'),
    bank: byId('bank'),
    title: byId('title'),
    prompt: byId('prompt'),
    attempt: /** @type {HTMLTextAreaElement} */ (byId('attempt')),
    saveStatus: byId('save-status'),
    reveal: /** @type {HTMLButtonElement} */ (byId('reveal')),
    openCode: /** @type {HTMLButtonElement} */ (byId('open-code')),
    blank: /** @type {HTMLButtonElement} */ (byId('blank')),
    star: /** @type {HTMLButtonElement} */ (byId('star')),
    noReference: byId('no-reference'),
    prev: /** @type {HTMLButtonElement} */ (byId('prev')),
    random: /** @type {HTMLButtonElement} */ (byId('random')),
    next: /** @type {HTMLButtonElement} */ (byId('next')),
    reference: byId('reference'),
    reviewPosition: byId('review-position'),
    summary: byId('summary'),
    summaryTitle: byId('summary-title'),
    summaryLines: byId('summary-lines'),
    practiseAgain: /** @type {HTMLButtonElement} */ (byId('practise-again')),
    undoGrade: /** @type {HTMLButtonElement} */ (byId('undo-grade')),
    layout: /** @type {HTMLButtonElement} */ (byId('layout')),
    grades: byId('grades'),
    gradeButtons: byId('grade-buttons'),
    gradeHint: byId('grade-hint'),
    note: byId('note'),
    noteView: byId('note-view'),
    noteEditor: /** @type {HTMLTextAreaElement} */ (byId('note-editor')),
    noteEdit: /** @type {HTMLButtonElement} */ (byId('note-edit')),
    noteSave: /** @type {HTMLButtonElement} */ (byId('note-save')),
    noteCancel: /** @type {HTMLButtonElement} */ (byId('note-cancel')),
    history: /** @type {HTMLDetailsElement} */ (byId('history')),
    historySummary: byId('history-summary'),
    historyList: byId('history-list'),
  };
  /** @type {ScriptStrings} */
  const strings = JSON.parse(document.body.dataset['strings'] ?? '{}');
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

  const panelKey = document.body.dataset['panelKey'];
  /** @type {PracticeState | undefined} */
  let state = vscode.getState();
  /** The loop view of the question shown (its note, for editing). */
  /** @type {LoopView | undefined} */
  let loop;

  applyTypography(Number(document.body.dataset['fontSize']), Number(document.body.dataset['lineHeight']));
  if (state) {
    // Back from a reload or a hide: the user's text is there before the extension answers.
    el.attempt.value = state.attempt;
    el.attempt.disabled = false;
  }

  window.addEventListener('message', (event) => receive(/** @type {HostMessage} */ (event.data)));
  el.attempt.addEventListener('input', onAttemptInput);
  // The panel took focus (opened from the tree, its tab clicked): put the cursor in the attempt unless the user
  // is already somewhere in the page.
  window.addEventListener('focus', focusAttemptIfIdle);
  document.addEventListener('keydown', onKeydown);
  el.reveal.addEventListener('click', () => withQuestion(toggleAnswer));
  el.practiseAgain.addEventListener('click', () => withQuestion((questionId) => post({ type: 'practiseAgain', questionId })));
  el.undoGrade.addEventListener('click', () => post({ type: 'undoGrade' }));
  el.layout.addEventListener('click', toggleLayout);
  el.noteEdit.addEventListener('click', editNote);
  el.noteCancel.addEventListener('click', closeNoteEditor);
  el.noteSave.addEventListener('click', () =>
    withQuestion((questionId) => {
      const text = el.noteEditor.value;
      post({ type: 'note', questionId, text });
      // The extension answers with the note rendered (a `loop` message).
      if (loop) loop.note = text;
      closeNoteEditor();
    }),
  );
  showLayout();
  el.openCode.addEventListener('click', () => withQuestion((questionId) => post({ type: 'openCode', questionId })));
  el.blank.addEventListener('click', () => withQuestion((questionId) => post({ type: 'openBlank', questionId })));
  el.star.addEventListener('click', () =>
    withQuestion((questionId) => {
      const starred = el.star.getAttribute('aria-pressed') !== 'true';
      showStarred(starred);
      post({ type: 'star', questionId, starred });
    }),
  );
  el.prev.addEventListener('click', () => navigate('previous'));
  el.next.addEventListener('click', () => navigate('next'));
  el.random.addEventListener('click', () => navigate('random'));
  labelShortcuts();
  post({ type: 'ready' });

  /** @param {HostMessage} message */
  function receive(message) {
    switch (message.type) {
      case 'show':
        return show(message);
      case 'missing':
        el.status.textContent = strings.missing;
        el.status.hidden = false;
        el.attempt.disabled = true;
        el.main.setAttribute('aria-busy', 'false');
        return;
      case 'loop':
        if (state?.questionId === message.questionId) showLoop(message.loop);
        return;
      case 'summary':
        return showSummary(message.summary);
      case 'reference':
        if (state?.questionId !== message.questionId) return;
        showReference(message.html);
        // Only when asked here: a reveal from the command palette leaves focus and scrolling alone.
        if (document.hasFocus()) bringReferenceIntoView();
        return rendered();
      case 'starred':
        if (state?.questionId === message.questionId) showStarred(message.starred);
        return;
      case 'saved': {
        const { questionId, text } = message;
        setTimeout(() => forgetUnsaved(questionId, text), KEEP_CONFIRMED_MS);
        if (state?.questionId === questionId && state.attempt === text) {
          state.unsaved = false;
          vscode.setState(state);
          el.saveStatus.textContent = strings.saved;
        }
        return;
      }
    }
  }

  /** @param {Extract<HostMessage, { type: 'show' }>} message */
  function show(message) {
    const question = message.question;
    const same = state?.questionId === question.id;
    // The attempt was just filed (graded, or set aside by "Practise again"): what is typed locally belongs to it.
    if (message.fresh) forgetUnsaved(question.id);
    // Never replace what the user typed with an older stored copy: unsaved local text wins and is sent again.
    const local = message.fresh
      ? undefined
      : ((same && state?.unsaved === true ? state.attempt : undefined) ?? unsavedText(question.id));
    const keepLocal = local !== undefined && local !== message.attempt;
    if (local !== undefined && !keepLocal) forgetUnsaved(question.id, local);
    const attempt = keepLocal ? local : message.attempt;
    const wasRevealed = same && state?.revealed === true && !message.fresh;
    // Recorded before anything is drawn: this state is what a reload restores, so it must name this question.
    state = { panelKey, questionId: question.id, attempt, unsaved: keepLocal, revealed: false, layout: state?.layout };
    vscode.setState(state);

    el.domain.textContent = question.domain;
    el.bank.textContent = question.bank;
    el.title.textContent = question.title;
    setHtml(el.prompt, question.promptHtml);
    el.prompt.hidden = question.promptHtml === '';
    if (el.attempt.value !== attempt) el.attempt.value = attempt;
    el.attempt.disabled = false;
    el.saveStatus.textContent = '';
    el.openCode.hidden = !question.hasCode;
    el.blank.hidden = question.hasCode;
    el.reveal.disabled = !question.hasReference;
    el.noReference.hidden = question.hasReference;
    showStarred(message.starred);
    el.reference.replaceChildren();
    setRevealed(false);
    closeNoteEditor();
    el.main.classList.remove('dojo-summary-mode');
    el.summary.hidden = true;
    showLoop(message.loop);
    if (message.referenceHtml !== undefined) showReference(message.referenceHtml);
    else if (wasRevealed && question.hasReference) post({ type: 'reveal', questionId: question.id });
    el.status.hidden = true;
    el.main.setAttribute('aria-busy', 'false');
    if (keepLocal) post({ type: 'attempt', questionId: question.id, text: attempt });
    focusAttemptIfIdle();
    rendered();
  }

  /** @param {string} html */
  function showReference(html) {
    setHtml(el.reference, html);
    setRevealed(true);
    if (state) {
      state.revealed = true;
      vscode.setState(state);
    }
  }

  /**
   * The Reveal button is a toggle: hiding puts the answer (with the note and the grades) away again, locally and in
   * the extension's record of the panel.
   * @param {string} questionId
   */
  function toggleAnswer(questionId) {
    if (el.reveal.getAttribute('aria-expanded') !== 'true') {
      post({ type: 'reveal', questionId });
      return;
    }
    setRevealed(false);
    if (state) {
      state.revealed = false;
      vscode.setState(state);
    }
    post({ type: 'hide', questionId });
    rendered();
  }

  /** @param {boolean} revealed */
  function setRevealed(revealed) {
    el.reveal.setAttribute('aria-expanded', String(revealed));
    const label = el.reveal.querySelector('.label');
    if (label) label.textContent = revealed ? strings.hide : strings.reveal;
    setTooltip(el.reveal, revealed ? strings.hide : strings.reveal);
    el.reference.hidden = !revealed;
    el.note.hidden = !revealed;
    el.grades.hidden = !revealed || el.gradeButtons.childElementCount === 0;
    el.layout.hidden = !revealed;
    el.main.classList.toggle('dojo-revealed', revealed);
  }

  /** @param {LoopView} view */
  function showLoop(view) {
    loop = view;
    const position = view.position;
    el.reviewPosition.hidden = position === undefined;
    el.reviewPosition.textContent = position
      ? format(strings.reviewPosition, String(position.index), String(position.total))
      : '';
    el.gradeButtons.replaceChildren(
      ...view.grades.map((grade, index) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset['grade'] = String(grade.grade);
        button.className = `dojo-grade dojo-grade-${grade.grade}`;
        const label = document.createElement('span');
        label.className = 'label';
        label.textContent = `${grade.label} · ${grade.interval}`;
        const kbd = document.createElement('kbd');
        kbd.textContent = String(index + 1);
        button.append(label, ' ', kbd);
        button.setAttribute('aria-keyshortcuts', String(index + 1));
        button.title = `${grade.label} · ${grade.interval} (${index + 1})`;
        button.addEventListener('click', () => withQuestion((questionId) => post({ type: 'grade', questionId, grade: grade.grade })));
        return button;
      }),
    );
    el.gradeHint.textContent = view.grades.length === 2 ? strings.gradeHintTwo : strings.gradeHintFour;
    el.grades.hidden = el.reveal.getAttribute('aria-expanded') !== 'true' || view.grades.length === 0;
    el.undoGrade.hidden = !view.canUndo;
    el.practiseAgain.hidden = view.attempts.length === 0;
    if (el.noteEditor.hidden) showNote(view);
    showHistory(view);
  }

  /** @param {LoopView} view */
  function showNote(view) {
    if (view.noteHtml === '') {
      el.noteView.textContent = strings.noNote;
      el.noteView.classList.add('dojo-empty');
    } else {
      setHtml(el.noteView, view.noteHtml);
      el.noteView.classList.remove('dojo-empty');
    }
  }

  function editNote() {
    el.noteEditor.value = loop?.note ?? '';
    el.noteEditor.hidden = false;
    el.noteView.hidden = true;
    el.noteEdit.hidden = true;
    el.noteSave.hidden = false;
    el.noteCancel.hidden = false;
    el.noteEditor.focus();
  }

  function closeNoteEditor() {
    el.noteEditor.hidden = true;
    el.noteView.hidden = false;
    el.noteEdit.hidden = false;
    el.noteSave.hidden = true;
    el.noteCancel.hidden = true;
  }

  /**
   * "Earlier attempts (n)", newest first; the texts are the user's own and are shown as text, never as HTML.
   * @param {LoopView} view
   */
  function showHistory(view) {
    el.history.hidden = view.attempts.length === 0;
    el.historySummary.textContent = format(strings.earlierAttempts, String(view.attempts.length));
    el.historyList.replaceChildren(
      ...view.attempts.map((attempt) => {
        const item = document.createElement('li');
        const meta = document.createElement('p');
        meta.className = 'dojo-attempt-meta';
        meta.textContent = [attempt.when, attempt.spent, attempt.grade].join(' · ');
        const text = document.createElement('pre');
        text.className = 'dojo-attempt-text';
        text.textContent = attempt.text;
        item.append(meta, text);
        return item;
      }),
    );
  }

  /** @param {import('../src/webview/protocol').SummaryView} summary */
  function showSummary(summary) {
    el.summaryTitle.textContent = summary.title;
    el.summaryLines.replaceChildren(
      ...summary.lines.map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );
    el.summary.hidden = false;
    el.main.classList.add('dojo-summary-mode');
    el.main.setAttribute('aria-busy', 'false');
  }

  /** Side by side (when the panel is wide enough) or stacked, remembered in the webview state. */
  function toggleLayout() {
    if (!state) return;
    state.layout = state.layout === 'stacked' ? 'side' : 'stacked';
    vscode.setState(state);
    showLayout();
  }

  function showLayout() {
    const stacked = state?.layout === 'stacked';
    el.main.classList.toggle('dojo-stacked', stacked);
    const label = el.layout.querySelector('.label');
    if (label) label.textContent = stacked ? strings.sideBySide : strings.stacked;
  }

  /**
   * @param {string} template
   * @param {...string} values
   */
  function format(template, ...values) {
    return template.replace(/\{(\d)\}/g, (_, n) => values[Number(n)] ?? '');
  }

  /**
   * Shows the start of the answer without taking the attempt off screen: scrolls only when the answer starts below
   * the fold, and then no further than puts the attempt at the top. Focus moves to the answer (for screen readers)
   * unless the user is writing in the attempt.
   */
  function bringReferenceIntoView() {
    if (document.activeElement !== el.attempt) el.reference.focus({ preventScroll: true });
    const lineHeight = parseFloat(getComputedStyle(el.reference).lineHeight) || 20;
    const referenceTop = el.reference.getBoundingClientRect().top;
    if (referenceTop <= window.innerHeight - 3 * lineHeight) return;
    const attemptTop = byId('attempt-label').getBoundingClientRect().top - lineHeight;
    const by = Math.min(attemptTop, referenceTop - lineHeight);
    if (by > 0) window.scrollBy({ top: by });
  }

  /** @param {boolean} starred */
  function showStarred(starred) {
    el.star.setAttribute('aria-pressed', String(starred));
    const label = el.star.querySelector('.label');
    if (label) label.textContent = starred ? strings.starred : strings.star;
    setTooltip(el.star, starred ? strings.unstar : strings.star);
  }

  /**
   * @param {HTMLButtonElement} button
   * @param {string} text
   */
  function setTooltip(button, text) {
    const kbd = button.querySelector('kbd')?.textContent;
    button.title = kbd ? `${text} (${kbd})` : text;
  }

  /**
   * Inserts HTML from the core renderer (markdown-it with html:false: no raw HTML from the banks gets through).
   * KaTeX sizes formulas with style attributes, which the CSP forbids; the extension moved them to
   * `data-dojo-style` (see src/webview/content.ts) and they are applied here through the CSSOM, which the CSP allows.
   * @param {HTMLElement} container
   * @param {string} html
   */
  function setHtml(container, html) {
    container.innerHTML = html;
    for (const node of /** @type {NodeListOf<HTMLElement>} */ (container.querySelectorAll('[data-dojo-style]'))) {
      node.style.cssText = node.dataset['dojoStyle'] ?? '';
    }
  }

  function rendered() {
    if (state) {
      const earlierAttempts = loop?.attempts.length ?? 0;
      post({ type: 'rendered', questionId: state.questionId, attempt: el.attempt.value, revealed: state.revealed, earlierAttempts });
    }
  }

  /**
   * Every change goes to the extension at once (it keeps the latest text and stores it when the typing pauses), and
   * into the webview state, which carries it across a reload until the extension confirms it stored it.
   */
  function onAttemptInput() {
    if (!state) return;
    state.attempt = el.attempt.value;
    state.unsaved = true;
    vscode.setState(state);
    rememberUnsaved(state.questionId, state.attempt);
    el.saveStatus.textContent = strings.saving;
    post({ type: 'attempt', questionId: state.questionId, text: state.attempt });
  }

  // Unsaved text also goes to localStorage, which the browser writes at once: VS Code saves the webview state
  // (setState) with the window's state, which a browser window does only now and then, so the state can miss what
  // was typed in the last second before a reload. Entries are removed once the extension has stored the text.

  /** @param {string} questionId */
  function unsavedKey(questionId) {
    return `dojo.unsavedAttempt.${questionId}`;
  }

  /** @param {string} questionId */
  function unsavedText(questionId) {
    try {
      return localStorage.getItem(unsavedKey(questionId)) ?? undefined;
    } catch {
      return undefined; // storage unavailable: the webview state still carries it across most reloads
    }
  }

  /**
   * @param {string} questionId
   * @param {string} text
   */
  function rememberUnsaved(questionId, text) {
    try {
      localStorage.setItem(unsavedKey(questionId), text);
    } catch {
      // Full or unavailable: the extension already has the text, and the webview state carries it too.
    }
  }

  /**
   * Removes the local copy if it is still `text` (newer typing stays), or whatever it is when `text` is not given.
   * @param {string} questionId
   * @param {string} [text]
   */
  function forgetUnsaved(questionId, text) {
    if (text !== undefined && unsavedText(questionId) !== text) return;
    try {
      localStorage.removeItem(unsavedKey(questionId));
    } catch {
      // Nothing to clean up then.
    }
  }

  /** Puts the cursor in the attempt when the page has focus but nothing in it is focused. */
  function focusAttemptIfIdle() {
    const idle = !document.activeElement || document.activeElement === document.body;
    if (idle && document.hasFocus() && !el.attempt.disabled) el.attempt.focus();
  }

  /** @param {import('../src/webview/protocol').NavigationDirection} direction */
  function navigate(direction) {
    post({ type: 'navigate', direction });
  }

  /** @param {(questionId: string) => void} action */
  function withQuestion(action) {
    if (state) action(state.questionId);
  }

  /**
   * @param {number} fontSize
   * @param {number} lineHeight
   */
  function applyTypography(fontSize, lineHeight) {
    // CSSOM custom properties, not a style attribute: the CSP allows no inline styles.
    const root = document.documentElement.style;
    if (Number.isFinite(fontSize) && fontSize > 0) root.setProperty('--dojo-font-size', `${fontSize}px`);
    if (Number.isFinite(lineHeight) && lineHeight > 0) root.setProperty('--dojo-line-height', String(lineHeight));
  }

  /** The buttons that have shortcuts, by their `data-keys` (`mod+enter`, `alt+o`, `alt+arrowleft`, …). */
  function shortcutButtons() {
    return /** @type {HTMLButtonElement[]} */ (Array.from(document.querySelectorAll('button[data-keys]')));
  }

  function labelShortcuts() {
    for (const button of shortcutButtons()) {
      const keys = parseKeys(button.dataset['keys'] ?? '');
      const kbd = button.querySelector('kbd');
      if (kbd) kbd.textContent = keyLabel(keys);
      button.setAttribute('aria-keyshortcuts', keys.aria);
      setTooltip(button, button.querySelector('.label')?.textContent ?? '');
    }
  }

  /** @param {string} spec */
  function parseKeys(spec) {
    const [modifier = '', key = ''] = spec.split('+');
    const useMeta = modifier === 'mod' && isMac;
    const useCtrl = modifier === 'mod' && !isMac;
    const names = { enter: 'Enter', arrowleft: 'ArrowLeft', arrowright: 'ArrowRight' };
    const keyName = /** @type {Record<string, string>} */ (names)[key] ?? key.toUpperCase();
    const aria = `${useMeta ? 'Meta' : useCtrl ? 'Control' : 'Alt'}+${keyName}`;
    return { meta: useMeta, ctrl: useCtrl, alt: modifier === 'alt', key: keyName, aria };
  }

  /** @param {ReturnType<typeof parseKeys>} keys */
  function keyLabel(keys) {
    const glyphs = /** @type {Record<string, string>} */ ({ ArrowLeft: '←', ArrowRight: '→' });
    const key = glyphs[keys.key] ?? keys.key;
    if (isMac) return `${keys.meta ? '⌘' : '⌥'}${key}`;
    return `${keys.ctrl ? 'Ctrl' : 'Alt'}+${key}`;
  }

  /**
   * @param {KeyboardEvent} event
   * @param {ReturnType<typeof parseKeys>} keys
   */
  function matches(event, keys) {
    if (event.metaKey !== keys.meta || event.ctrlKey !== keys.ctrl || event.altKey !== keys.alt || event.shiftKey) {
      return false;
    }
    // Letters by physical key: Option+O types "ø" on a Mac keyboard.
    if (keys.key.length === 1) return event.code === `Key${keys.key}`;
    return event.key === keys.key;
  }

  /**
   * Keys 1–4 press the grade buttons (by position: in two-button mode 1 is Fail and 2 is Pass), never while typing.
   * @param {KeyboardEvent} event
   */
  function gradeByKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || el.grades.hidden) return false;
    const target = /** @type {HTMLElement | null} */ (event.target);
    if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.isContentEditable)) return false;
    if (!/^[1-4]$/.test(event.key)) return false;
    const button = /** @type {HTMLButtonElement | undefined} */ (el.gradeButtons.children[Number(event.key) - 1]);
    if (!button) return false;
    event.preventDefault();
    event.stopPropagation();
    button.click();
    return true;
  }

  /** @param {KeyboardEvent} event */
  function onKeydown(event) {
    if (gradeByKey(event)) return;
    // On macOS Option+Arrow moves the caret by word; keep that inside the attempt box.
    const inText = event.target === el.attempt;
    for (const button of shortcutButtons()) {
      const keys = parseKeys(button.dataset['keys'] ?? '');
      if (!matches(event, keys)) continue;
      if (isMac && inText && keys.key.startsWith('Arrow')) return;
      if (button.hidden || button.disabled) return;
      // Handled here: stop it reaching the workbench, which would otherwise also run its own binding for the key.
      event.preventDefault();
      event.stopPropagation();
      button.click();
      return;
    }
  }
})();
