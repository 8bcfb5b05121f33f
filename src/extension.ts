// Composition root. Later work registers the tree, panel and commands here.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dojo.refreshIndex', () => undefined),
  );
}

export function deactivate(): void {}
