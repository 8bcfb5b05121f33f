// The practice loop as the panel shows it: grade buttons labelled with the interval each would schedule, earlier
// attempts, the note, the review position, and the end-of-review summary, in the UI language.
import * as vscode from 'vscode';
import { reviewGrades } from '../config';
import type { DojoContext, ReviewSummary } from '../context';
import { GRADE, gradesFor, type Grade } from '../core/review/grades';
import { formatInterval, type IntervalUnits } from '../core/review/intervalLabel';
import { attemptsNewestFirst, type QuestionRecord } from '../core/review/records';
import type { LoopView, SummaryView } from './protocol';

type LoopDeps = Pick<DojoContext, 'review' | 'reviewSession'>;

export function loopView(ctx: LoopDeps, record: QuestionRecord): LoopView {
  const id = record.id;
  const previews = ctx.review.preview(id);
  const units = intervalUnits();
  const mode = reviewGrades();
  const view: LoopView = {
    grades: gradesFor(mode).map((grade) => ({
      grade,
      label: gradeLabel(grade, mode === 'two'),
      interval: formatInterval(previews.find((p) => p.grade === grade)?.intervalMs ?? 0, units),
    })),
    attempts: attemptsNewestFirst(record).map((attempt) => ({
      when: new Date(attempt.startedAt).toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }),
      spent: formatInterval(attempt.spentMs, units),
      grade: attempt.grade === undefined ? vscode.l10n.t('Not graded') : gradeLabel(attempt.grade, false),
      text: attempt.text,
    })),
    note: record.note,
    canUndo: ctx.review.lastGrade?.id === id,
  };
  const position = ctx.reviewSession?.positionOf(id);
  if (position) view.position = position;
  return view;
}

export function summaryView(summary: ReviewSummary): SummaryView {
  const given = ([GRADE.again, GRADE.hard, GRADE.good, GRADE.easy] as const)
    .filter((grade) => summary.grades[grade] > 0)
    .map((grade) => `${gradeLabel(grade, false)} ${summary.grades[grade]}`)
    .join(' · ');
  const lines = [
    vscode.l10n.t('Graded today: {0}', summary.gradedToday),
    vscode.l10n.t('Due tomorrow: {0}', summary.dueTomorrow),
  ];
  if (given !== '') lines.push(vscode.l10n.t('Grades given: {0}', given));
  return { title: vscode.l10n.t('Review finished'), lines };
}

/** Again / Hard / Good / Easy; in two-button mode Fail and Pass (Again and Good). */
export function gradeLabel(grade: Grade, twoButtons: boolean): string {
  if (twoButtons && grade === GRADE.again) return vscode.l10n.t('Fail');
  if (twoButtons && grade === GRADE.good) return vscode.l10n.t('Pass');
  switch (grade) {
    case GRADE.again:
      return vscode.l10n.t('Again');
    case GRADE.hard:
      return vscode.l10n.t('Hard');
    case GRADE.good:
      return vscode.l10n.t('Good');
    case GRADE.easy:
      return vscode.l10n.t('Easy');
  }
}

/** The unit suffixes of interval labels ("10m", "3d"; zh-cn "10分钟", "3天"). */
function intervalUnits(): IntervalUnits {
  return {
    minute: vscode.l10n.t('m'),
    hour: vscode.l10n.t('h'),
    day: vscode.l10n.t('d'),
    month: vscode.l10n.t('mo'),
    year: vscode.l10n.t('y'),
  };
}
