// The core's diagnostics for the user's bank files, shown in the Problems panel.
import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../core/model';

/** How the Problems panel names the extension's diagnostics (the quick fix that explains a file looks for it). */
export const DIAGNOSTIC_SOURCE = 'Interview Dojo';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Diagnostics made, or files updated, between two pauses: a large bank's thousands never block the host at once. */
const PER_SLICE = 500;
const FILES_PER_SLICE = 50;

export class BankDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('interview-dojo');
  private shown = new Map<string, vscode.Uri>();

  /**
   * Replaces what is shown with the diagnostics of `files` (bundled banks are left to the log), awaiting `pause` between
   * slices. Files are replaced one by one, so nothing flickers away meanwhile.
   */
  async show(diagnostics: readonly Diagnostic[], files: readonly { file: string; uri: vscode.Uri }[], pause: () => Promise<void>): Promise<void> {
    const uriOf = new Map(files.map((f) => [f.file, f.uri]));
    const byUri = new Map<string, { uri: vscode.Uri; items: vscode.Diagnostic[] }>();
    for (const [n, d] of diagnostics.entries()) {
      if (n > 0 && n % PER_SLICE === 0) await pause();
      const uri = uriOf.get(d.file);
      if (!uri) continue;
      const line = Math.max(0, d.line - 1);
      const item = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), d.message, SEVERITY[d.severity]);
      item.source = DIAGNOSTIC_SOURCE;
      const entry = byUri.get(uri.toString()) ?? { uri, items: [] };
      entry.items.push(item);
      byUri.set(uri.toString(), entry);
    }
    for (const [key, uri] of this.shown) {
      if (!byUri.has(key)) this.collection.delete(uri);
    }
    this.shown = new Map([...byUri].map(([key, { uri }]) => [key, uri]));
    for (const [n, { uri, items }] of [...byUri.values()].entries()) {
      if (n > 0 && n % FILES_PER_SLICE === 0) await pause();
      this.collection.set(uri, items);
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}
