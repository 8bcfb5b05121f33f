// Launches Debian's Chromium through playwright-core with a fresh profile; closed (and the profile removed)
// by the caller or, on failure and Ctrl-C, by the teardown list.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './paths';
import { trackedTempDir } from './tempDir';
import { HarnessError, track } from './teardown';

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Flags verified on this offline machine, as root (Playwright adds --headless and --no-sandbox). */
const chromiumFlags = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  const profile = trackedTempDir('dojo-chromium-');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath: chromiumPath,
      headless: true,
      chromiumSandbox: false,
      args: chromiumFlags,
      viewport: { width: 1440, height: 900 },
      // The harness decides when to close, so signals are handled by teardown.ts, not by Playwright.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    profile.remove();
    throw new HarnessError(`Chromium (${chromiumPath}) did not start: ${error instanceof Error ? error.message : error}`);
  }
  // Once only: the caller and the teardown list may both close it.
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await context.close().catch(() => undefined);
      untrack();
      profile.remove();
    })());
  // Playwright itself kills the browsers it launched when this process exits.
  const untrack = track({ name: 'Chromium', stop: close, kill: () => undefined });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}
