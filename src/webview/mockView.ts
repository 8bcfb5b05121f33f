// A mock interview as the practice panel shows it, in the UI language: the bar over a question of a running session
// (position, countdown), and the summary with its totals and, per question, the time spent, the self-check's
// coverage, the attempt beside the reference answer and the grade. The Markdown export uses the same words.
import * as vscode from 'vscode';
import { reviewGrades } from '../config';
import type { MockProgress, QuestionLibrary } from '../context';
import { clockText } from '../core/mock/clockText';
import type { MockMarkdownLabels } from '../core/mock/mockMarkdown';
import { mockTotals, weakOnes, type MockSession } from '../core/mock/mockSession';
import { gradesFor, type Grade } from '../core/review/grades';
import { gradeLabel } from './loopView';
import type { MockSummaryView, MockView } from './protocol';

export function mockView(progress: MockProgress): MockView {
  return {
    sessionId: progress.sessionId,
    position: vscode.l10n.t('Mock interview: question {0} of {1}', progress.index, progress.total),
    ...(progress.remainingMs === undefined ? {} : { remainingMs: Math.round(progress.remainingMs) }),
    elapsedMs: Math.round(progress.elapsedMs),
  };
}

export function mockSummaryView(session: MockSession, library: Pick<QuestionLibrary, 'get'>): MockSummaryView {
  const twoButtons = reviewGrades() === 'two';
  return {
    sessionId: session.id,
    title: mockTitle(session),
    lines: totalLines(session),
    items: session.items.map((item, index) => {
      const question = library.get(item.id);
      return {
        questionId: item.id,
        title: question?.title ?? item.id,
        meta: metaLine(index, item.spentMs, item.coverage, item.grade, item.skipped, twoButtons),
        attempt: item.attempt ?? '',
        answer: question?.hasReference ? question.answer : '',
        ...(item.grade === undefined ? {} : { grade: item.grade }),
      };
    }),
    grades: gradesFor(reviewGrades()).map((grade) => ({ grade, label: gradeLabel(grade, twoButtons) })),
    canRetry: weakOnes(session).length > 0,
  };
}

export function mockMarkdownLabels(session: MockSession): MockMarkdownLabels {
  const twoButtons = reviewGrades() === 'two';
  return {
    title: mockTitle(session),
    totals: totalLines(session),
    attempt: vscode.l10n.t('Your attempt'),
    reference: vscode.l10n.t('Reference answer'),
    noAttempt: vscode.l10n.t('No attempt.'),
    noReference: vscode.l10n.t('This question has no reference answer in its bank.'),
    meta: (index, spentMs, coverage, grade, skipped) => metaLine(index, spentMs, coverage, grade, skipped, twoButtons),
  };
}

/** "Mock interview, 1 Dec 2026, 10:30 (30 minutes)". */
function mockTitle(session: MockSession): string {
  const when = new Date(session.startedAt).toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
  const length = session.config.length;
  const size = length.kind === 'minutes' ? vscode.l10n.t('{0} minutes', length.minutes) : vscode.l10n.t('{0} questions', length.count);
  return vscode.l10n.t('Mock interview, {0} ({1})', when, size);
}

function totalLines(session: MockSession): string[] {
  const totals = mockTotals(session);
  const ended =
    session.endReason === 'time' ? vscode.l10n.t('Ended: the time was up.')
    : session.endReason === 'early' ? vscode.l10n.t('Ended early.')
    : session.endReason === 'done' ? vscode.l10n.t('Ended: every question was answered or skipped.')
    : vscode.l10n.t('Still running.');
  return [
    ended,
    vscode.l10n.t('Answered: {0} of {1}; skipped: {2}; not reached: {3}', totals.answered, totals.questions, totals.skipped, totals.unreached),
    vscode.l10n.t('Time spent: {0}', clockText(totals.spentMs, false)),
    ...(totals.coverage === undefined ? [] : [vscode.l10n.t('Key points covered (self-check): {0}%', Math.round(totals.coverage * 100))]),
  ];
}

function metaLine(index: number, spentMs: number, coverage: number | undefined, grade: Grade | undefined, skipped: boolean, twoButtons: boolean): string {
  return [
    vscode.l10n.t('Question {0}', index + 1),
    clockText(spentMs, false),
    ...(skipped ? [vscode.l10n.t('skipped')] : []),
    ...(coverage === undefined ? [] : [vscode.l10n.t('key points covered: {0}%', Math.round(coverage * 100))]),
    grade === undefined ? vscode.l10n.t('not graded') : gradeLabel(grade, twoButtons),
  ].join(' · ');
}
