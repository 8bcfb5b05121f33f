// Entry of the integration suite. The extension host calls run() (the @vscode/test-electron contract, also
// honoured by code-server's extensionTestsPath): activate the extension, run every compiled *.test.js beside
// this file with mocha, and write the results where the harness waits for them.
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { grepVariable, resultsFileVariable, type SuiteResults, type TestResult } from '../host/suiteProtocol';
import { activateExtension, collectResults } from './suiteRun';

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

function runMocha(): Promise<TestResult[]> {
  const grep = process.env[grepVariable];
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec', ...(grep ? { grep: new RegExp(grep) } : {}) });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return collectResults((done) => mocha.run(done));
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
