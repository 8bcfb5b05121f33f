// Entry of the integration suite. The extension host calls run() (the @vscode/test-electron contract, also
// honoured by code-server's extensionTestsPath): activate the extension, run every compiled *.test.js beside
// this file with mocha, and write the results where the harness waits for them.
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { extensionId, grepVariable, resultsFileVariable, type SuiteResults, type TestResult } from '../host/suiteProtocol';

export async function run(): Promise<void> {
  const started = Date.now();
  const activation = await activateExtension();
  const tests = await runMocha();
  const results: SuiteResults = { vscodeVersion: vscode.version, activation, tests, durationMs: Date.now() - started };
  const resultsFile = process.env[resultsFileVariable];
  // Without the variable (e.g. under @vscode/test-electron) the spec reporter's output and the rejection suffice.
  if (resultsFile) writeAtomically(resultsFile, JSON.stringify(results, null, 2));

  const failed = tests.filter((test) => test.state === 'failed').length;
  if (failed > 0 || !activation.ok) throw new Error(`${failed} integration test(s) failed`);
}

async function activateExtension(): Promise<SuiteResults['activation']> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) return { ok: false, error: `${extensionId} is not loaded in this extension host` };
  try {
    await extension.activate();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

function runMocha(): Promise<TestResult[]> {
  const grep = process.env[grepVariable];
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec', ...(grep ? { grep: new RegExp(grep) } : {}) });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const tests: TestResult[] = [];
  return new Promise((resolve) => {
    try {
      const runner = mocha.run(() => resolve(tests));
      runner.on('pass', (test) => tests.push({ titlePath: test.titlePath(), state: 'passed', durationMs: test.duration }));
      runner.on('pending', (test) => tests.push({ titlePath: test.titlePath(), state: 'pending' }));
      runner.on('fail', (test, error) =>
        tests.push({ titlePath: test.titlePath(), state: 'failed', durationMs: test.duration, error: errorText(error) }),
      );
    } catch (error) {
      // A test file that does not load is a failure to report, not a silent hang of the harness.
      tests.push({ titlePath: ['loading the test files'], state: 'failed', error: errorText(error) });
      resolve(tests);
    }
  });
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.partial`, text);
  renameSync(`${file}.partial`, file);
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
