// One build script for every bundle: the extension host entry (Node, and the browser's web worker), the index worker,
// the CLI, the practice webview's and the progress dashboard's scripts, and KaTeX's assets for the webview.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // Our `import` and the KaTeX plugin's `require` would otherwise resolve to KaTeX's ESM and CJS builds: two copies.
  alias: { katex: 'katex/dist/katex.js' },
};

/** esbuild's default resolve order with `.web.ts` first. */
const WEB_RESOLVE_EXTENSIONS = ['.web.ts', '.tsx', '.ts', '.jsx', '.js', '.css', '.json'];

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The same extension for a web extension host (vscode.dev, code-server's web worker): no Node there. A module with a
  // `<name>.web.ts` beside it is replaced by that file here (createIndexer.web.ts bundles the index job in).
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    platform: 'browser',
    target: 'es2022',
    resolveExtensions: WEB_RESOLVE_EXTENSIONS,
  },
  // The parser and markdown-it, for the index worker thread (and the in-thread indexer, which requires it on demand).
  { ...common, entryPoints: ['src/banks/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The practice panel's script: it renders bank markdown (markdown-it, KaTeX, highlight.js), so the host does not.
  {
    ...common,
    entryPoints: ['src/webview/client/main.ts'],
    outfile: 'dist/webview/practice.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    tsconfig: 'src/webview/client/tsconfig.json',
  },
  // The progress dashboard's script: draws the charts as SVG; no renderer (test/unit/extensionBundle.test.ts: its budget).
  {
    ...common,
    entryPoints: ['src/webview/client/dashboard/main.ts'],
    outfile: 'dist/webview/dashboard.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    tsconfig: 'src/webview/client/tsconfig.json',
  },
];

function copyKatexAssets() {
  // The practice webview loads KaTeX's stylesheet and fonts from dist/ (a localResourceRoot).
  mkdirSync('dist/katex', { recursive: true });
  cpSync('node_modules/katex/dist/katex.min.css', 'dist/katex/katex.min.css');
  cpSync('node_modules/katex/dist/fonts', 'dist/katex/fonts', { recursive: true });
}

copyKatexAssets();
if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
