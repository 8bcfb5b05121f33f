// The .vsix a user installs, packaged once per run with the project's own `npm run package` (vsce runs
// `vscode:prepublish`, the production build), into a temp folder removed at the end of the run.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import * as path from 'node:path';
import { logTail } from '../host/logTail';
import { repoRoot, resultsDir } from '../host/paths';
import { trackedTempDir } from '../host/tempDir';
import { HarnessError } from '../host/teardown';

let packaging: Promise<string> | undefined;

/** The path of the packaged .vsix; packages on the first call. */
export function packagedVsix(): Promise<string> {
  return (packaging ??= packageOnce());
}

async function packageOnce(): Promise<string> {
  const vsix = path.join(trackedTempDir('dojo-vsix-').path, 'interview-dojo.vsix');
  const logsDir = path.join(resultsDir, 'vsix');
  mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, 'package.log');
  const log = openSync(logFile, 'w');
  const started = Date.now();
  // stdin closed: vsce must never wait for an answer (it asks only on a terminal, and CI has none).
  const child = spawn('npm', ['run', 'package', '--', '--out', vsix], { cwd: repoRoot, stdio: ['ignore', log, log] });
  closeSync(log);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new HarnessError(`npm run package failed (exit ${code}):\n${logTail(logFile, 20)}`);
  console.log(`Packaged ${path.basename(vsix)} in ${Math.round((Date.now() - started) / 1000)} s (log: ${path.relative(process.cwd(), logFile)})`);
  return vsix;
}
