// One harness session: code-server with fresh state, a temp workspace folder, Chromium showing the workbench
// with this repo loaded as the extension under development (and, for the integration suite, its tests), or with
// the packaged .vsix installed as a user installs it.
import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser';
import { installExtension, quietSettings, startCodeServer, stateFolders, type CodeServer } from './codeServer';
import { ensureCodeServer } from './install';
import { repoRoot, resultsDir } from './paths';
import { trackedTempDir } from './tempDir';
import { collectWebviewErrors } from './webviewErrors';
import { extensionId, userSettingsFileVariable } from './suiteProtocol';
import { HarnessError, isStopping } from './teardown';

export interface SessionOptions {
  /** Names the folder under test-results/ that gets this session's logs. */
  name: string;
  /** A built-in colour theme, e.g. "Default Dark Modern". */
  colorTheme: string;
  /** Absolute path of the compiled suite module whose run() the extension host calls. */
  extensionTestsPath?: string;
  /** Environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /** User settings beside the harness's quiet ones. */
  settings?: Record<string, unknown>;
  /**
   * Installs this .vsix into the session's extensions folder and runs the extension from there, as a user has it;
   * without it, the repo is loaded as the extension under development.
   */
  installVsix?: string;
  /** Runs before the workbench loads, e.g. to expose functions to the page. */
  prepare?(page: Page): Promise<unknown>;
  /**
   * Runs the extension (and the suite) in the browser's web-worker extension host, from package.json's `browser`
   * entry, as on vscode.dev: code-server puts it there for the user setting `remote.extensionKind` (the payload's
   * extensionDevelopmentKind is ignored).
   */
  web?: boolean;
}

export interface Session {
  readonly page: Page;
  readonly server: CodeServer;
  readonly vscodeVersion: string;
  /** The workspace folder the workbench opened (a temp dir, removed on close). */
  readonly workspaceDir: string;
  readonly logsDir: string;
  /** The window's User settings file. */
  readonly userSettingsFile: string;
  /** Where code-server keeps installed extensions. */
  readonly extensionsDir: string;
  /** The link to the repo that the workbench loads as the extension under development (none with installVsix). */
  readonly extensionDir?: string;
  /** Console errors from the extension's webview frames, in order. */
  readonly webviewErrors: string[];
  close(): Promise<void>;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  // After Ctrl-C, the test runner may still move on to the next suite: start nothing new.
  if (isStopping()) throw new HarnessError('Stopping: no new session.');
  const host = await ensureCodeServer();
  const logsDir = path.join(resultsDir, options.name);
  rmSync(logsDir, { recursive: true, force: true });
  mkdirSync(logsDir, { recursive: true });

  const temp = trackedTempDir('dojo-host-');
  const root = temp.path;
  const workspaceDir = path.join(root, 'workspace');
  mkdirSync(workspaceDir);
  // The extension is loaded through a link outside the repo: when the development path contains the host's
  // built-in extensions (.vscode-test/), the workbench fails to apply the built-in colour themes.
  const extensionDir = path.join(root, 'extension');
  symlinkSync(repoRoot, extensionDir);

  const stateDir = path.join(root, 'server');
  const { extensionsDir, userSettingsFile } = stateFolders(stateDir);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    temp.remove();
  };
  try {
    if (options.installVsix) {
      await installExtension(host.entry, stateDir, options.installVsix, path.join(logsDir, 'install-extension.log'));
    }
    server = await startCodeServer({
      entry: host.entry,
      stateDir,
      settings: {
        ...quietSettings,
        'workbench.colorTheme': options.colorTheme,
        ...(options.web ? { 'remote.extensionKind': { [extensionId]: ['web'] } } : {}),
        ...options.settings,
      },
      env: { [userSettingsFileVariable]: userSettingsFile, ...options.env },
      logFile: path.join(logsDir, 'code-server.log'),
    });
    browser = await launchBrowser();
    const consoleLog = path.join(logsDir, 'browser-console.log');
    writeFileSync(consoleLog, '');
    browser.page.on('console', (message) =>
      appendFileSync(consoleLog, `[${message.type()}] ${message.text()} (${message.location().url})\n`),
    );
    browser.page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));
    const resourceDirs = options.installVsix ? [extensionsDir] : [extensionDir, repoRoot];
    const webviewErrors = await collectWebviewErrors(browser.context, browser.page, resourceDirs);
    await options.prepare?.(browser.page);
    const developmentDir = options.installVsix ? undefined : extensionDir;
    // The web worker loads the suite only from inside the extension's folder: through the link, not the repo's path.
    const testsPath =
      options.web && options.extensionTestsPath ? path.join(extensionDir, path.relative(repoRoot, options.extensionTestsPath)) : options.extensionTestsPath;
    await browser.page.goto(workbenchUrl(server, { extensionDir: developmentDir, folder: workspaceDir, extensionTestsPath: testsPath }));
    return {
      page: browser.page,
      server,
      vscodeVersion: host.vscodeVersion,
      workspaceDir,
      logsDir,
      userSettingsFile,
      extensionsDir,
      extensionDir: developmentDir,
      webviewErrors,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface WorkbenchTarget {
  /** The extension under development (extensionDevelopmentPath); none when the extension is installed. */
  extensionDir?: string;
  /** The workspace folder to open. */
  folder: string;
  /** The compiled suite module (extensionTestsPath), for the integration suite only. */
  extensionTestsPath?: string;
}

/**
 * The workbench URL: `payload` carries what the desktop gets as --extensionDevelopmentPath and
 * --extensionTestsPath, as vscode-remote URIs of this server.
 */
export function workbenchUrl(server: CodeServer, target: WorkbenchTarget): string {
  const remote = (file: string) => `vscode-remote://${server.authority}${file}`;
  const payload: [string, string][] = [];
  if (target.extensionDir) payload.push(['extensionDevelopmentPath', remote(target.extensionDir)]);
  if (target.extensionTestsPath) payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  const query = payload.length > 0 ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '';
  return `${server.origin}/?folder=${encodeURIComponent(target.folder)}${query}`;
}
