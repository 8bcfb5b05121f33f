// What the .vsix holds: only the files the installed extension uses (the allow-list below mirrors .vscodeignore),
// every file it cannot work without, within the size budget, and a README whose relative links and images
// point at files in the package (the extension's page shows the packaged README).
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { packagedVsix } from './packaged';
import { zipEntries, zipFileText, type ZipEntry } from './zipEntries';

/** What may be in the package. Anything else (sources, tests, source maps, node_modules) is a mistake. */
const allowed: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|package\.nls(\.[a-z-]+)?\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|indexWorker)\.js$/,
  /^extension\/dist\/web\/extension\.js$/,
  /^extension\/dist\/webview\/(practice|dashboard)\.js$/,
  /^extension\/dist\/katex\/katex\.min\.css$/,
  /^extension\/dist\/katex\/fonts\/KaTeX_[\w-]+\.woff2$/,
  /^extension\/content\/[\w-]+\.md$/,
  /^extension\/content\/(domains|terms)\.json$/,
  /^extension\/l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
  /^extension\/media\/[\w-]+\.css$/,
  /^extension\/media\/icons\/[\w-]+\.(png|svg)$/,
  /^extension\/media\/walkthrough\/[\w-]+(\.nls\.[a-z-]+)?\.md$/,
  /^extension\/docs\/images\/[\w-]+\.png$/,
  /^extension\/docs\/bank-format(\.zh-CN)?\.md$/,
];

/** What the extension cannot work without (the bundle loads these at run time). */
const required = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/dist/extension.js',
  'extension/dist/web/extension.js',
  'extension/dist/indexWorker.js',
  'extension/dist/katex/katex.min.css',
  'extension/dist/katex/fonts/KaTeX_Main-Regular.woff2',
  'extension/content/domains.json',
  'extension/content/terms.json',
  'extension/l10n/bundle.l10n.zh-cn.json',
  'extension/dist/webview/practice.js',
  'extension/media/base.css',
  'extension/media/practice.css',
  'extension/dist/webview/dashboard.js',
  'extension/media/dashboard.css',
  'extension/media/icons/dojo.png',
  'extension/media/icons/dojo.svg',
];

/**
 * The budget: the .vsix as downloaded, and unpacked on disk. Today about 1.5 MB and 2.4 MB (the screenshots are
 * 0.5 MB; the browser entry, which carries the parser the Node entry leaves to dist/indexWorker.js, 0.14 MB packed).
 */
const budget = { packedBytes: 1.75 * 1024 * 1024, unpackedBytes: 3 * 1024 * 1024 };

describe('The packaged .vsix', () => {
  let vsix: string;
  let entries: ZipEntry[];
  const names = () => entries.map((entry) => entry.name);

  before(async function () {
    this.timeout(120_000);
    vsix = await packagedVsix();
    entries = zipEntries(vsix);
  });

  it('holds only allow-listed files', () => {
    assert.deepEqual(
      names().filter((name) => !allowed.some((pattern) => pattern.test(name))),
      [],
    );
  });

  it('holds every file the extension needs, and the bundled banks', () => {
    assert.deepEqual(
      required.filter((name) => !names().includes(name)),
      [],
    );
    assert.equal(names().filter((name) => /^extension\/content\/[\w-]+\.md$/.test(name)).length, 5);
  });

  it('holds every walkthrough page the manifest names, in English and Chinese', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const pages = manifest.contributes.walkthroughs.flatMap((walkthrough: { steps: { media: { markdown?: string } }[] }) =>
      walkthrough.steps.flatMap((step) => (step.media.markdown ? [step.media.markdown, step.media.markdown.replace(/\.md$/, '.nls.zh-cn.md')] : [])),
    );
    assert.ok(pages.length >= 10, 'the walkthrough has its pages');
    assert.deepEqual(
      pages.map((page: string) => `extension/${page}`).filter((name: string) => !names().includes(name)),
      [],
    );
  });

  it(`stays within the size budget (${budget.packedBytes / 1024 / 1024} MB packed, ${budget.unpackedBytes / 1024 / 1024} MB unpacked)`, () => {
    const packed = statSync(vsix).size;
    const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
    assert.ok(packed <= budget.packedBytes, `the .vsix is ${packed} bytes`);
    assert.ok(unpacked <= budget.unpackedBytes, `the unpacked files are ${unpacked} bytes`);
  });

  it('names a Node entry and a browser entry in package.json, both in the package', () => {
    const manifest = JSON.parse(zipFileText(vsix, 'extension/package.json')) as { main?: string; browser?: string };
    const entry = (file: string | undefined) => `extension/${(file ?? '').replace(/^\.\//, '')}`;
    assert.equal(entry(manifest.main), 'extension/dist/extension.js');
    assert.equal(entry(manifest.browser), 'extension/dist/web/extension.js');
  });

  it('has a browser entry that uses nothing of Node (no built-in module, no `process`, no `__dirname`)', () => {
    const bundle = zipFileText(vsix, 'extension/dist/web/extension.js');
    const required = [...bundle.matchAll(/\brequire\(\s*(["'`])([^"'`]*)\1\s*\)/g)].map((match) => match[2]);
    assert.ok(required.includes('vscode'), 'the bundle requires vscode (the check reads the minified bundle)');
    assert.deepEqual([...new Set(required)], ['vscode'], 'required modules');
    assert.deepEqual(bundle.match(/["'`]node:[\w/]+/g) ?? [], [], 'node: modules');
    assert.deepEqual(bundle.match(/(?<![\w$.])(process\s*[.[]|__dirname|__filename)/g) ?? [], [], 'Node globals');
  });

  it('has a README whose relative links and images point at files in the package', () => {
    const readme = entries.find((entry) => entry.name === 'extension/readme.md');
    assert.ok(readme, 'the package has a README');
    const targets = relativeTargets(zipFileText(vsix, 'extension/readme.md'));
    assert.ok(targets.length > 0, 'the README links to something in the package (its screenshots)');
    assert.deepEqual(
      targets.filter((target) => !names().includes(`extension/${target}`)),
      [],
    );
  });
});

/** Markdown links and images, and <img src>, that are neither absolute URLs nor anchors. */
function relativeTargets(markdown: string): string[] {
  const links = [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g), ...markdown.matchAll(/<img[^>]+src=["']([^"']+)["']/g)];
  return links
    .map((match) => match[1].replace(/#.*$/, ''))
    .filter((target) => target !== '' && !/^[a-z][\w+.-]*:/i.test(target))
    .map((target) => target.replace(/^\.\//, ''));
}
