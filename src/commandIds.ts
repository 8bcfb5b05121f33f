// Every command id in one table. package.json `contributes.commands` must list the same ids (a test checks it).

/** Commands shown in the command palette (category "Dojo"). */
export const PaletteCommand = {
  randomQuestion: 'dojo.randomQuestion',
  randomQuestionInDomain: 'dojo.randomQuestionInDomain',
  searchQuestions: 'dojo.searchQuestions',
  openPracticePanel: 'dojo.openPracticePanel',
  revealAnswer: 'dojo.revealAnswer',
  askAiFeedback: 'dojo.askAiFeedback',
  openReferenceCode: 'dojo.openReferenceCode',
  resetScratch: 'dojo.resetScratch',
  nextQuestion: 'dojo.nextQuestion',
  previousQuestion: 'dojo.previousQuestion',
  back: 'dojo.back',
  forward: 'dojo.forward',
  toggleStar: 'dojo.toggleStar',
  groupBy: 'dojo.groupBy',
  filter: 'dojo.filter',
  refreshIndex: 'dojo.refreshIndex',
  startReview: 'dojo.startReview',
  undoLastGrade: 'dojo.undoLastGrade',
  exportProgress: 'dojo.exportProgress',
  importProgress: 'dojo.importProgress',
  resetProgress: 'dojo.resetProgress',
  startMockInterview: 'dojo.startMockInterview',
  endMockInterview: 'dojo.endMockInterview',
  showMockInterviewHistory: 'dojo.showMockInterviewHistory',
  showProgress: 'dojo.showProgress',
  openWalkthrough: 'dojo.openWalkthrough',
  addBank: 'dojo.addBank',
  explainBank: 'dojo.explainBank',
} as const;

/** Commands for tree items, view title buttons and links: hidden from the palette. */
export const InternalCommand = {
  openQuestion: 'dojo.openQuestion',
  star: 'dojo.star',
  unstar: 'dojo.unstar',
  copyQuestion: 'dojo.copyQuestion',
  groupByDomain: 'dojo.groupByDomain',
  groupByBank: 'dojo.groupByBank',
  filterActive: 'dojo.filterActive',
  showAll: 'dojo.showAll',
  resumeMockInterview: 'dojo.resumeMockInterview',
  /** The Explorer's "Add to Interview Dojo" on bank files and folders. */
  addToBanks: 'dojo.addToBanks',
} as const;

export const CommandId = { ...PaletteCommand, ...InternalCommand } as const;
export type CommandId = (typeof CommandId)[keyof typeof CommandId];
