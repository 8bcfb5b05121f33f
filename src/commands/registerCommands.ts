// The command table: every id of commandIds.ts mapped to its factory, registered in one place.
import * as vscode from 'vscode';
import type { CommandDeps } from './commandDeps';
import { CommandId } from '../commandIds';
import {
  openPracticePanel,
  openQuestion,
  randomQuestion,
  randomQuestionInDomain,
  revealAnswer,
  stepQuestion,
} from './practiceCommands';
import { copyQuestion, openReferenceCode, resetScratch, setStar, toggleStar } from './questionCommands';
import { exportProgress, importProgress, resetProgress } from './progressCommands';
import { startReview, undoLastGrade } from './reviewCommands';
import { searchQuestions } from './searchCommand';
import { filter, groupBy, groupByFixed, refreshIndex, showAll } from './viewCommands';

type Handler = (...args: unknown[]) => unknown;
type CommandFactory = (deps: CommandDeps) => Handler;

const COMMANDS: Record<CommandId, CommandFactory> = {
  [CommandId.randomQuestion]: randomQuestion,
  [CommandId.randomQuestionInDomain]: randomQuestionInDomain,
  [CommandId.searchQuestions]: searchQuestions,
  [CommandId.openPracticePanel]: openPracticePanel,
  [CommandId.revealAnswer]: revealAnswer,
  [CommandId.openReferenceCode]: openReferenceCode,
  [CommandId.resetScratch]: resetScratch,
  [CommandId.nextQuestion]: stepQuestion('next'),
  [CommandId.previousQuestion]: stepQuestion('previous'),
  [CommandId.toggleStar]: toggleStar,
  [CommandId.groupBy]: groupBy,
  [CommandId.filter]: filter,
  [CommandId.refreshIndex]: refreshIndex,
  [CommandId.startReview]: startReview,
  [CommandId.undoLastGrade]: undoLastGrade,
  [CommandId.exportProgress]: exportProgress,
  [CommandId.importProgress]: importProgress,
  [CommandId.resetProgress]: resetProgress,
  [CommandId.openQuestion]: openQuestion,
  [CommandId.star]: setStar(true),
  [CommandId.unstar]: setStar(false),
  [CommandId.copyQuestion]: copyQuestion,
  [CommandId.groupByDomain]: groupByFixed('domain'),
  [CommandId.groupByBank]: groupByFixed('bank'),
  [CommandId.filterActive]: filter,
  [CommandId.showAll]: showAll,
};

export function registerAllCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(deps)));
}
