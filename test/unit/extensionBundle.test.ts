// What the extension host loads at activation: the bundle leaves the parser and markdown-it's parsing to the index
// worker's bundle (dist/indexWorker.js), which has them. Built here with the options of esbuild.mjs, read from the
// metafile.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..', '..');

async function inputsOf(entry: string, external: string[] = []): Promise<esbuild.Metafile['inputs']> {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external,
    alias: { katex: 'katex/dist/katex.js' },
    write: false,
    outfile: join(ROOT, 'out', 'bundle-check.js'),
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile.inputs;
}

const PARSING = /^src\/core\/(parser\/|bankFile\.ts$|indexJob\.ts$|bankCache\.ts$)/;
const MARKDOWN_IT = /node_modules\/markdown-it\//;

describe('the extension bundle', () => {
  it('holds neither the parser nor the index job nor the cache validation; the worker bundle holds them', async () => {
    const extension = Object.keys(await inputsOf('src/extension.ts', ['vscode']));
    assert.deepEqual(extension.filter((input) => PARSING.test(input)), []);
    const worker = Object.keys(await inputsOf('src/banks/indexWorker.ts'));
    assert.ok(worker.some((input) => input.startsWith('src/core/parser/')));
    assert.ok(worker.some((input) => MARKDOWN_IT.test(input)));
  });

  it('imports markdown-it only for rendering (src/core/render*), never for indexing', async () => {
    const inputs = await inputsOf('src/extension.ts', ['vscode']);
    const importers = Object.entries(inputs)
      .filter(([, input]) => input.imports.some((imported) => MARKDOWN_IT.test(imported.path)))
      .map(([path]) => path);
    assert.deepEqual(importers.filter((path) => !path.startsWith('src/core/render')), []);
  });
});
