// The chat backend the AI review talks to, as a small interface: the real one is VS Code's language-model API
// (lmChatBackend.ts); tests give a stub.
import type * as vscode from 'vscode';

/** A model the backend can send to (what the user sees is its name). */
export interface ChatModelInfo {
  id: string;
  name: string;
}

export interface ChatBackend {
  /** The models available now; [] when there is none (code-server without a chat extension). */
  models(): Promise<readonly ChatModelInfo[]>;
  /** Fires when the available models may have changed. */
  readonly onDidChange: vscode.Event<void>;
  /**
   * Sends the user messages to the first available model and yields the reply as it streams in. Throws (or the
   * iteration throws) `vscode.LanguageModelError` and other errors; stops early when `token` is cancelled.
   */
  send(messages: readonly string[], token: vscode.CancellationToken): AsyncIterable<string>;
}
