import * as assert from 'node:assert/strict';
import { isAbsolutePath } from '../../src/core/paths';

describe('isAbsolutePath', () => {
  it('accepts POSIX, Windows drive and UNC paths', () => {
    for (const path of ['/home/a/banks', 'C:\\banks', 'c:/banks', '\\\\server\\share\\banks']) assert.equal(isAbsolutePath(path), true, path);
  });

  it('rejects relative paths, a home-relative path and a bare drive letter', () => {
    for (const path of ['banks', './banks', '..\\banks', '~/banks', 'C:banks', '${workspaceFolder}/banks']) {
      assert.equal(isAbsolutePath(path), false, path);
    }
  });
});
