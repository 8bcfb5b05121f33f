// The module structure: surfaces (tree, webview, scratch) share ids and labels through top-level modules and never
// reach into src/commands, and the core imports nothing from the host.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The module specifiers a file imports (static imports and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function offenders(folders: string[], forbidden: (specifier: string) => boolean): string[] {
  return folders.flatMap((folder) =>
    sourceFiles(join(SRC, folder)).flatMap((file) =>
      importsOf(file)
        .filter(forbidden)
        .map((specifier) => `${relative(SRC, file)} imports ${specifier}`),
    ),
  );
}

describe('module layers', () => {
  it('finds the imports it checks', () => {
    assert.ok(importsOf(join(SRC, 'tree', 'treeNodes.ts')).includes('vscode'));
  });

  it('keeps the tree, the webview and the scratch files independent of src/commands', () => {
    assert.deepEqual(
      offenders(['tree', 'webview', 'scratch'], (s) => /(^|\/)commands(\/|$)/.test(s)),
      [],
    );
  });

  it('keeps src/commands from reaching into the tree for display names', () => {
    assert.deepEqual(offenders(['commands'], (s) => s.startsWith('../tree/labels')), []);
  });

  it('keeps src/commands from reaching into the webview for question content', () => {
    assert.deepEqual(offenders(['commands'], (s) => s.startsWith('../webview/content')), []);
  });

  it('keeps the renderer out of the extension host: the practice webview renders, the host sends markdown', () => {
    const hostSide = sourceFiles(join(SRC, 'webview')).filter((file) => !file.includes(join('webview', 'client')));
    const renderImports = hostSide.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?!type\b)[^'"]*?\sfrom\s+['"]([^'"]*core\/render[^'"]*)['"]/gm)]
        .map((m) => m[1]!)
        .filter((specifier) => !specifier.endsWith('/render/escapeHtml'))
        .map((specifier) => `${relative(SRC, file)} imports ${specifier}`),
    );
    assert.deepEqual(renderImports, []);
  });
});
