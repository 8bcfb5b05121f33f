// The build the upper test layers run against. `npm test` builds once (the package step's production build) and
// sets DOJO_BUILT=1 for the layers after it; run on their own, they build first.
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths';
import { HarnessError } from './teardown';

export const builtVariable = 'DOJO_BUILT';

export function ensureBuilt(): void {
  if (process.env[builtVariable] === '1') return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new HarnessError(`The build (node esbuild.mjs) failed with exit code ${build.status}.`);
}
