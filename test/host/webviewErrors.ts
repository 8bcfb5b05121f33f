// Collects the errors of this extension's webviews: console.error calls, uncaught errors, unhandled rejections,
// CSP violations, and failed loads of the extension's resources.
// Playwright does not tell which frame a console message came from, and messages from scripts injected or
// inline have no URL; so a script added to every frame reports through a binding, which does name the frame.
import type { BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';
import { extensionId } from './suiteProtocol';

const binding = '__dojoReportWebviewError';

// Plain JavaScript as text: a function would be serialized after transpilation, with helpers it cannot reach.
// The webview host writes the webview's document with document.open(), which erases the window's listeners:
// they are added again after it.
const reporterScript = `(() => {
  const report = (text) => window.${binding} && window.${binding}(text);
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    report('console.error: ' + args.map(String).join(' '));
    consoleError(...args);
  };
  const listen = () => {
    window.addEventListener('error', (event) => report(event.message + ' (' + event.filename + ':' + event.lineno + ')'));
    window.addEventListener('unhandledrejection', (event) => report('Unhandled rejection: ' + String(event.reason)));
    window.addEventListener('securitypolicyviolation', (event) =>
      report("CSP violation: '" + event.violatedDirective + "' blocked " + (event.blockedURI || 'inline content') +
        ' (' + (event.sourceFile || 'inline') + ':' + event.lineNumber + ')'));
  };
  listen();
  const open = Document.prototype.open;
  Document.prototype.open = function (...args) {
    const result = open.apply(this, args);
    if (this === document) listen();
    return result;
  };
})();`;

export async function collectWebviewErrors(context: BrowserContext, page: Page, resourceDirs: string[]): Promise<string[]> {
  const errors: string[] = [];
  await context.exposeBinding(binding, ({ frame }: { frame: Frame }, text: string) => {
    if (isOwnWebview(frame)) errors.push(text);
  });
  await context.addInitScript({ content: reporterScript });
  // A resource that fails to load is reported by the browser, not by a script: a console message with its URL.
  page.on('console', (message: ConsoleMessage) => {
    const { url } = message.location();
    if (message.text().startsWith('Failed to load resource') && isOwnResource(url, resourceDirs)) {
      errors.push(`${message.text()} (${url})`);
    }
  });
  return errors;
}

/** A webview frame or one nested in it, whose host document (pre/index.html) names this extension. */
function isOwnWebview(frame: Frame): boolean {
  for (let current: Frame | null = frame; current; current = current.parentFrame()) {
    const host = /\/webview\/browser\/pre\/index\.html\?(?:[^#]*&)?extensionId=([^&#]+)/.exec(current.url());
    if (host) return decodeURIComponent(host[1]) === extensionId;
  }
  return false;
}

/** Webview resources load from a *.vscode-resource.* host, by their path on the server. */
function isOwnResource(url: string, resourceDirs: string[]): boolean {
  const resourcePath = /^https?:\/\/[^/]*\.vscode-resource\.[^/]*(\/[^?#]*)/.exec(url)?.[1];
  return resourcePath !== undefined && resourceDirs.some((dir) => decodeURIComponent(resourcePath).startsWith(`${dir}/`));
}
