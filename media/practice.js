// @ts-check
// The practice panel's script. Renders what the extension sends, keeps the attempt in webview state so a reload
// restores it at once, delivers every change of it to the extension at once (which stores it), and handles the
// keyboard shortcuts.
// Message types come from src/webview/protocol.ts; the HTML it fills in comes from src/webview/html.ts.

/** @typedef {import('../src/webview/protocol').HostMessage} HostMessage */
/** @typedef {import('../src/webview/protocol').WebviewMessage} WebviewMessage */
/** @typedef {import('../src/webview/protocol').PracticeState} PracticeState */
/** @typedef {import('../src/webview/protocol').QuestionView} QuestionView */
/** @typedef {import('../src/webview/html').ScriptStrings} ScriptStrings */

(function () {
  /** How long after the extension confirms storing a text its local copy is kept (its own write reaches disk later). */
  const KEEP_CONFIRMED_MS = 2000;
  /** Enough for a burst of typing between two stored texts; older deliveries have been stored or overtaken. */
  const MAX_SENT_HASHES = 500;
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
    back: /** @type {HTMLButtonElement} */ (byId('back')),
    forward: /** @type {HTMLButtonElement} */ (byId('forward')),
    prev: /** @type {HTMLButtonElement} */ (byId('prev')),
    random: /** @type {HTMLButtonElement} */ (byId('random')),
    next: /** @type {HTMLButtonElement} */ (byId('next')),
    reference: byId('reference'),
  };
  /** @type {ScriptStrings} */
  const strings = JSON.parse(document.body.dataset['strings'] ?? '{}');
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

  const panelKey = document.body.dataset['panelKey'];
  /** @type {PracticeState | undefined} */
  let state = vscode.getState();

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
  el.reveal.addEventListener('click', () => withQuestion((questionId) => post({ type: 'reveal', questionId })));
  el.openCode.addEventListener('click', () => withQuestion((questionId) => post({ type: 'openCode', questionId })));
  el.blank.addEventListener('click', () => withQuestion((questionId) => post({ type: 'openBlank', questionId })));
  el.star.addEventListener('click', () =>
    withQuestion((questionId) => {
      const starred = el.star.getAttribute('aria-pressed') !== 'true';
      showStarred(starred);
      post({ type: 'star', questionId, starred });
    }),
  );
  el.back.addEventListener('click', () => navigate('back'));
  el.forward.addEventListener('click', () => navigate('forward'));
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
        if (state?.questionId === questionId) {
          // Texts delivered after this one may still be on their way: they stay recognisable.
          const sent = state.sent ?? [];
          state.sent = sent.slice(sent.lastIndexOf(textHash(text)) + 1);
          state.base = text;
          if (state.attempt === text) {
            state.unsaved = false;
            el.saveStatus.textContent = strings.saved;
          }
          vscode.setState(state);
        }
        return;
      }
    }
  }

  /** @param {Extract<HostMessage, { type: 'show' }>} message */
  function show(message) {
    const question = message.question;
    const same = state?.questionId === question.id;
    // Never replace what the user typed with an older stored copy: unsaved local text wins and is sent again.
    const stored = message.attempt;
    // Never replace what the user typed with an older stored copy: unsaved local text wins and is sent again. But only
    // a copy of the edits that led to what is stored now (the extension has their start, or part of them): a copy left
    // from before the extension stored other text since is stale, and must not overwrite it.
    const storedHash = textHash(stored);
    const copies = [
      same && state?.unsaved === true ? { text: state.attempt, base: state.base, sent: state.sent ?? [] } : undefined,
      unsavedCopy(question.id),
    ];
    const local = copies.find(
      (copy) => copy !== undefined && copy.text !== stored && (copy.base === stored || copy.sent.includes(storedHash)),
    );
    const keepLocal = local !== undefined;
    if (!keepLocal) forgetUnsaved(question.id);
    const attempt = keepLocal ? local.text : stored;
    const wasRevealed = same && state?.revealed === true;
    // Recorded before anything is drawn: this state is what a reload restores, so it must name this question.
    const sent = keepLocal ? [textHash(attempt)] : [];
    state = { panelKey, questionId: question.id, attempt, unsaved: keepLocal, base: stored, sent, revealed: false };
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
    el.back.disabled = !message.canGoBack;
    el.forward.disabled = !message.canGoForward;
    el.reference.replaceChildren();
    el.reference.hidden = true;
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
    el.reference.hidden = false;
    if (state) {
      state.revealed = true;
      vscode.setState(state);
    }
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
      post({ type: 'rendered', questionId: state.questionId, attempt: el.attempt.value, revealed: state.revealed });
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
    state.sent = [...(state.sent ?? []), textHash(state.attempt)].slice(-MAX_SENT_HASHES);
    vscode.setState(state);
    rememberUnsaved(state.questionId, { text: state.attempt, base: state.base, sent: state.sent });
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

  /**
   * @typedef {{ text: string, base: string, sent: number[] }} UnsavedCopy
   * The unsaved text of a question, the stored text it was typed on top of, and hashes of what was delivered since.
   */

  /**
   * @param {string} questionId
   * @returns {UnsavedCopy | undefined}
   */
  function unsavedCopy(questionId) {
    try {
      const copy = JSON.parse(localStorage.getItem(unsavedKey(questionId)) ?? 'null');
      const valid =
        typeof copy?.text === 'string' &&
        typeof copy.base === 'string' &&
        Array.isArray(copy.sent) &&
        copy.sent.length <= MAX_SENT_HASHES &&
        copy.sent.every((/** @type {unknown} */ hash) => Number.isInteger(hash));
      return valid ? { text: copy.text, base: copy.base, sent: copy.sent } : undefined;
    } catch {
      return undefined; // storage unavailable or not our copy: the webview state still carries it across most reloads
    }
  }

  /**
   * @param {string} questionId
   * @param {{ text: string, base: string | undefined, sent: number[] }} copy
   */
  function rememberUnsaved(questionId, copy) {
    if (copy.base === undefined) return;
    try {
      localStorage.setItem(unsavedKey(questionId), JSON.stringify(copy));
    } catch {
      // Full or unavailable: the extension already has the text, and the webview state carries it too.
    }
  }

  /**
   * FNV-1a over the text's UTF-16 code units: recognises a text the extension may have stored without keeping a copy.
   * @param {string} text
   */
  function textHash(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
  }

  /**
   * Removes the local copy: the one whose text is `text` (newer typing stays), or any copy when no text is given.
   * @param {string} questionId
   * @param {string} [text]
   */
  function forgetUnsaved(questionId, text) {
    if (text !== undefined && unsavedCopy(questionId)?.text !== text) return;
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
    const names = { enter: 'Enter', arrowleft: 'ArrowLeft', arrowright: 'ArrowRight', arrowup: 'ArrowUp', arrowdown: 'ArrowDown' };
    const keyName = /** @type {Record<string, string>} */ (names)[key] ?? key.toUpperCase();
    const aria = `${useMeta ? 'Meta' : useCtrl ? 'Control' : 'Alt'}+${keyName}`;
    return { meta: useMeta, ctrl: useCtrl, alt: modifier === 'alt', key: keyName, aria };
  }

  /** @param {ReturnType<typeof parseKeys>} keys */
  function keyLabel(keys) {
    const glyphs = /** @type {Record<string, string>} */ ({ ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' });
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

  /** @param {KeyboardEvent} event */
  function onKeydown(event) {
    // On macOS Option+Arrow moves the caret by word; keep that inside the attempt box.
    const inText = event.target === el.attempt;
    for (const button of shortcutButtons()) {
      const keys = parseKeys(button.dataset['keys'] ?? '');
      if (!matches(event, keys)) continue;
      if (isMac && inText && keys.key.startsWith('Arrow')) return;
      if (button.hidden) return;
      // Handled here: stop it reaching the workbench, which would otherwise also run its own binding for the key
      // (Alt+← with Back disabled would move the editor's history instead).
      event.preventDefault();
      event.stopPropagation();
      if (!button.disabled) button.click();
      return;
    }
  }
})();
