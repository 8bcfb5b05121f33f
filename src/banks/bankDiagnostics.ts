// The core's diagnostics for the user's bank files, shown in the Problems panel.
import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../core/model';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class BankDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('interview-dojo');

  /** Replaces what is shown with the diagnostics of `files` (bundled banks are left to the log). */
  show(diagnostics: readonly Diagnostic[], files: readonly { file: string; uri: vscode.Uri }[]): void {
    const uriOf = new Map(files.map((f) => [f.file, f.uri]));
    const byUri = new Map<string, { uri: vscode.Uri; items: vscode.Diagnostic[] }>();
    for (const d of diagnostics) {
      const uri = uriOf.get(d.file);
      if (!uri) continue;
      const line = Math.max(0, d.line - 1);
      const item = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), d.message, SEVERITY[d.severity]);
      item.source = 'Interview Dojo';
      const entry = byUri.get(uri.toString()) ?? { uri, items: [] };
      entry.items.push(item);
      byUri.set(uri.toString(), entry);
    }
    this.collection.clear();
    for (const { uri, items } of byUri.values()) this.collection.set(uri, items);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
