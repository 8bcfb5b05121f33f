// The contract between the harness and the integration suite (test/integration/index.ts), which runs inside
// the extension host: where results go, what they hold, which extension is under test.

export const extensionId = 'interview-dojo.interview-dojo';

/** The environment variable that tells the suite where to write its results. */
export const resultsFileVariable = 'DOJO_TEST_RESULTS';
/** Runs only the tests whose full title matches this regular expression (for working on one suite). */
export const grepVariable = 'DOJO_TEST_GREP';

/** The environment variable that names the window's User settings file (see codeServer.ts stateFolders). */
export const userSettingsFileVariable = 'DOJO_USER_SETTINGS_FILE';

export interface SuiteResults {
  /** `vscode.version` as the extension host sees it. */
  vscodeVersion: string;
  /** Whether the extension under test was found and activated before the tests ran. */
  activation: { ok: true } | { ok: false; error: string };
  tests: TestResult[];
  durationMs: number;
}

export interface TestResult {
  /** Suite titles then the test (or hook) title. */
  titlePath: string[];
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  /** Message and stack of a failure. */
  error?: string;
}
