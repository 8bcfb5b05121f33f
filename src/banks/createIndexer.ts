// Picks where the banks are indexed: a worker thread where the host has them, else the host's own thread with pauses.
// Both run the job bundle dist/indexWorker.js, which the extension's own bundle leaves out (the browser's bundle
// takes createIndexer.web.ts instead).
import * as vscode from 'vscode';
import type { BankIndexer, IndexJobModule } from './bankIndexer';
import { InThreadIndexer } from './inThreadIndexer';
import { WorkerIndexer } from './workerIndexer';

export function createBankIndexer(extensionUri: vscode.Uri): BankIndexer {
  const bundle = vscode.Uri.joinPath(extensionUri, 'dist', 'indexWorker.js').fsPath;
  if (workerThreadsAvailable()) return new WorkerIndexer(bundle);
  return new InThreadIndexer(async () => require(bundle) as IndexJobModule);
}

function workerThreadsAvailable(): boolean {
  try {
    require('node:worker_threads');
    return true;
  } catch {
    return false;
  }
}
