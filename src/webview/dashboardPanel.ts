// The progress dashboard's webview panel: its options and HTML, and its message channel. One at a time: the owner
// (DashboardController) keeps it and calls `createOrShow`; VS Code restores it after a reload through the serializer
// the owner registers. Messages from the webview are checked against the protocol here; only valid ones reach the owner.
import * as vscode from 'vscode';
import type { DashboardModel } from '../core/progress/dashboardStats';
import { dashboardHtml } from './dashboardHtml';
import { parseDashboardWebviewMessage, type DashboardHostMessage, type DashboardStrings, type DashboardWebviewMessage } from './dashboardProtocol';
import { makeNonce } from './html';

export const DASHBOARD_VIEW_TYPE = 'dojo.progress';

export interface DashboardOwner {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  handle(panel: DashboardPanel, message: DashboardWebviewMessage): Promise<void>;
  /** Told after the panel has logged a refused message (tests observe this). */
  refused(panel: DashboardPanel, reason: string): void;
  disposed(panel: DashboardPanel): void;
}

export class DashboardPanel {
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows `current` if there is one, else opens a new dashboard in the active editor group. */
  static createOrShow(owner: DashboardOwner, current: DashboardPanel | undefined): DashboardPanel {
    if (current && !current.disposed) {
      current.panel.reveal();
      return current;
    }
    const panel = vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE,
      vscode.l10n.t('Progress'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      webviewOptions(owner.extensionUri),
    );
    return new DashboardPanel(panel, owner);
  }

  /** Takes over a dashboard VS Code restored after a reload (its state holds only the last model drawn). */
  static revive(owner: DashboardOwner, panel: vscode.WebviewPanel): DashboardPanel {
    return new DashboardPanel(panel, owner);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly owner: DashboardOwner,
  ) {
    panel.webview.options = webviewOptions(owner.extensionUri);
    const webview = panel.webview;
    const resource = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(owner.extensionUri, ...path)).toString();
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: resource('dist', 'webview', 'dashboard.js'),
      baseStyleUri: resource('media', 'base.css'),
      styleUri: resource('media', 'dashboard.css'),
      lang: vscode.env.language,
      strings: dashboardStrings(),
    });
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    webview.onDidReceiveMessage((raw: unknown) => this.receive(raw), null, this.disposables);
  }

  get html(): string {
    return this.panel.webview.html;
  }

  show(model: DashboardModel): Thenable<boolean> {
    const message: DashboardHostMessage = { type: 'stats', model };
    return this.panel.webview.postMessage(message);
  }

  /** Validates a message as the webview posted it, then hands it to the owner. Exposed for tests. */
  async receive(raw: unknown): Promise<void> {
    const result = parseDashboardWebviewMessage(raw);
    if (!result.ok) {
      this.owner.log.warn(`Progress dashboard: ignored a message from the webview (${result.reason}).`);
      this.owner.refused(this, result.reason);
      return;
    }
    try {
      await this.owner.handle(this, result.message);
    } catch (error) {
      this.owner.log.error(`Progress dashboard: handling "${result.message.type}" failed: ${String(error)}`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.owner.disposed(this);
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  // The stylesheet and the bundled script (built by esbuild.mjs); nothing else.
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

function dashboardStrings(): DashboardStrings {
  return {
    title: vscode.l10n.t('Progress'),
    loading: vscode.l10n.t('Loading progress…'),
    practised: vscode.l10n.t('{0} of {1} questions practised'),
    dueToday: vscode.l10n.t('{0} due today'),
    streak: vscode.l10n.t('Days in a row: {0}'),
    domainsHeading: vscode.l10n.t('By domain'),
    masteredHint: vscode.l10n.t('Mastered: in review with a memory stability of at least 21 days. Choose a part of a bar to list its questions.'),
    new: vscode.l10n.t('New'),
    learning: vscode.l10n.t('Learning'),
    review: vscode.l10n.t('Review'),
    mastered: vscode.l10n.t('Mastered'),
    segment: vscode.l10n.t('{0}, {1}: {2} questions'),
    heatmapHeading: vscode.l10n.t('Reviews in the last year'),
    heatmapDay: vscode.l10n.t('{0} — reviews: {1}'),
    heatmapSummary: vscode.l10n.t('Reviews: {0}, days with reviews: {1}. Choose a day to list its questions.'),
    less: vscode.l10n.t('Less'),
    more: vscode.l10n.t('More'),
    forecastHeading: vscode.l10n.t('Due in the next 30 days'),
    forecastDay: vscode.l10n.t('{0}: {1} due'),
    retentionHeading: vscode.l10n.t('Retention in the last 30 days'),
    retentionValue: vscode.l10n.t('{0}% not graded Again (reviews: {1})'),
    retentionNone: vscode.l10n.t('No reviews in the last 30 days.'),
    showTable: vscode.l10n.t('Show as table'),
    domain: vscode.l10n.t('Domain'),
    total: vscode.l10n.t('Total'),
    date: vscode.l10n.t('Date'),
    reviews: vscode.l10n.t('Reviews'),
    due: vscode.l10n.t('Due'),
  };
}
