// Where the harness keeps things. All paths are absolute, derived from this file's place in the repo.
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** code-server 4.100.3 bundles VS Code 1.100.3 and is the last release that supports Node 20. */
export const codeServerVersion = '4.100.3';

/** Git-ignored cache of installed hosts, reused across runs. */
export const cacheDir = path.join(repoRoot, '.vscode-test');

/** Screenshots, browser logs and server logs of the last run (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results');

/** Compiled test code (git-ignored); inside the repo so that `mocha` resolves from its node_modules. */
export const compiledTestsDir = path.join(repoRoot, 'out', 'test');

/** Debian's Chromium; Playwright's own browser download is not reachable offline. */
export const chromiumPath = '/usr/bin/chromium';
