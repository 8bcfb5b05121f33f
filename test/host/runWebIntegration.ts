// `npm run test:web`: the web suite (test/web/) inside the browser's web-worker extension host, where the extension
// runs from package.json's `browser` entry as on vscode.dev. Compiles the suite for the browser, opens a web session,
// waits for the results file the suite writes through vscode.workspace.fs, prints mocha's report, the VS Code version
// and `N passed, N failed`.
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt } from './build';
import { compileWebSuite } from './compileWebSuite';
import { openSession } from './session';
import { grepVariable } from './suiteProtocol';
import { reportResults, waitForResults } from './suiteResults';
import { trackedTempDir } from './tempDir';
import { runMain } from './teardown';

runMain(async () => {
  ensureBuilt();
  // Per run, so concurrent runs (two terminals) cannot read each other's results.
  const resultsFile = path.join(trackedTempDir('dojo-web-results-').path, 'results.json');
  const suiteModule = await compileWebSuite({ resultsPath: resultsFile, grep: process.env[grepVariable] });

  let onAutomationExit: (code: number) => void = () => undefined;
  const automationExit = new Promise<number>((resolve) => (onAutomationExit = resolve));
  const session = await openSession({
    name: 'web',
    colorTheme: 'Default Light Modern',
    web: true,
    extensionTestsPath: suiteModule,
    prepare: (page: Page) => page.exposeFunction('codeAutomationExit', (code: number) => onAutomationExit(code)),
  });
  console.log(`Web suite: code-server ${session.server.origin}, workspace ${session.workspaceDir}`);
  try {
    const results = await waitForResults(session, resultsFile, automationExit);
    copyFileSync(resultsFile, path.join(session.logsDir, 'results.json'));
    return reportResults(results);
  } finally {
    await session.close();
  }
});
