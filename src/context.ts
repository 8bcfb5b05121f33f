// The context every command, view and panel receives (like rust-analyzer's Ctx): no module-level singletons.
// extension.ts builds it once in activate() and owns its disposables.
import type * as vscode from 'vscode';
import type { BankIndex, Domain, Question } from './core/model';
import type { SearchIndex } from './core/search';

/** The indexed banks (bundled + `dojo.extraBanks`), reloaded on change. Implemented in src/banks/. */
export interface QuestionLibrary {
  readonly index: BankIndex;
  readonly domains: Domain[];
  /** Questions without `duplicateOf`, in bank order: what the tree, random and search show. */
  readonly practiceItems: readonly Question[];
  readonly search: SearchIndex;
  get(id: string): Question | undefined;
  /** The practice item and its repeats (alternative answers), first one first. */
  variants(id: string): Question[];
  readonly onDidChange: vscode.Event<void>;
  reload(): Promise<void>;
}

/** What the user did with one question. Persisted in globalState; see src/state/. */
export interface QuestionProgress {
  attempt: string;
  attemptedAt?: number;
  revealedAt?: number;
  starred: boolean;
}

export interface ProgressStore {
  get(id: string): QuestionProgress;
  setAttempt(id: string, text: string): Promise<void>;
  markRevealed(id: string): Promise<void>;
  setStarred(id: string, starred: boolean): Promise<void>;
  readonly onDidChange: vscode.Event<string[]>;
}

/** Reference code as editable files. Implemented in src/scratch/. */
export interface ScratchFiles {
  /** Opens (creating on first use, never overwriting) the file for code block `codeIndex` of the question, beside the panel. */
  openReference(question: Question, codeIndex?: number): Promise<vscode.TextEditor | undefined>;
  /** Opens (creating if missing) a blank scratch file for a question without reference code. */
  openBlank(question: Question): Promise<vscode.TextEditor | undefined>;
  /** Asks, then overwrites the scratch file with the reference code. */
  resetToReference(question: Question, codeIndex?: number): Promise<boolean>;
}

/** The practice webview(s). Implemented in src/webview/. */
export interface PracticeView {
  show(questionId: string): Promise<void>;
  /** The question shown in the active practice panel, if any. */
  readonly currentQuestionId: string | undefined;
  reveal(): Promise<void>;
}

export interface DojoContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly library: QuestionLibrary;
  readonly progress: ProgressStore;
  readonly scratch: ScratchFiles;
  readonly practice: PracticeView;
}
