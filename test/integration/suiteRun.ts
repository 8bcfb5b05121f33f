// What both suite entries do inside the extension host, the Node one (index.ts) and the browser one
// (test/web/index.ts): activate the extension under test, and collect mocha's results for the harness.
import type Mocha from 'mocha';
import * as vscode from 'vscode';
import { extensionId, type SuiteResults, type TestResult } from '../host/suiteProtocol';

export async function activateExtension(): Promise<SuiteResults['activation']> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) return { ok: false, error: `${extensionId} is not loaded in this extension host` };
  try {
    await extension.activate();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/** Runs mocha through `run` (`mocha.run` of either build) and resolves with every test's outcome. */
export function collectResults(run: (done: () => void) => Mocha.Runner): Promise<TestResult[]> {
  const tests: TestResult[] = [];
  return new Promise((resolve) => {
    try {
      const runner = run(() => resolve(tests));
      runner.on('pass', (test) => tests.push({ titlePath: test.titlePath(), state: 'passed', durationMs: test.duration }));
      runner.on('pending', (test) => tests.push({ titlePath: test.titlePath(), state: 'pending' }));
      runner.on('fail', (test, error) =>
        tests.push({ titlePath: test.titlePath(), state: 'failed', durationMs: test.duration, error: errorText(error) }),
      );
    } catch (error) {
      // A test file that does not load is a failure to report, not a silent hang of the harness.
      tests.push({ titlePath: ['loading the test files'], state: 'failed', error: errorText(error) });
      resolve(tests);
    }
  });
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
