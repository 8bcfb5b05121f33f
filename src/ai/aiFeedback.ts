// The optional AI review: whether it is offered (the `dojo.ai.enabled` setting and an available chat model, mirrored in
// the `dojo.aiAvailable` context key), and one review streamed from the chat backend. Nothing is sent until the user
// asks (the panel's button or the command).
import * as vscode from 'vscode';
import { affects, aiEnabled } from '../config';
import type { AiReviewer, AiReviewOutcome } from '../context';
import type { Question } from '../core/model';
import { MAX_REVIEW_LENGTH, reviewLanguage, reviewRequest } from '../core/ai/reviewRequest';
import { aiErrorMessage, emptyReplyMessage } from './aiErrors';
import type { ChatBackend } from './chatBackend';

export const AI_AVAILABLE_CONTEXT_KEY = 'dojo.aiAvailable';

export interface AiFeedbackDeps {
  backend: ChatBackend;
  /** The key points of the question's reference answer, named in the request. */
  keyPoints: (question: Question) => string[];
  log: vscode.LogOutputChannel;
}

export class AiFeedback implements AiReviewer, vscode.Disposable {
  private backend: ChatBackend;
  private backendSubscription: vscode.Disposable;
  private isAvailable = false;
  /** Counts refreshes, so that an older answer of `models()` never overrides a newer one. */
  private refreshes = 0;
  private readonly availabilityEmitter = new vscode.EventEmitter<boolean>();
  private readonly disposables: vscode.Disposable[] = [this.availabilityEmitter];

  readonly onDidChangeAvailability = this.availabilityEmitter.event;

  constructor(private readonly deps: AiFeedbackDeps) {
    this.backend = deps.backend;
    this.backendSubscription = this.backend.onDidChange(() => void this.refresh());
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => affects(event, 'ai.enabled') && void this.refresh()));
    void this.refresh();
  }

  get available(): boolean {
    return this.isAvailable;
  }

  /**
   * Replaces the chat backend (the integration and end-to-end tests inject a stub through the extension's API);
   * disposing the result puts the previous one back.
   */
  useBackend(backend: ChatBackend): vscode.Disposable {
    const previous = this.backend;
    this.swap(backend);
    return { dispose: () => this.backend === backend && this.swap(previous) };
  }

  /** Rechecks the setting and the models; resolves once the context key and the listeners have the result. */
  async refresh(): Promise<boolean> {
    const refresh = ++this.refreshes;
    let available = false;
    if (aiEnabled()) {
      try {
        available = (await this.backend.models()).length > 0;
      } catch (error) {
        this.deps.log.warn(`AI review: listing the language models failed: ${String(error)}`);
      }
    }
    if (refresh !== this.refreshes) return this.isAvailable;
    await vscode.commands.executeCommand('setContext', AI_AVAILABLE_CONTEXT_KEY, available);
    if (available !== this.isAvailable) {
      this.isAvailable = available;
      this.availabilityEmitter.fire(available);
    }
    return available;
  }

  async review(question: Question, attempt: string, token: vscode.CancellationToken, onText: (text: string) => void): Promise<AiReviewOutcome> {
    const request = reviewRequest(
      { title: question.title, prompt: question.prompt, reference: question.answer, keyPoints: this.deps.keyPoints(question), attempt },
      reviewLanguage(vscode.env.language),
    );
    let text = '';
    try {
      for await (const chunk of this.backend.send([request], token)) {
        if (token.isCancellationRequested) break;
        text = (text + chunk).slice(0, MAX_REVIEW_LENGTH);
        onText(text);
        if (text.length === MAX_REVIEW_LENGTH) break;
      }
    } catch (error) {
      if (token.isCancellationRequested) return { status: 'cancelled', text };
      this.deps.log.warn(`AI review of ${question.id} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      return { status: 'failed', text, message: aiErrorMessage(error) };
    }
    if (token.isCancellationRequested) return { status: 'cancelled', text };
    if (text.trim() === '') return { status: 'failed', text, message: emptyReplyMessage() };
    return { status: 'done', text };
  }

  dispose(): void {
    this.backendSubscription.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private swap(backend: ChatBackend): void {
    this.backendSubscription.dispose();
    this.backend = backend;
    this.backendSubscription = backend.onDidChange(() => void this.refresh());
    void this.refresh();
  }
}
