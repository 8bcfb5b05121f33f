// Bundles test/web/ for the browser's web-worker extension host: index.ts and every *.test.ts in one IIFE, whose
// value the footer hands to the worker's CommonJS shim (mocha's browser build would otherwise see that shim's
// `module` and replace the suite's exports). The extension's own modules are bundled as the browser build resolves
// them (`*.web.ts` first); `node:assert/strict` becomes test/web/assert.ts. The run's settings are constants.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { compiledTestsDir, repoRoot } from './paths';
import { track } from './teardown';

const webDir = path.join(repoRoot, 'test', 'web');

/** What the suite needs from the harness (test/web/index.ts reads it as DOJO_WEB_SUITE). */
export interface WebSuiteSettings {
  /** Where the suite writes its results: a path on the server, reached through the workspace folder's file system. */
  resultsPath: string;
  grep?: string;
}

const nodeAssert: Plugin = {
  name: 'assert-for-the-browser',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: path.join(webDir, 'assert.ts') }));
  },
};

/** Returns the compiled suite module (inside the repo: the session reaches it through the extension's folder). */
export async function compileWebSuite(settings: WebSuiteSettings): Promise<string> {
  const tests = readdirSync(webDir).filter((file) => file.endsWith('.test.ts')).sort();
  mkdirSync(compiledTestsDir, { recursive: true });
  const compiledSuiteDir = mkdtempSync(path.join(compiledTestsDir, 'web-'));
  const remove = () => rmSync(compiledSuiteDir, { recursive: true, force: true });
  track({ name: compiledSuiteDir, stop: async () => remove(), kill: remove });
  const outfile = path.join(compiledSuiteDir, 'index.js');
  await build({
    stdin: {
      // The entry first: it sets mocha up before the test files call describe().
      contents: ["export { run } from './index';", ...tests.map((file) => `import './${file}';`)].join('\n'),
      resolveDir: webDir,
      sourcefile: 'suite.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    globalName: 'dojoWebSuite',
    footer: { js: 'module.exports = dojoWebSuite;' },
    define: { module: 'undefined', exports: 'undefined', DOJO_WEB_SUITE: JSON.stringify(settings) },
    resolveExtensions: ['.web.ts', '.tsx', '.ts', '.jsx', '.js', '.css', '.json'],
    external: ['vscode'],
    plugins: [nodeAssert],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
