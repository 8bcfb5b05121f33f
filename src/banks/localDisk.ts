// Node's fs for `file:` banks, where the extension host runs on Node (localDisk.web.ts: none in the browser).
export type NodeFs = typeof import('node:fs').promises;

/**
 * Node's fs, required on first use, not imported: the parser's worker and the CLI never need it. Not `import()`: in
 * the extension host a dynamic import costs more than the stat it would serve.
 */
export function localDisk(): (() => Promise<NodeFs>) | undefined {
  let fs: NodeFs | undefined;
  return async () => (fs ??= (require('node:fs') as typeof import('node:fs')).promises);
}
