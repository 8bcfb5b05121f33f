// The grades a learner gives after revealing the answer, and the two-button mode.
//
// API for adapters:
// - `Grade` 1–4 and `GRADE` (again 1, hard 2, good 3, easy 4): the same numbers as ts-fsrs' Rating, and the panel's
//   keys 1–4.
// - `GradeMode` (`dojo.review.grades`): `four` or `two`; `gradesFor(mode)` lists the buttons to show, in order
//   (`two` shows Again and Good, labelled Fail and Pass by the adapter).
// - `isGrade(value)` checks a grade coming from the webview.

export type Grade = 1 | 2 | 3 | 4;
export const GRADE = { again: 1, hard: 2, good: 3, easy: 4 } as const satisfies Record<string, Grade>;

export type GradeMode = 'four' | 'two';

const FOUR: readonly Grade[] = [GRADE.again, GRADE.hard, GRADE.good, GRADE.easy];
/** Fail = Again, Pass = Good: Hard is a pass in FSRS, so a two-button learner who passes gets Good. */
const TWO: readonly Grade[] = [GRADE.again, GRADE.good];

export function gradesFor(mode: GradeMode): readonly Grade[] {
  return mode === 'two' ? TWO : FOUR;
}

export function isGrade(value: unknown): value is Grade {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
