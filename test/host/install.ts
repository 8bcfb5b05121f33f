// Installs code-server into the git-ignored cache, offline except for the npm registry.
// code-server's own postinstall downloads from GitHub and fails here, so its steps are replayed by hand
// (see issue 3). A marker written last makes the install idempotent; a different pinned version lives in
// another folder, and stale versions are removed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { logTail } from './logTail';
import { cacheDir, codeServerVersion } from './paths';
import { HarnessError } from './teardown';

const installDir = path.join(cacheDir, `code-server-${codeServerVersion}`);
const markerFile = path.join(installDir, '.installed');
const logFile = path.join(cacheDir, `install-code-server-${codeServerVersion}.log`);
const lockDir = path.join(cacheDir, 'install.lock');
const packageDir = path.join(installDir, 'node_modules', 'code-server');
const vscodeDir = path.join(packageDir, 'lib', 'vscode');
const ripgrep = '/usr/bin/rg';

/** Native modules code-server needs at run time; `npm rebuild` must have produced each. */
const nativeModules = [
  'lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
  'lib/vscode/node_modules/@parcel/watcher-linux-x64-glibc/watcher.node',
  '../argon2/lib/binding/napi-v3/argon2.node',
];

export interface InstalledCodeServer {
  /** code-server's Node entry point; run it with this process's Node. */
  entry: string;
  /** The VS Code version it bundles, e.g. "1.100.3". */
  vscodeVersion: string;
}

export async function ensureCodeServer(): Promise<InstalledCodeServer> {
  if (!existsSync(markerFile)) {
    // Another run (another terminal, another helper) may be installing right now: take turns.
    await withInstallLock(async () => {
      if (existsSync(markerFile)) return;
      const started = Date.now();
      console.log(`Installing code-server ${codeServerVersion} into ${path.relative(process.cwd(), installDir)} (log: ${logFile})`);
      await install();
      console.log(`Installed code-server ${codeServerVersion} in ${Math.round((Date.now() - started) / 1000)} s`);
    });
  }
  return installed();
}

/** mkdir is atomic: the run that creates the folder holds the lock; a lock whose owner died is taken over. */
async function withInstallLock(action: () => Promise<void>): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  const ownerFile = path.join(lockDir, 'pid');
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(lockDir);
      writeFileSync(ownerFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = lockOwner(ownerFile);
      // No owner pid a few seconds after the folder appeared: its creator died between mkdir and write.
      if (owner ? !isAlive(owner) : waited > 5) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (waited === 0) console.log(`Waiting for another run (pid ${owner || '?'}) to finish installing code-server...`);
      if (waited > 900) throw new HarnessError(`Gave up waiting for ${lockDir} after 15 minutes.`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    await action();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function lockOwner(ownerFile: string): number {
  try {
    return Number(readFileSync(ownerFile, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function installed(): InstalledCodeServer {
  const vscodePackage = JSON.parse(readFileSync(path.join(vscodeDir, 'package.json'), 'utf8')) as { version: string };
  return { entry: path.join(packageDir, 'out', 'node', 'entry.js'), vscodeVersion: vscodePackage.version };
}

async function install(): Promise<void> {
  if (!existsSync(ripgrep)) {
    throw new HarnessError(`${ripgrep} is missing: install Debian's ripgrep (see .ci/run).`);
  }
  removeOtherVersions();
  // A folder without the marker is a half-finished install: start over.
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(logFile, '');
  writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'dojo-test-host', private: true }, null, 2));

  await step('download code-server', installDir, ['install', `code-server@${codeServerVersion}`, '--ignore-scripts']);
  await step("install VS Code's dependencies", vscodeDir, ['install', '--omit=dev', '--ignore-scripts']);
  // @vscode/ripgrep's postinstall downloads from GitHub and skips when bin/ exists: use Debian's rg.
  const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  symlinkSync(ripgrep, path.join(ripgrepBin, 'rg'));
  // npm 11 skips dependencies' install scripts; an explicit rebuild runs them (node-pty calls `npx node-gyp`).
  await step('build native modules', vscodeDir, ['rebuild'], { npm_config_yes: 'true' });
  // The remaining steps of code-server's postinstall.sh.
  symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  symlinkSync('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlinkSync('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  await step('install built-in extensions’ dependencies', path.join(vscodeDir, 'extensions'), ['install', '--omit=dev']);
  await step('build argon2', installDir, ['rebuild', 'argon2']);

  const missing = nativeModules.filter((file) => !existsSync(path.join(packageDir, file)));
  if (missing.length > 0) {
    throw new HarnessError(`code-server install is incomplete; not built: ${missing.join(', ')} (see ${logFile})`);
  }
  writeFileSync(markerFile, `${codeServerVersion}\n`);
}

function removeOtherVersions(): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith('code-server-') && name !== path.basename(installDir)) {
      rmSync(path.join(cacheDir, name), { recursive: true, force: true });
    }
  }
}

async function step(title: string, cwd: string, npmArgs: string[], env: Record<string, string> = {}): Promise<void> {
  console.log(`  ${title}: npm ${npmArgs.join(' ')}`);
  const started = Date.now();
  const log = openSync(logFile, 'a');
  try {
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('npm', [...npmArgs, '--no-audit', '--no-fund'], {
        cwd,
        env: { ...process.env, ...env },
        stdio: ['ignore', log, log],
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (exitCode !== 0) {
      throw new HarnessError(`code-server install failed at "${title}" (npm exit ${exitCode}):\n${logTail(logFile, 30)}`);
    }
  } finally {
    closeSync(log);
  }
  console.log(`    done in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (require.main === module) {
  ensureCodeServer().then(
    (host) => console.log(`code-server ready: VS Code ${host.vscodeVersion} (${host.entry})`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
