// The panel page's elements, by the ids src/webview/html.ts gives them (tests and the stylesheet use them too).

export type PanelElements = ReturnType<typeof panelElements>;

export function panelElements(doc: Document) {
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`The practice page has no #${id}.`);
    return element as T;
  };
  return {
    main: byId('practice'),
    status: byId('status-line'),
    domain: byId('domain'),
    bank: byId('bank'),
    title: byId('title'),
    prompt: byId('prompt'),
    attemptLabel: byId('attempt-label'),
    attemptBox: byId('attempt-box'),
    attemptMarks: byId('attempt-marks'),
    attempt: byId<HTMLTextAreaElement>('attempt'),
    saveStatus: byId('save-status'),
    reveal: byId<HTMLButtonElement>('reveal'),
    askAi: byId<HTMLButtonElement>('ask-ai'),
    aiReview: byId('ai-review'),
    aiStatus: byId('ai-status'),
    aiText: byId('ai-text'),
    aiCancel: byId<HTMLButtonElement>('ai-cancel'),
    openCode: byId<HTMLButtonElement>('open-code'),
    blank: byId<HTMLButtonElement>('blank'),
    star: byId<HTMLButtonElement>('star'),
    noReference: byId('no-reference'),
    selfCheck: byId('self-check'),
    checkSummary: byId('check-summary'),
    checkMissed: byId('check-missed'),
    checkPartly: byId('check-partly'),
    checkCovered: byId('check-covered'),
    back: byId<HTMLButtonElement>('back'),
    forward: byId<HTMLButtonElement>('forward'),
    prev: byId<HTMLButtonElement>('prev'),
    random: byId<HTMLButtonElement>('random'),
    next: byId<HTMLButtonElement>('next'),
    reference: byId('reference'),
    reviewPosition: byId('review-position'),
    summary: byId('summary'),
    summaryTitle: byId('summary-title'),
    summaryLines: byId('summary-lines'),
    practiseAgain: byId<HTMLButtonElement>('practise-again'),
    undoGrade: byId<HTMLButtonElement>('undo-grade'),
    layout: byId<HTMLButtonElement>('layout'),
    grades: byId('grades'),
    gradeButtons: byId('grade-buttons'),
    gradeHint: byId('grade-hint'),
    note: byId('note'),
    noteView: byId('note-view'),
    noteEditor: byId<HTMLTextAreaElement>('note-editor'),
    noteEdit: byId<HTMLButtonElement>('note-edit'),
    noteSave: byId<HTMLButtonElement>('note-save'),
    noteCancel: byId<HTMLButtonElement>('note-cancel'),
    history: byId<HTMLDetailsElement>('history'),
    historySummary: byId('history-summary'),
    historyList: byId('history-list'),
  };
}
