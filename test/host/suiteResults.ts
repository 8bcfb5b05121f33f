// Waiting for a suite that runs inside the extension host (Node's or the browser's) and printing what it reports:
// the results file, or a clear failure when the workbench does not load, code-server exits, the host ends the run
// without results, or the suite takes too long.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { delay } from './codeServer';
import { logTail } from './logTail';
import { printSpecReport, summaryLine } from './report';
import { openSession, type Session, type SessionOptions } from './session';
import { extensionId, type SuiteResults } from './suiteProtocol';
import { HarnessError } from './teardown';

const suiteTimeoutMs = Number(process.env.DOJO_SUITE_TIMEOUT_MS ?? 300_000);
const workbenchTimeoutMs = 90_000;

export async function waitForResults(session: Session, resultsFile: string, automationExit: Promise<number>): Promise<SuiteResults> {
  const logs = path.relative(process.cwd(), session.logsDir);
  const failures = [
    session.page.waitForSelector('.monaco-workbench', { timeout: workbenchTimeoutMs }).then(
      () => new Promise<never>(() => undefined),
      () => {
        throw new HarnessError(`The workbench did not load within ${workbenchTimeoutMs / 1000} s (logs in ${logs}).`);
      },
    ),
    session.server.exited.then((code) => {
      throw new HarnessError(`code-server exited (code ${code}) during the suite:\n${logTail(path.join(session.logsDir, 'code-server.log'), 20)}`);
    }),
    automationExit.then(async (code) => {
      // The results file is written before run() settles; give the file system a moment anyway.
      await delay(1000);
      if (!existsSync(resultsFile)) {
        throw new HarnessError(
          `The extension host ended the test run (exit code ${code}) without writing results: the suite module ` +
            `failed to load or the extension host crashed (see ${logs}/browser-console.log).`,
        );
      }
      return new Promise<never>(() => undefined);
    }),
    delay(suiteTimeoutMs).then(() => {
      throw new HarnessError(`The suite did not finish within ${suiteTimeoutMs / 1000} s (logs in ${logs}).`);
    }),
  ];
  for (const failure of failures) failure.catch(() => undefined);
  return Promise.race([pollForFile(resultsFile), ...failures]);
}

async function pollForFile(file: string): Promise<SuiteResults> {
  while (!existsSync(file)) await delay(250);
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
}

/** Prints mocha's spec report, the VS Code version and `N passed, N failed`; returns the exit code. */
export function reportResults(results: SuiteResults): number {
  console.log('');
  printSpecReport(results.tests, results.durationMs);
  if (!results.activation.ok) {
    console.log(`\nThe extension ${extensionId} failed to activate: ${results.activation.error}`);
  }
  const passed = results.tests.filter((test) => test.state === 'passed').length;
  const failed = results.tests.filter((test) => test.state === 'failed').length;
  if (results.tests.length === 0) console.log('\nThe suite ran no tests: no *.test.ts compiled?');
  console.log(`\nVS Code ${results.vscodeVersion}`);
  console.log(summaryLine(passed, failed));
  return failed === 0 && passed > 0 && results.activation.ok ? 0 : 1;
}

/**
 * Opens a session whose extension host runs the suite at `options.extensionTestsPath`, waits for the results it writes
 * to `resultsFile`, prints them, and returns the exit code. `label` names the suite in the first line printed.
 */
export async function runSuiteSession(label: string, resultsFile: string, options: Omit<SessionOptions, 'prepare'>): Promise<number> {
  // The web workbench calls window.codeAutomationExit(code) when the extension host ends the test run.
  let onAutomationExit: (code: number) => void = () => undefined;
  const automationExit = new Promise<number>((resolve) => (onAutomationExit = resolve));
  const session = await openSession({
    ...options,
    prepare: (page) => page.exposeFunction('codeAutomationExit', (code: number) => onAutomationExit(code)),
  });
  console.log(`${label}: code-server ${session.server.origin}, workspace ${session.workspaceDir}`);
  try {
    const results = await waitForResults(session, resultsFile, automationExit);
    copyFileSync(resultsFile, path.join(session.logsDir, 'results.json'));
    return reportResults(results);
  } finally {
    await session.close();
  }
}
