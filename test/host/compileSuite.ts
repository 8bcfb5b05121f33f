// Compiles test/integration/ into a folder of its own per run under out/test/ (so runs in two terminals do not
// delete each other's files): one bundle per entry (index.js and each *.test.js), with `vscode` (provided by the
// extension host) and `mocha` (one shared instance from node_modules) left external. Type checking is
// `npm run typecheck`'s job.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { compiledTestsDir, repoRoot } from './paths';
import { track } from './teardown';

const integrationDir = path.join(repoRoot, 'test', 'integration');

/**
 * Returns the compiled suite module to pass as extensionTestsPath; its folder is removed at the end of the run.
 * `sourceDir` holds the suite's index.ts (and its *.test.ts): the integration suite unless another is named
 * (`npm run bench:host` compiles its probe this way).
 */
export async function compileSuite(sourceDir = integrationDir): Promise<string> {
  const tests = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.ts'));
  mkdirSync(compiledTestsDir, { recursive: true });
  const compiledSuiteDir = mkdtempSync(path.join(compiledTestsDir, `${path.basename(sourceDir)}-`));
  const remove = () => rmSync(compiledSuiteDir, { recursive: true, force: true });
  track({ name: compiledSuiteDir, stop: async () => remove(), kill: remove });
  await build({
    entryPoints: ['index.ts', ...tests].map((file) => path.join(sourceDir, file)),
    outbase: sourceDir,
    outdir: compiledSuiteDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // For a debugger attached to the extension host (which formats stack traces itself, so they name the bundles).
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(compiledSuiteDir, 'index.js');
}
