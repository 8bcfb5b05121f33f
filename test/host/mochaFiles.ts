// Runs the *.test.ts files of one folder with mocha in this process (each opens its own session), then prints the
// VS Code version and `N passed, N failed`. Returns the exit code.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { summaryLine } from './report';
import { isStopping } from './teardown';

export async function runMochaFiles(dir: string, timeoutMs: number, vscodeVersion: string): Promise<number> {
  const mocha = new Mocha({ ui: 'bdd', timeout: timeoutMs, reporter: 'spec' });
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.test.ts')).sort()) {
    mocha.addFile(path.join(dir, file));
  }
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // After Ctrl-C the failures are the interruption's, not results.
  if (isStopping()) return 130;
  console.log(`VS Code ${vscodeVersion}`);
  console.log(summaryLine(stats.passes, stats.failures));
  return stats.failures === 0 && stats.passes > 0 ? 0 : 1;
}
