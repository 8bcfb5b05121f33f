import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { track } from './teardown';

export interface TempDir {
  readonly path: string;
  remove(): void;
}

/** A fresh folder under the OS temp dir, removed by `remove()` or, at the latest, by the teardown list. */
export function trackedTempDir(prefix: string): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const remove = () => {
    untrack();
    // Retries: a browser that was just killed may still be writing into its profile.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  const untrack = track({ name: dir, stop: async () => remove(), kill: remove });
  return { path: dir, remove };
}
