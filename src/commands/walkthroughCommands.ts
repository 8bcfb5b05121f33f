// Opening the first-run walkthrough (package.json `contributes.walkthroughs`), from the palette and the Get Started view.
import * as vscode from 'vscode';
import { walkthroughRef } from '../walkthrough/firstRunIds';
import type { CommandDeps } from './commandDeps';

export const openWalkthrough = (deps: CommandDeps) => async (): Promise<void> => {
  // The second argument, toSide = false: the walkthrough takes the editor area, as from the Welcome page.
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughRef(deps.ctx.extension.extension.id), false);
};
