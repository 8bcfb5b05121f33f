// `npm run test:vsix`: packages the extension as users get it (`npm run package`, which runs the production
// build), checks the package's contents, installs it into a fresh code-server and smoke-tests the installed copy.
// Prints the VS Code version and `N passed, N failed`.
import { ensureCodeServer } from '../host/install';
import { runMochaFiles } from '../host/mochaFiles';
import { runMain } from '../host/teardown';
import { packagedVsix } from './packaged';

runMain(async () => {
  // Before mocha starts, so no test's timeout includes a cold install or the build.
  const host = await ensureCodeServer();
  await packagedVsix();
  return runMochaFiles(__dirname, 180_000, host.vscodeVersion);
});
