// The progress dashboard: computes its model with the core (src/core/progress/dashboardStats.ts) from the library, the
// review store and the marks, sends it to the open dashboard again whenever one of them changes (a grade while it is
// open), registers the serializer, and answers the page: a domain's questions in one state or a day's reviewed
// questions in a quick pick, the one chosen opened in the practice panel.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { DojoContext } from '../context';
import type { ListedQuestion } from '../core/model';
import { dashboardStats, questionsInState, reviewedOn, type DashboardModel, type ProgressState } from '../core/progress/dashboardStats';
import { systemCalendar, type LocalCalendar } from '../core/progress/localCalendar';
import { domainName, shortBankName } from '../labels';
import { DASHBOARD_VIEW_TYPE, DashboardPanel, type DashboardOwner } from './dashboardPanel';
import type { DashboardWebviewMessage } from './dashboardProtocol';

export interface DashboardDeps {
  ctx: Pick<DojoContext, 'extension' | 'log' | 'library' | 'progress' | 'review'>;
  /** Fires when due states may have changed: a grade, undo, import, reset, the banks, local midnight (the DueTracker). */
  dueChanges: vscode.Event<unknown>;
  /** The review store's clock (tests advance it). */
  now: () => number;
  calendar?: LocalCalendar;
}

/** What the webview reported after drawing a model: what the user now sees. */
export type DashboardReport = Omit<Extract<DashboardWebviewMessage, { type: 'rendered' }>, 'type'>;

export interface QuestionPickItem extends vscode.QuickPickItem {
  id: string;
}

/** Shows the questions to choose from; tests inject one that answers. */
export type QuestionPicker = (items: QuestionPickItem[], options: vscode.QuickPickOptions) => Thenable<QuestionPickItem | undefined>;

export class DashboardController implements DashboardOwner, vscode.Disposable {
  private panel: DashboardPanel | undefined;
  private picker: QuestionPicker = (items, options) => vscode.window.showQuickPick(items, options);
  private readonly renderedEmitter = new vscode.EventEmitter<DashboardReport>();
  private readonly refusedEmitter = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.renderedEmitter, this.refusedEmitter];
  /** Fires when the webview has drawn a model (integration tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;
  /** Fires with the reason when a message from the webview was refused. */
  readonly onDidRefuse = this.refusedEmitter.event;
  private readonly calendar: LocalCalendar;

  constructor(private readonly deps: DashboardDeps) {
    this.calendar = deps.calendar ?? systemCalendar;
    const update = () => void this.update();
    deps.dueChanges(update, null, this.disposables);
    deps.ctx.progress.onDidChange(update, null, this.disposables);
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          this.panel?.dispose();
          this.panel = DashboardPanel.revive(this, panel);
        },
      }),
    );
  }

  get extensionUri(): vscode.Uri {
    return this.deps.ctx.extension.extensionUri;
  }

  get log(): vscode.LogOutputChannel {
    return this.deps.ctx.log;
  }

  /** The open dashboard, if any. */
  get openPanel(): DashboardPanel | undefined {
    return this.panel;
  }

  /** Opens the dashboard, or shows the open one; its page asks for the model once loaded. */
  show(): void {
    this.panel = DashboardPanel.createOrShow(this, this.panel);
  }

  /** The numbers as of now. */
  model(): DashboardModel {
    const { library, review, progress } = this.deps.ctx;
    return dashboardStats({
      questions: library.listed,
      domains: library.domains.map((domain) => ({ id: domain.id, label: domainName(library, domain.id) })),
      cards: review.cards(),
      log: review.reviewLog(),
      seen: (id) => {
        const marks = progress.get(id);
        return marks.attemptedAt !== undefined || marks.revealedAt !== undefined;
      },
      now: this.deps.now(),
      calendar: this.calendar,
    });
  }

  /** Tests answer the quick pick themselves. */
  usePicker(picker: QuestionPicker): void {
    this.picker = picker;
  }

  async handle(panel: DashboardPanel, message: DashboardWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.deps.ctx.review.ready;
        await panel.show(this.model());
        return;
      case 'rendered': {
        const { type: _type, ...report } = message;
        this.renderedEmitter.fire(report);
        return;
      }
      case 'openDomain':
        return this.openDomain(message.domain, message.state);
      case 'openDay':
        return this.openDay(message.date);
    }
  }

  refused(_panel: DashboardPanel, reason: string): void {
    this.refusedEmitter.fire(reason);
  }

  disposed(panel: DashboardPanel): void {
    if (this.panel === panel) this.panel = undefined;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private async update(): Promise<void> {
    if (this.panel === undefined) return;
    await this.deps.ctx.review.ready;
    await this.panel?.show(this.model());
  }

  private async openDomain(domain: string, state: ProgressState): Promise<void> {
    const { library, review } = this.deps.ctx;
    const ids = questionsInState(library.listed, review.cards(), domain, state);
    const stateName = {
      new: vscode.l10n.t('New'),
      learning: vscode.l10n.t('Learning'),
      review: vscode.l10n.t('Review'),
      mastered: vscode.l10n.t('Mastered'),
    }[state];
    await this.pick(ids, vscode.l10n.t('{0}: {1}', domainName(library, domain), stateName), (row) => shortBankName(library, row.document));
  }

  private async openDay(date: string): Promise<void> {
    const { library, review } = this.deps.ctx;
    const ids = reviewedOn(review.reviewLog(), date, this.calendar);
    const day = new Date(`${date}T12:00:00Z`).toLocaleDateString(vscode.env.language, { dateStyle: 'medium', timeZone: 'UTC' });
    await this.pick(ids, vscode.l10n.t('Reviewed on {0}', day), (row) => domainName(library, row.domain));
  }

  /** The questions of `ids` still in the banks, to choose one and open it in the practice panel. */
  private async pick(ids: readonly string[], title: string, describe: (row: ListedQuestion) => string): Promise<void> {
    const rows = new Map(this.deps.ctx.library.listed.map((row) => [row.id, row]));
    const items = ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [{ id, label: row.title, description: describe(row) }] : [];
    });
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: no questions.', title));
      return;
    }
    const picked = await this.picker(items, { title, placeHolder: vscode.l10n.t('Choose a question to practise'), matchOnDescription: true });
    if (picked) await vscode.commands.executeCommand(CommandId.openQuestion, picked.id);
  }
}
