// One practice webview panel: its options and HTML, the question it shows, and its message channel. Messages from
// the webview are checked against the protocol here; only valid ones reach the owner (PracticeViewController).
import * as vscode from 'vscode';
import { VisitHistory } from '../core/visitHistory';
import { renderSettings } from './content';
import { makeNonce, practiceHtml, type Typography } from './html';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from './protocol';

export const PRACTICE_VIEW_TYPE = 'dojo.practice';

export interface PanelOwner {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  handle(panel: PracticePanel, message: WebviewMessage): Promise<void>;
  /** Told after the panel has logged a refused message (tests observe this). */
  refused(panel: PracticePanel, reason: string): void;
  disposed(panel: PracticePanel): void;
  activated(panel: PracticePanel): void;
}

export class PracticePanel {
  /** The question this panel shows (or will show once the banks have loaded). */
  questionId: string | undefined;
  /** Whether the reference is revealed for `questionId` in this panel. */
  revealed = false;
  /** The questions this panel showed, for Back and Forward. */
  history = new VisitHistory();
  /** The folder of the shown question's bank file, which the page may load images from. */
  private bankFolder: vscode.Uri | undefined;
  /** The AI review running in this panel, if any. */
  private aiRequest: vscode.CancellationTokenSource | undefined;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  static create(owner: PanelOwner, column: vscode.ViewColumn): PracticePanel {
    const panel = vscode.window.createWebviewPanel(
      PRACTICE_VIEW_TYPE,
      vscode.l10n.t('Practice'),
      { viewColumn: column, preserveFocus: false },
      webviewOptions(owner.extensionUri),
    );
    return new PracticePanel(panel, owner, makeNonce());
  }

