// Mock interviews: start one (length, domains and source chosen in three quick picks, the last choices remembered),
// end it, show the history of sessions, and bring back the current question.
import * as vscode from 'vscode';
import { domainLabel } from '../core/domains';
import { chooseMockQuestions, mockTotals, MOCK_MINUTES, MOCK_QUESTION_COUNTS, parseMockSession, type MockConfig, type MockLength, type MockSource } from '../core/mock/mockSession';
import { clockText } from '../core/mock/clockText';
import { marksOf } from '../state/progressStore';
import { inform, reportEmptyLibrary, type CommandDeps } from './commandDeps';

/** The last choices, offered first next time. */
const LAST_CONFIG_KEY = 'dojo.mock.lastConfig';

/**
 * Starts a mock interview. `arg`, when it is a valid MockConfig (a keybinding's or a test's), skips the quick picks.
 * Resolves to the session started, or undefined when cancelled or nothing matches.
 */
export const startMockInterview = (deps: CommandDeps) => async (arg?: unknown) => {
  const { library, extension, progress } = deps.ctx;
  await library.loaded;
  if (library.practiceItems.length === 0) return reportEmptyLibrary();
  const config = configFrom(arg) ?? (await chooseConfig(deps));
  if (!config) return undefined;
  await extension.globalState.update(LAST_CONFIG_KEY, config);
  const marks = { isDue: (id: string) => deps.due.isDue(id), isSeen: (id: string) => marksOf(progress.get(id)).seen };
  const questions = chooseMockQuestions(library.practiceItems, config, marks, deps.random);
  if (questions.length === 0) {
    inform(deps, vscode.l10n.t('No question matches: choose other domains, or "Any question" as the source.'));
    return undefined;
  }
  return deps.mock.start(config, questions);
};

export const endMockInterview = (deps: CommandDeps) => async () => {
  if (!deps.mock.running) {
    inform(deps, vscode.l10n.t('No mock interview is running.'));
    return;
  }
  await deps.mock.end('early');
};

export const resumeMockInterview = (deps: CommandDeps) => () => deps.mock.resume();

/** Lists the stored sessions, newest first; the one chosen shows its summary. Resolves to its id. */
export const showMockInterviewHistory = (deps: CommandDeps) => async () => {
  const sessions = await deps.mock.history();
  if (sessions.length === 0) {
    inform(deps, vscode.l10n.t('No mock interview yet. Start one with "Dojo: Start Mock Interview...".'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    sessions.map((session) => {
      const totals = mockTotals(session);
      return {
        label: new Date(session.startedAt).toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }),
        description: lengthLabel(session.config.length),
        detail: [
          vscode.l10n.t('Answered: {0} of {1}', totals.answered, totals.questions),
          clockText(totals.spentMs, false),
          ...(totals.coverage === undefined ? [] : [vscode.l10n.t('key points covered: {0}%', Math.round(totals.coverage * 100))]),
        ].join(' · '),
        id: session.id,
      };
    }),
    { title: vscode.l10n.t('Mock Interview History'), placeHolder: vscode.l10n.t('Choose a session to see its summary') },
  );
  if (!picked) return undefined;
  await deps.mock.showSummary(picked.id);
  return picked.id;
};

async function chooseConfig(deps: CommandDeps): Promise<MockConfig | undefined> {
  const last = configFrom(deps.ctx.extension.globalState.get(LAST_CONFIG_KEY));
  const steps = 3;
  const lengths: MockLength[] = [
    ...MOCK_MINUTES.map((minutes): MockLength => ({ kind: 'minutes', minutes })),
    ...MOCK_QUESTION_COUNTS.map((count): MockLength => ({ kind: 'questions', count })),
  ];
  const length = await pickOne(
    lengths.map((value) => ({ label: lengthLabel(value), value, picked: sameLength(value, last?.length) })),
    vscode.l10n.t('Mock Interview ({0}/{1}): Length', 1, steps),
    vscode.l10n.t('How long: a countdown, or a number of questions without one'),
  );
  if (!length) return undefined;

  const locale = vscode.env.language;
  const counts = new Map<string, number>();
  for (const item of deps.ctx.library.practiceItems) counts.set(item.domain, (counts.get(item.domain) ?? 0) + 1);
  const domainItems = deps.ctx.library.domains
    .filter((domain) => counts.has(domain.id))
    .map((domain) => ({ label: domainLabel(domain, locale), description: String(counts.get(domain.id)), id: domain.id, picked: last?.domains.includes(domain.id) ?? false }));
  const domains = await vscode.window.showQuickPick(domainItems, {
    title: vscode.l10n.t('Mock Interview ({0}/{1}): Domains', 2, steps),
    placeHolder: vscode.l10n.t('Choose the domains (none chosen: every domain)'),
    canPickMany: true,
  });
  if (!domains) return undefined;

  const sources: { label: string; detail: string; value: MockSource }[] = [
    { label: vscode.l10n.t('Due first'), detail: vscode.l10n.t('Questions due for review, then ones you have seen, then new ones'), value: 'due' },
    { label: vscode.l10n.t('Not yet seen'), detail: vscode.l10n.t('Only questions you have never attempted or revealed'), value: 'unseen' },
    { label: vscode.l10n.t('Any question'), detail: vscode.l10n.t('Any question of the chosen domains'), value: 'any' },
  ];
  const source = await pickOne(
    sources.map((item) => ({ ...item, picked: item.value === last?.source })),
    vscode.l10n.t('Mock Interview ({0}/{1}): Questions', 3, steps),
    vscode.l10n.t('Which questions to ask'),
  );
  if (!source) return undefined;
  return { length, domains: domains.map((domain) => domain.id), source };
}

/** A single-choice quick pick whose remembered item comes first. */
async function pickOne<T>(items: (vscode.QuickPickItem & { value: T; picked?: boolean })[], title: string, placeHolder: string): Promise<T | undefined> {
  const ordered = [...items.filter((item) => item.picked), ...items.filter((item) => !item.picked)];
  const picked = await vscode.window.showQuickPick(ordered, { title, placeHolder });
  return picked?.value;
}

function lengthLabel(length: MockLength): string {
  return length.kind === 'minutes' ? vscode.l10n.t('{0} minutes', length.minutes) : vscode.l10n.t('{0} questions', length.count);
}

function sameLength(a: MockLength, b: MockLength | undefined): boolean {
  return b !== undefined && a.kind === b.kind && (a.kind === 'minutes' ? a.minutes === (b as typeof a).minutes : a.count === (b as typeof a).count);
}

/** A MockConfig, if `value` is one (checked as a stored session's config is). */
function configFrom(value: unknown): MockConfig | undefined {
  const session = parseMockSession({ id: 'x', config: value, startedAt: 0, items: [], current: 0, shownAt: 0 });
  return session?.config;
}
