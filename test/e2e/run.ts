// `npm run test:e2e`: runs the journeys (test/e2e/**/*.test.ts) with mocha in this process; each journey opens
// its own session (code-server + Chromium, see test/host/session.ts). Prints the VS Code version and
// `N passed, N failed`.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { ensureCodeServer } from '../host/install';
import { summaryLine } from '../host/report';
import { isStopping, runMain } from '../host/teardown';

runMain(async () => {
  // Install before mocha starts, so the first journey's timeout does not include a cold install.
  const host = await ensureCodeServer();
  const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.ts')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // After Ctrl-C the failures are the interruption's, not results.
  if (isStopping()) return 130;
  console.log(`VS Code ${host.vscodeVersion}`);
  console.log(summaryLine(stats.passes, stats.failures));
  return stats.failures === 0 && stats.passes > 0 ? 0 : 1;
});