  /**
   * Takes over a panel VS Code restored after a reload (see the serializer in practiceView.ts), under the key its
   * state named (a new one for a state without).
   */
  static revive(owner: PanelOwner, panel: vscode.WebviewPanel, key = makeNonce()): PracticePanel {
    return new PracticePanel(panel, owner, key);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly owner: PanelOwner,
    /** Names this panel for its whole life, across reloads (the record of what it showed last is kept under it). */
    readonly key: string,
  ) {
    panel.webview.options = webviewOptions(owner.extensionUri);
    panel.iconPath = practiceIcon(owner.extensionUri);
    this.render();
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.onDidChangeViewState(() => panel.active && owner.activated(this), null, this.disposables);
    panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw), null, this.disposables);
  }

  /** (Re)builds the page; the webview reloads, restores its state and asks for the question again. */
  render(): void {
    const webview = this.panel.webview;
    const resource = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.owner.extensionUri, ...path));
    webview.html = practiceHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: resource('dist', 'webview', 'practice.js').toString(),
      baseStyleUri: resource('media', 'base.css').toString(),
      styleUri: resource('media', 'practice.css').toString(),
      katexStyleUri: resource('dist', 'katex', 'katex.min.css').toString(),
      lang: vscode.env.language,
      panelKey: this.key,
      labels: {
        documentTitle: vscode.l10n.t('Practice'),
        loading: vscode.l10n.t('Loading question…'),
        attempt: vscode.l10n.t('Your attempt'),
        attemptPlaceholder: vscode.l10n.t('Write your answer here. It is saved as you type.'),
        actions: vscode.l10n.t('Question actions'),
        navigation: vscode.l10n.t('Question navigation'),
        reveal: vscode.l10n.t('Reveal answer'),
        openCode: vscode.l10n.t('Open reference code'),
        blank: vscode.l10n.t('Start blank scratch file'),
        star: vscode.l10n.t('Star'),
        back: vscode.l10n.t('Back'),
        forward: vscode.l10n.t('Forward'),
        previous: vscode.l10n.t('Previous'),
        next: vscode.l10n.t('Next'),
        random: vscode.l10n.t('Random'),
        noReference: vscode.l10n.t('This question has no reference answer in its bank.'),
        reference: vscode.l10n.t('Reference answer'),
        practiseAgain: vscode.l10n.t('Practise again'),
        undoGrade: vscode.l10n.t('Undo grade'),
        layout: vscode.l10n.t('Layout of attempt and answer'),
        grades: vscode.l10n.t('Grade your answer'),
        note: vscode.l10n.t('Your note'),
        editNote: vscode.l10n.t('Edit note'),
        saveNote: vscode.l10n.t('Save note'),
        cancelNote: vscode.l10n.t('Cancel'),
        notePlaceholder: vscode.l10n.t('What to remember about this question (markdown).'),
        askAi: vscode.l10n.t('Ask AI for Feedback'),
        cancelAi: vscode.l10n.t('Cancel'),
        aiReview: vscode.l10n.t('AI feedback'),
        selfCheck: vscode.l10n.t('Self-check'),
        checkMissed: vscode.l10n.t('Points you may have missed'),
        checkPartly: vscode.l10n.t('Partly covered'),
        checkCovered: vscode.l10n.t('Covered'),
        mockBar: vscode.l10n.t('Mock interview'),
        mockSkip: vscode.l10n.t('Skip'),
        mockNext: vscode.l10n.t('Next Question'),
        mockEnd: vscode.l10n.t('End Interview'),
        mockRetry: vscode.l10n.t('Retry the Weak Ones'),
        mockExport: vscode.l10n.t('Export as Markdown'),
        checkNote: vscode.l10n.t('A rough check: it looks for the key terms of each point of the reference answer, not at what your attempt means. You decide the grade.'),
      },
      strings: {
        saving: vscode.l10n.t('Saving…'),
        saved: vscode.l10n.t('Saved'),
        missing: vscode.l10n.t('This question is not in the loaded banks.'),
        star: vscode.l10n.t('Star'),
        starred: vscode.l10n.t('Starred'),
        unstar: vscode.l10n.t('Unstar'),
        reveal: vscode.l10n.t('Reveal answer'),
        hide: vscode.l10n.t('Hide answer'),
        reviewPosition: vscode.l10n.t('Review {0} of {1}'),
        earlierAttempts: vscode.l10n.t('Earlier attempts ({0})'),
        gradeHintFour: vscode.l10n.t('Again = wrong or forgot. Hard = right, but with real effort (it counts as a pass).'),
        gradeHintTwo: vscode.l10n.t('Fail = wrong or forgot. Pass = right, even with effort.'),
        sideBySide: vscode.l10n.t('Side by side'),
        stacked: vscode.l10n.t('Stacked'),
        noNote: vscode.l10n.t('No note yet.'),
        aiWaiting: vscode.l10n.t('Asking the language model…'),
        aiStreaming: vscode.l10n.t('The language model is answering…'),
        aiCancelled: vscode.l10n.t('Cancelled.'),
        checkWaiting: vscode.l10n.t('Checking your attempt…'),
        checkNoReference: vscode.l10n.t('This question has no reference answer to check your attempt against.'),
        checkSummary: vscode.l10n.t('Your attempt covers about {0}% of the key points: {1} covered, {2} partly, {3} missed.'),
        checkSuggestion: vscode.l10n.t('Suggested grade: {0}.'),
        checkAgainst: vscode.l10n.t('Checked against {0}, the closest answer.'),
        checkFound: vscode.l10n.t('Found: {0}'),
        checkNotFound: vscode.l10n.t('Not found: {0}'),
        suggested: vscode.l10n.t('Suggested'),
        mockLeft: vscode.l10n.t('{0} left'),
        mockElapsed: vscode.l10n.t('{0} elapsed'),
        mockTimeUp: vscode.l10n.t('Time is up'),
        mockAttempt: vscode.l10n.t('Your attempt'),
        mockReference: vscode.l10n.t('Reference answer'),
        mockNoAttempt: vscode.l10n.t('No attempt.'),
        mockNoReference: vscode.l10n.t('This question has no reference answer in its bank.'),
        mockGradeGroup: vscode.l10n.t('Grade “{0}”'),
      },
      typography: markdownPreviewTypography(),
      render: renderSettings(),
    });
  }

  /**
   * Lets the page load from the shown question's bank folder and from no other bank's: the folder is one of the
   * resource roots only while the panel shows a question of that bank. New roots reload the page, which then asks for
   * its question again. Returns the folder's webview URL, which relative images resolve against.
   */
  showBankFolder(folder: vscode.Uri | undefined): string | undefined {
    if (folder?.toString() !== this.bankFolder?.toString()) {
      this.bankFolder = folder;
      this.panel.webview.options = webviewOptions(this.owner.extensionUri, folder);
    }
    return folder && this.panel.webview.asWebviewUri(folder).toString();
  }

  /** Starts an AI review here, cancelling the one running: its token is cancelled by `cancelAi` or on dispose. */
  startAi(): vscode.CancellationTokenSource {
    this.cancelAi();
    this.aiRequest = new vscode.CancellationTokenSource();
    return this.aiRequest;
  }

  /** Cancels the AI review running here (the user's Cancel, another question shown). */
  cancelAi(): void {
    this.aiRequest?.cancel();
    this.aiRequest?.dispose();
    this.aiRequest = undefined;
  }

  /** Whether `request` is still the review this panel runs (not cancelled or replaced since). */
  runsAi(request: vscode.CancellationTokenSource): boolean {
    return this.aiRequest === request;
  }

  /** Releases a finished (or cancelled) review; false when another one has replaced it meanwhile. */
  finishAi(request: vscode.CancellationTokenSource): boolean {
    if (this.aiRequest !== request) return this.aiRequest === undefined;
    request.dispose();
    this.aiRequest = undefined;
    return true;
  }

  get html(): string {
    return this.panel.webview.html;
  }

  post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  /** Validates a message as the webview posted it, then hands it to the owner. Exposed for tests. */
  async receive(raw: unknown): Promise<void> {
    const result = parseWebviewMessage(raw);
    if (!result.ok) {
      this.owner.log.warn(`Practice panel: ignored a message from the webview (${result.reason}).`);
      this.owner.refused(this, result.reason);
      return;
    }
    try {
      await this.owner.handle(this, result.message);
    } catch (error) {
      this.owner.log.error(`Practice panel: handling "${result.message.type}" failed: ${String(error)}`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelAi();
    this.owner.disposed(this);
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/**
 * The tab icon, drawn in a colour for each theme kind: an SVG shown as an image cannot follow `currentColor`, and one
 * colour for all is invisible in one High Contrast theme or the other (VS Code shows `dark` in dark and HC dark).
 */
export function practiceIcon(extensionUri: vscode.Uri): { light: vscode.Uri; dark: vscode.Uri } {
  const icon = (name: string) => vscode.Uri.joinPath(extensionUri, 'media', 'icons', name);
  return { light: icon('practice-light.svg'), dark: icon('practice-dark.svg') };
}

function webviewOptions(extensionUri: vscode.Uri, bankFolder?: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  // The stylesheet, the bundled script (built by esbuild.mjs), KaTeX's stylesheet and fonts, and the images of the
  // bank shown; nothing else.
  const roots = ['media', 'dist/webview', 'dist/katex'].map((folder) => vscode.Uri.joinPath(extensionUri, ...folder.split('/')));
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: bankFolder ? [...roots, bankFolder] : roots,
  };
}

/** The prompt and reference read like the markdown preview, so they follow its font settings. */
function markdownPreviewTypography(): Typography {
  const preview = vscode.workspace.getConfiguration('markdown.preview');
  const number = (key: string, fallback: number) => {
    const value = preview.get<unknown>(key);
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return { fontSize: number('fontSize', 14), lineHeight: number('lineHeight', 1.6) };
}
