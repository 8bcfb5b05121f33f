// `npm run test:integration`: compiles the suite, opens a session whose extension host runs it (see
// test/integration/index.ts), waits for the results file, prints mocha's report, the VS Code version and
// `N passed, N failed`. Fails clearly when the host or workbench does not start, the extension does not
// activate, the suite ends without results or times out.
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './build';
import { compileSuite } from './compileSuite';
import { openSession } from './session';
import { grepVariable, resultsFileVariable } from './suiteProtocol';
import { reportResults, waitForResults } from './suiteResults';
import { trackedTempDir } from './tempDir';
import { runMain } from './teardown';

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
    return reportResults(results);
  } finally {
    await session.close();
  }
});
