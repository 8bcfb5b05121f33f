// Bundles bench/main.ts the way the product is bundled (esbuild, node, cjs) into a temporary folder
// and runs it with --expose-gc, so measurements can start from a collected heap. Arguments pass through:
// `--write` also renders BENCHMARKS.md, `--report` only renders it from the stored results.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = mkdtempSync(path.join(tmpdir(), 'dojo-bench-'));
const outfile = path.join(outDir, 'bench.js');
try {
  await esbuild.build({
    entryPoints: [path.join(root, 'bench/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
  });
  const { status } = spawnSync(process.execPath, ['--expose-gc', outfile, root, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = status ?? 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
