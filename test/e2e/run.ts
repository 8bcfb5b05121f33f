// `npm run test:e2e`: runs the journeys (test/e2e/**/*.test.ts) with mocha in this process; each journey opens
// its own session (code-server + Chromium, see test/host/session.ts). Prints the VS Code version and
// `N passed, N failed`.
import { ensureBuilt } from '../host/build';
import { ensureCodeServer } from '../host/install';
import { runMochaFiles } from '../host/mochaFiles';
import { runMain } from '../host/teardown';

runMain(async () => {
  ensureBuilt();
  // Install before mocha starts, so the first journey's timeout does not include a cold install.
  const host = await ensureCodeServer();
  return runMochaFiles(__dirname, 180_000, host.vscodeVersion);
});
