// Entry of the web suite, run by the browser's web-worker extension host (test/host/runWebIntegration.ts bundles it
// with every test/web/*.test.ts as one IIFE). No Node there: mocha's browser build runs the tests, the harness's
// settings come in as build-time constants, and the results go through vscode.workspace.fs into the file the
// harness reads (the workspace folder's file system is the server's).
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import type { SuiteResults } from '../host/suiteProtocol';
import { activateExtension, collectResults } from '../integration/suiteRun';

/** Set by the harness when it bundles the suite: where the results go (a path on the server), which tests run. */
declare const DOJO_WEB_SUITE: { resultsPath: string; grep?: string };

mocha.setup({ ui: 'bdd', timeout: 20_000 });
if (DOJO_WEB_SUITE.grep) mocha.grep(new RegExp(DOJO_WEB_SUITE.grep));
// The default reporter draws into a page's DOM; a worker has none.
mocha.reporter('spec');

export async function run(): Promise<void> {
  const started = Date.now();
  const activation = await activateExtension();
  const tests = await collectResults((done) => mocha.run(done));
  const results: SuiteResults = { vscodeVersion: vscode.version, activation, tests, durationMs: Date.now() - started };
  await writeResults(JSON.stringify(results, null, 2));
  const failed = tests.filter((test) => test.state === 'failed').length;
  if (failed > 0 || !activation.ok) throw new Error(`${failed} web test(s) failed`);
}

/** Written beside, then renamed: the harness polls for the file and must never read half of it. */
async function writeResults(text: string): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders?.[0];
  if (!workspace) throw new Error('the harness opens a workspace folder, whose file system reaches the results file');
  const target = workspace.uri.with({ path: DOJO_WEB_SUITE.resultsPath });
  const partial = target.with({ path: `${target.path}.partial` });
  await vscode.workspace.fs.writeFile(partial, new TextEncoder().encode(text));
  await vscode.workspace.fs.rename(partial, target, { overwrite: true });
}
