// The ids package.json shares with the first-run code (no `vscode` import: the manifest test reads them under Node).

/** The walkthrough's id in package.json `contributes.walkthroughs`. */
export const WALKTHROUGH_ID = 'firstSteps';
/** The view above the Questions view that shows only its welcome content, while nothing has been practised. */
export const GET_STARTED_VIEW_ID = 'dojo.getStarted';

export const FirstRunContextKey = {
  /** No question has been attempted or revealed yet: the Get Started view shows. */
  nothingPractised: 'dojo.nothingPractised',
  /** Some question has a review card, i.e. was graded: the walkthrough's "grade" step is done. */
  graded: 'dojo.graded',
} as const;

/** `<publisher>.<name>#<walkthrough id>`, what `workbench.action.openWalkthrough` takes. */
export function walkthroughRef(extensionId: string): string {
  return `${extensionId}#${WALKTHROUGH_ID}`;
}
