// Starts code-server on a free localhost port with its own user-data and extensions folders, waits until it
// answers, and stops its whole process group (server, extension host, pty host, watchers) when done.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { logTail } from './logTail';
import { trackedTempDir } from './tempDir';
import { HarnessError, track } from './teardown';

export interface CodeServerOptions {
  /** code-server's entry.js (see install.ts). */
  entry: string;
  /** Holds user-data/, extensions/ and config.yaml; the caller owns its lifetime. */
  stateDir: string;
  /** Written to User/settings.json before start; when absent, the folder's existing settings are kept. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host. */
  env?: Record<string, string>;
  logFile: string;
  startTimeoutMs?: number;
}

export interface CodeServer {
  readonly origin: string;
  readonly authority: string;
  /** Resolves with the exit code when the server process ends (for whatever reason). */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Settings every harness run needs: nothing opens or phones home on its own. */
export const quietSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/** The folders code-server keeps under a state dir. */
export function stateFolders(stateDir: string) {
  const userDataDir = path.join(stateDir, 'user-data');
  return {
    userDataDir,
    extensionsDir: path.join(stateDir, 'extensions'),
    /** The User settings of the window (in a remote window: the local user's, not the remote machine's). */
    userSettingsFile: path.join(userDataDir, 'User', 'settings.json'),
    /** The Remote settings of the window (the remote machine's user settings). */
    remoteSettingsFile: path.join(userDataDir, 'Machine', 'settings.json'),
  };
}

/** Installs a .vsix into the extensions folder of `stateDir`, as a user does with `code-server --install-extension`. */
export async function installExtension(entry: string, stateDir: string, vsix: string, logFile: string): Promise<void> {
  const { userDataDir, extensionsDir } = stateFolders(stateDir);
  mkdirSync(extensionsDir, { recursive: true });
  const log = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new HarnessError(`code-server --install-extension ${vsix} failed (exit ${code}):\n${logTail(logFile, 20)}`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { userDataDir, extensionsDir, userSettingsFile } = stateFolders(options.stateDir);
  const configFile = path.join(options.stateDir, 'config.yaml');
  mkdirSync(path.dirname(userSettingsFile), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  if (options.settings) {
    writeFileSync(userSettingsFile, JSON.stringify(options.settings, null, 2));
  }
  // Without --config, code-server reads and writes ~/.config/code-server/config.yaml (which may ask for a password).
  writeFileSync(configFile, 'auth: none\n');

  // VS Code leaves IPC sockets and tsserver folders in the temp dir; give it one that goes away with the run.
  const serverTmp = trackedTempDir('dojo-cs-');
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const log = openSync(options.logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      options.entry,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', authority,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
    ],
    // Its own process group, so one signal reaches the extension host and every helper it forks.
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, TMPDIR: serverTmp.path, ...options.env } },
  );
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const spawnFailed = new Promise<never>((_, reject) => child.on('error', reject));

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  };
  // Once only: the caller and the teardown list may both stop it.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      killGroup('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
      if (!stopped) console.error('code-server did not stop within 5 s of SIGTERM; killing it.');
      // Also reaches helpers that outlived the server process.
      killGroup('SIGKILL');
      untrack();
    })());
  const untrack = track({ name: 'code-server', stop, kill: () => killGroup('SIGKILL') });

  const origin = `http://${authority}`;
  const exitedEarly = exited.then((code) => {
    throw new HarnessError(`code-server exited (code ${code}) before answering:\n${logTail(options.logFile, 20)}`);
  });
  // Only the race observes these; once the server answers, their later outcome is of no interest.
  exitedEarly.catch(() => undefined);
  spawnFailed.catch(() => undefined);
  await Promise.race([
    waitUntilAnswering(`${origin}/healthz`, options.startTimeoutMs ?? 60_000),
    spawnFailed,
    exitedEarly,
  ]).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { origin, authority, exited, stop };
}

async function waitUntilAnswering(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new HarnessError(`code-server did not answer ${url} within ${timeoutMs / 1000} s.`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
