// `npm run test:integration`: compiles the suite, opens a session whose extension host runs it (see
// test/integration/index.ts), waits for the results file, prints mocha's report, the VS Code version and
// `N passed, N failed`. Fails clearly when the host or workbench does not start, the extension does not
// activate, the suite ends without results or times out.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { delay } from './codeServer';
import { ensureBuilt } from './build';
import { compileSuite } from './compileSuite';
import { logTail } from './logTail';
import { printSpecReport, summaryLine } from './report';
import { openSession, type Session } from './session';
import { extensionId, grepVariable, resultsFileVariable, type SuiteResults } from './suiteProtocol';
import { trackedTempDir } from './tempDir';
import { HarnessError, runMain } from './teardown';

const suiteTimeoutMs = Number(process.env.DOJO_SUITE_TIMEOUT_MS ?? 300_000);
const workbenchTimeoutMs = 90_000;

runMain(async () => {
  ensureBuilt();
  const suiteModule = await compileSuite();
  // Per run, so concurrent runs (two terminals) cannot read each other's results.
  const resultsFile = path.join(trackedTempDir('dojo-results-').path, 'results.json');

  // The web workbench calls window.codeAutomationExit(code) when the extension host ends the test run.
  let onAutomationExit: (code: number) => void = () => undefined;
  const automationExit = new Promise<number>((resolve) => (onAutomationExit = resolve));
  const session = await openSession({
    name: 'integration',
    colorTheme: 'Default Dark Modern',
    extensionTestsPath: suiteModule,
    env: { [resultsFileVariable]: resultsFile, ...(process.env[grepVariable] ? { [grepVariable]: process.env[grepVariable] } : {}) },
    prepare: (page: Page) => page.exposeFunction('codeAutomationExit', (code: number) => onAutomationExit(code)),
  });
  console.log(`Integration suite: code-server ${session.server.origin}, workspace ${session.workspaceDir}`);
  try {
    const results = await waitForResults(session, resultsFile, automationExit);
    copyFileSync(resultsFile, path.join(session.logsDir, 'results.json'));
    return report(results);
  } finally {
    await session.close();
  }
});

async function waitForResults(session: Session, resultsFile: string, automationExit: Promise<number>): Promise<SuiteResults> {
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

function report(results: SuiteResults): number {
  console.log('');
  printSpecReport(results.tests, results.durationMs);
  if (!results.activation.ok) {
    console.log(`\nThe extension ${extensionId} failed to activate: ${results.activation.error}`);
  }
  const passed = results.tests.filter((test) => test.state === 'passed').length;
  const failed = results.tests.filter((test) => test.state === 'failed').length;
  if (results.tests.length === 0) console.log('\nThe suite ran no tests: no test/integration/**/*.test.ts compiled?');
  console.log(`\nVS Code ${results.vscodeVersion}`);
  console.log(summaryLine(passed, failed));
  return failed === 0 && passed > 0 && results.activation.ok ? 0 : 1;
}
