// The command table: every id of commandIds.ts mapped to its factory, registered in one place.
import * as vscode from 'vscode';
import type { NavigationDirection } from '../webview/protocol';
import type { CommandDeps } from './commandDeps';
import { CommandId } from '../commandIds';
import {
  askAiFeedback,
  openPracticePanel,
  openQuestion,
  randomQuestion,
  randomQuestionInDomain,
  revealAnswer,
  stepQuestion,
  travel,
} from './practiceCommands';
import { addBank, explainBank } from './bankCommands';
import { copyQuestion, openReferenceCode, resetScratch, setStar, toggleStar } from './questionCommands';
import { endMockInterview, resumeMockInterview, showMockInterviewHistory, startMockInterview } from './mockCommands';
import { exportProgress, importProgress, resetProgress, showProgress } from './progressCommands';
import { startReview, undoLastGrade } from './reviewCommands';
import { searchQuestions } from './searchCommand';
import { filter, groupBy, groupByFixed, refreshIndex, showAll } from './viewCommands';
import { openWalkthrough } from './walkthroughCommands';

type Handler = (...args: unknown[]) => unknown;
type CommandFactory = (deps: CommandDeps) => Handler;

const COMMANDS: Record<CommandId, CommandFactory> = {
  [CommandId.randomQuestion]: randomQuestion,
  [CommandId.randomQuestionInDomain]: randomQuestionInDomain,
  [CommandId.searchQuestions]: searchQuestions,
  [CommandId.openPracticePanel]: openPracticePanel,
  [CommandId.revealAnswer]: revealAnswer,
  [CommandId.askAiFeedback]: askAiFeedback,
  [CommandId.openReferenceCode]: openReferenceCode,
  [CommandId.resetScratch]: resetScratch,
  [CommandId.nextQuestion]: stepQuestion('next'),
  [CommandId.previousQuestion]: stepQuestion('previous'),
  [CommandId.back]: travel('back'),
  [CommandId.forward]: travel('forward'),
  [CommandId.toggleStar]: toggleStar,
  [CommandId.groupBy]: groupBy,
  [CommandId.filter]: filter,
  [CommandId.refreshIndex]: refreshIndex,
  [CommandId.startReview]: startReview,
  [CommandId.undoLastGrade]: undoLastGrade,
  [CommandId.exportProgress]: exportProgress,
  [CommandId.importProgress]: importProgress,
  [CommandId.resetProgress]: resetProgress,
  [CommandId.startMockInterview]: startMockInterview,
  [CommandId.endMockInterview]: endMockInterview,
  [CommandId.showMockInterviewHistory]: showMockInterviewHistory,
  [CommandId.resumeMockInterview]: resumeMockInterview,
  [CommandId.showProgress]: showProgress,
  [CommandId.openWalkthrough]: openWalkthrough,
  [CommandId.addBank]: addBank,
  [CommandId.addToBanks]: addBank,
  [CommandId.explainBank]: explainBank,
  [CommandId.openQuestion]: openQuestion,
  [CommandId.star]: setStar(true),
  [CommandId.unstar]: setStar(false),
  [CommandId.copyQuestion]: copyQuestion,
  [CommandId.groupByDomain]: groupByFixed('domain'),
  [CommandId.groupByBank]: groupByFixed('bank'),
  [CommandId.filterActive]: filter,
  [CommandId.showAll]: showAll,
};

/** What the practice panel's navigation buttons run: the same handlers as the commands, called directly. */
export function navigationHandlers(deps: CommandDeps): Record<NavigationDirection, () => Promise<unknown>> {
  const handler = (id: CommandId) => () => Promise.resolve(COMMANDS[id](deps)());
  return {
    previous: handler(CommandId.previousQuestion),
    next: handler(CommandId.nextQuestion),
    random: handler(CommandId.randomQuestion),
    back: handler(CommandId.back),
    forward: handler(CommandId.forward),
  };
}

/** Registered before the banks have loaded: a command run meanwhile waits for them (the view shows the progress). */
export function registerAllCommands(deps: CommandDeps): vscode.Disposable[] {
  const { loaded } = deps.ctx.library;
  return Object.entries(COMMANDS).map(([id, factory]) => {
    const handler = factory(deps);
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await loaded;
      return handler(...args);
    });
  });
}
