// `npm run test:desktop`: the integration suite (test/integration/, the same run() as under code-server) in
// desktop VS Code, downloaded by @vscode/test-electron into .vscode-test/. Needs the internet for the first
// download (and a display: on a Linux server, `xvfb-run -a npm run test:desktop`); offline it says so in one line.
// Not part of `npm test`, whose host is code-server (offline).
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { download, runTests } from '@vscode/test-electron';
import { ensureBuilt } from './build';
import { compileSuite } from './compileSuite';
import { cacheDir, repoRoot } from './paths';
import { trackedTempDir } from './tempDir';
import { errorText, HarnessError, runMain } from './teardown';

/** `stable`, `insiders` or a version such as `1.90.0` (the oldest that package.json's engines accepts). */
const version = process.env.DOJO_VSCODE_VERSION ?? 'stable';

runMain(async () => {
  ensureBuilt();
  const vscodeExecutablePath = await downloadDesktop();
  const suiteModule = await compileSuite();
  const root = trackedTempDir('dojo-desktop-').path;
  const workspace = path.join(root, 'workspace');
  mkdirSync(workspace);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteModule,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(root, 'user-data'),
      ],
    });
    return 0;
  } catch (error) {
    // run() has printed the spec report; the rejection only says that it failed.
    console.error(`\nThe integration suite failed in desktop VS Code ${version}: ${errorText(error)}`);
    return 1;
  }
});

async function downloadDesktop(): Promise<string> {
  try {
    return await download({ version, cachePath: cacheDir, timeout: 20_000 });
  } catch (error) {
    throw new HarnessError(
      `npm run test:desktop needs to download desktop VS Code (${version}) from update.code.visualstudio.com, ` +
        `which failed (${firstLine(error)}); run it on a machine with internet, or use npm run test:integration (code-server, offline).`,
    );
  }
}

function firstLine(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const text = errorText(error).split('\n')[0];
  return cause ? `${text}: ${errorText(cause).split('\n')[0]}` : text;
}
