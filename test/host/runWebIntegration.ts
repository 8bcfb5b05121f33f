// `npm run test:web`: the web suite (test/web/) inside the browser's web-worker extension host, where the extension
// runs from package.json's `browser` entry as on vscode.dev. Compiles the suite for the browser, opens a web session,
// waits for the results file the suite writes through vscode.workspace.fs, prints mocha's report, the VS Code version
// and `N passed, N failed`.
import * as path from 'node:path';
import { ensureBuilt } from './build';
import { compileWebSuite } from './compileWebSuite';
import { grepVariable } from './suiteProtocol';
import { runSuiteSession } from './suiteResults';
import { trackedTempDir } from './tempDir';
import { runMain } from './teardown';

runMain(async () => {
  ensureBuilt();
  // Per run, so concurrent runs (two terminals) cannot read each other's results.
  const resultsFile = path.join(trackedTempDir('dojo-web-results-').path, 'results.json');
  const suiteModule = await compileWebSuite({ resultsPath: resultsFile, grep: process.env[grepVariable] });

  return runSuiteSession('Web suite', resultsFile, { name: 'web', colorTheme: 'Default Light Modern', web: true, extensionTestsPath: suiteModule });
});
