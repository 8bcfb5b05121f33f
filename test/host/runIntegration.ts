// `npm run test:integration`: compiles the suite, opens a session whose extension host runs it (see
// test/integration/index.ts), waits for the results file, prints mocha's report, the VS Code version and
// `N passed, N failed`. Fails clearly when the host or workbench does not start, the extension does not
// activate, the suite ends without results or times out.
import * as path from 'node:path';
import { ensureBuilt } from './build';
import { compileSuite } from './compileSuite';
import { grepVariable, resultsFileVariable } from './suiteProtocol';
import { runSuiteSession } from './suiteResults';
import { trackedTempDir } from './tempDir';
import { runMain } from './teardown';

runMain(async () => {
  ensureBuilt();
  const suiteModule = await compileSuite();
  // Per run, so concurrent runs (two terminals) cannot read each other's results.
  const resultsFile = path.join(trackedTempDir('dojo-results-').path, 'results.json');

  return runSuiteSession('Integration suite', resultsFile, {
    name: 'integration',
    colorTheme: 'Default Dark Modern',
    extensionTestsPath: suiteModule,
    env: { [resultsFileVariable]: resultsFile, ...(process.env[grepVariable] ? { [grepVariable]: process.env[grepVariable] } : {}) },
  });
});
