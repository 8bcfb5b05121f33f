// `npm start`: opens the extension for a person. Desktop VS Code when `code` is on PATH; otherwise code-server
// on localhost with the URL printed, running until Ctrl-C. Its user data persists in .vscode-test/start/, so
// progress and settings survive restarts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { quietSettings, startCodeServer } from './codeServer';
import { ensureCodeServer } from './install';
import { cacheDir, repoRoot } from './paths';
import { workbenchUrl } from './session';
import { trackedTempDir } from './tempDir';
import { isStopping, runMain } from './teardown';

const workspace = path.join(repoRoot, 'content');

runMain(async () => {
  if (spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0) {
    console.log('Opening VS Code with the extension under development...');
    return spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' }).status ?? 1;
  }

  const host = await ensureCodeServer();
  const stateDir = path.join(cacheDir, 'start');
  const settingsFile = path.join(stateDir, 'user-data', 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    mkdirSync(path.dirname(settingsFile), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify(quietSettings, null, 2));
  }
  // As in session.ts: the development path must not contain the host's built-in extensions.
  const extensionDir = path.join(trackedTempDir('dojo-start-').path, 'extension');
  symlinkSync(repoRoot, extensionDir);
  const server = await startCodeServer({ entry: host.entry, stateDir, logFile: path.join(stateDir, 'code-server.log') });
  console.log(`\nInterview Dojo in VS Code ${host.vscodeVersion} (code-server), with the extension under development:`);
  console.log(`\n  ${workbenchUrl(server, { extensionDir, folder: workspace })}\n`);
  console.log('After a rebuild (npm run build or npm run watch), run "Developer: Reload Window". Ctrl-C stops the server.');
  const exitCode = await server.exited;
  if (isStopping()) return 130;
  console.error(`code-server exited (code ${exitCode}); see ${path.join(stateDir, 'code-server.log')}`);
  return 1;
});
