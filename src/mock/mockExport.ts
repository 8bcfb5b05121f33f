// "Export as Markdown" of a mock interview's summary: asks where (a save dialog, in the workspace folder by default),
// then writes the document the core builds, with the labels in the UI language.
import * as vscode from 'vscode';
import type { QuestionLibrary } from '../context';
import { mockMarkdown } from '../core/mock/mockMarkdown';
import type { MockSession } from '../core/mock/mockSession';
import { mockMarkdownLabels } from '../webview/mockView';

/** The summary as Markdown. */
export function mockSummaryMarkdown(session: MockSession, library: Pick<QuestionLibrary, 'get'>): string {
  return mockMarkdown(
    session,
    (id) => {
      const question = library.get(id);
      return { title: question?.title ?? id, answer: question?.hasReference ? question.answer : '' };
    },
    mockMarkdownLabels(session),
  );
}

/** Asks for a file and writes the summary there; resolves to it, or undefined when the user cancels. */
export async function exportMockSummary(session: MockSession, library: Pick<QuestionLibrary, 'get'>): Promise<vscode.Uri | undefined> {
  const name = `mock-interview-${new Date(session.startedAt).toISOString().slice(0, 16).replace(/[:T]/g, '-')}.md`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Mock Interview Summary'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: { Markdown: ['md'] },
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(mockSummaryMarkdown(session, library)));
  void vscode.window.showInformationMessage(vscode.l10n.t('Mock interview summary saved to {0}.', target.fsPath));
  return target;
}
