// The browser's variant of localDisk.ts (esbuild's browser build resolves `*.web.ts` first): there is no Node fs, so
// every bank, `file:` ones included (vscode.dev's local folders), is read through vscode.workspace.fs.
import type { NodeFs } from './localDisk';

export function localDisk(): (() => Promise<NodeFs>) | undefined {
  return undefined;
}
