import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadIndex, readBankSources, type Taxonomy } from '../../src/cli/bankFiles';
import { CliError } from '../../src/cli/errors';
import { EMPTY_TERM_TABLE } from '../../src/core/check/termTable';

// The CLI's reading of bank files, in-process: what is skipped inside a folder and what fails a path given.
const NO_TAXONOMY: Taxonomy = { domains: [], terms: EMPTY_TERM_TABLE };
const BANK = '### 1. 随机森林如何工作？\n\n**答案：** 多棵决策树的集成。\n';

describe('the CLI’s bank files', () => {
  let dir: string;
  const file = (...parts: string[]) => path.join(dir, ...parts);
  const warnings = (paths: string[]) =>
    readBankSources(paths).diagnostics.map((d) => [path.relative(dir, d.file), d.severity, d.message]);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dojo-cli-banks-'));
    mkdirSync(file('banks'));
    writeFileSync(file('banks', 'forest.md'), BANK);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('skips a dangling symbolic link in a folder with a warning and reads the other banks', () => {
    symlinkSync(file('gone.md'), file('banks', 'dangling.md'));
    const index = loadIndex([file('banks')], NO_TAXONOMY);
    assert.deepEqual(index.documents.map((d) => d.file), [file('banks', 'forest.md')]);
    assert.deepEqual(
      index.diagnostics.map((d) => [d.file, d.severity, d.message]),
      [[file('banks', 'dangling.md'), 'warning', 'skipped: cannot read it: no such file or directory']],
    );
  });

  it('skips a file that fails when read (as one deleted mid-run) with a warning', () => {
    symlinkSync('/proc/self/mem', file('banks', 'vanishing.md'));
    assert.deepEqual(warnings([file('banks')]), [[path.join('banks', 'vanishing.md'), 'warning', 'skipped: cannot read it: EIO: i/o error, read']]);
    assert.equal(readBankSources([file('banks')]).sources.length, 1);
  });

  it('walks a folder with links to itself once and says which link it skipped', () => {
    symlinkSync(file('banks'), file('banks', 'loop'));
    symlinkSync(file('banks'), file('banks', 'again'));
    const { sources } = readBankSources([file('banks')]);
    assert.deepEqual(sources.map((s) => s.file), [file('banks', 'forest.md')]);
    assert.deepEqual(
      warnings([file('banks')]).map(([where, , message]) => [where, message]),
      [
        [path.join('banks', 'again'), 'skipped: this folder was already read through another path (a symbolic link loop?)'],
        [path.join('banks', 'loop'), 'skipped: this folder was already read through another path (a symbolic link loop?)'],
      ],
    );
  });

  it('skips a FIFO and a link to /dev/zero inside a folder, without reading them', () => {
    assert.equal(spawnSync('mkfifo', [file('banks', 'pipe.md')]).status, 0);
    symlinkSync('/dev/zero', file('banks', 'zero.md'));
    const message = 'skipped: not a regular file (a device, pipe, socket or broken link)';
    assert.deepEqual(warnings([file('banks')]), [
      [path.join('banks', 'pipe.md'), 'warning', message],
      [path.join('banks', 'zero.md'), 'warning', message],
    ]);
  });

  it('fails with exit code 1 for a device, a FIFO or a missing file given on the command line', () => {
    assert.equal(spawnSync('mkfifo', [file('pipe.md')]).status, 0);
    const fails = (given: string, reason: string) =>
      assert.throws(
        () => readBankSources([file('banks'), given]),
        (error: unknown) => error instanceof CliError && error.exitCode === 1 && error.message === `dojo: cannot read ${given}: ${reason}`,
      );
    fails('/dev/zero', 'not a regular file (a device, pipe, socket or broken link)');
    fails(file('pipe.md'), 'not a regular file (a device, pipe, socket or broken link)');
    fails(file('missing.md'), 'no such file or directory');
  });

  it('applies the size limit: a bank file over it is skipped in a folder and fails when given', () => {
    writeFileSync(file('banks', 'huge.md'), Buffer.alloc(3 * 1024 * 1024, 'a'));
    const limit = 2 * 1024 * 1024;
    const { sources, diagnostics } = readBankSources([file('banks')], limit);
    assert.deepEqual(sources.map((s) => s.file), [file('banks', 'forest.md')]);
    assert.deepEqual(diagnostics.map((d) => d.message), ['skipped: 3 MB is larger than the 2 MB limit for a bank']);
    assert.throws(() => readBankSources([file('banks', 'huge.md')], limit), /cannot read .*huge\.md: 3 MB is larger than the 2 MB limit/);
    assert.equal(readBankSources([file('banks', 'huge.md')]).sources.length, 1, 'the default limit (20 MB) lets it through');
  });

  it('names a bank in a sub-folder by its path below the folder given', () => {
    mkdirSync(file('banks', 'more'));
    writeFileSync(file('banks', 'more', 'forest.md'), BANK);
    const index = loadIndex([file('banks')], NO_TAXONOMY);
    assert.deepEqual(index.documents.map((d) => d.slug), ['forest', 'more-forest']);
    assert.deepEqual(loadIndex([file('banks', 'more', 'forest.md')], NO_TAXONOMY).documents.map((d) => d.slug), ['forest']);
  });
});
