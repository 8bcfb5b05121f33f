// The browser's variant of createIndexer.ts (esbuild's browser build resolves `*.web.ts` first): a web extension host
// has no worker threads and cannot require a second bundle, so the index job is bundled in and runs on the host's
// thread, pausing between files.
import type * as vscode from 'vscode';
import { explainBankFile } from '../core/explainBankFile';
import { runIndexJob } from '../core/indexJob';
import type { BankIndexer } from './bankIndexer';
import { InThreadIndexer } from './inThreadIndexer';

export function createBankIndexer(_extensionUri: vscode.Uri): BankIndexer {
  return new InThreadIndexer(async () => ({ runIndexJob, explainBankFile }));
}
