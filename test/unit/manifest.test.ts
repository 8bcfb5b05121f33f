// The manifest, the command table and the translations must agree; VS Code itself only notices at run time.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { CommandId, InternalCommand, PaletteCommand } from '../../src/commandIds';
import { FirstRunContextKey, GET_STARTED_VIEW_ID, WALKTHROUGH_ID, walkthroughRef } from '../../src/walkthrough/firstRunIds';

const root = path.join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json');
const nls: Record<string, string> = readJson('package.nls.json');
const nlsZh: Record<string, string> = readJson('package.nls.zh-cn.json');
const bundleZh: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}
const contributed: ContributedCommand[] = manifest.contributes.commands;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(root, dir, file));
}

/** The literal messages passed to `vscode.l10n.t('…')` anywhere in src/. */
function l10nMessages(): string[] {
  const call = /l10n\.t\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
  const unescape = (text: string) => text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  return sourceFiles('src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(call)].map((m) => unescape(m[2])));
}

describe('package.json', () => {
  it('contributes exactly the commands of the id table', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(CommandId).sort());
  });

  it('puts every command under the Dojo category with a translated title', () => {
    for (const command of contributed) {
      assert.equal(command.category, 'Dojo', command.command);
      const key = /^%(.+)%$/.exec(command.title)?.[1];
      assert.ok(key && nls[key] && nlsZh[key], `${command.command} has a title in English and Chinese`);
    }
  });

  it('hides the tree-only commands from the command palette and no others', () => {
    const hidden = manifest.contributes.menus.commandPalette
      .filter((m: { when: string }) => m.when === 'false')
      .map((m: { command: string }) => m.command);
    assert.deepEqual(hidden.sort(), Object.values(InternalCommand).sort());
    assert.ok(Object.values(PaletteCommand).every((id) => !hidden.includes(id)));
  });

  it('has every %key% of the manifest in both language files, and nothing else', () => {
    const keys = new Set([...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]));
    assert.deepEqual(Object.keys(nls).sort(), [...keys].sort());
    assert.deepEqual(Object.keys(nlsZh).sort(), [...keys].sort());
  });

  it('binds Random Question to a chord VS Code does not already use', () => {
    const binding = manifest.contributes.keybindings.find((k: { command: string }) => k.command === 'dojo.randomQuestion');
    // ctrl+alt+r is the terminal's "Run Recent Command"; cmd+alt+r toggles regex in find widgets.
    assert.ok(binding && !['ctrl+alt+r', 'cmd+alt+r'].includes(binding.key) && binding.mac !== 'cmd+alt+r');
  });

  it('points the empty view at the extension’s settings', () => {
    const empty = manifest.contributes.viewsWelcome.find((w: { when: string }) => w.when === 'dojo.libraryEmpty && !dojo.indexing');
    assert.match(nls[empty.contents.slice(1, -1)], /\(command:workbench\.action\.openSettings\?%22dojo%22\)/);
  });

  it('says the banks are being indexed while the view is empty because they are', () => {
    const indexing = manifest.contributes.viewsWelcome.find((w: { when: string }) => w.when === 'dojo.libraryEmpty && dojo.indexing');
    assert.equal(nls[indexing.contents.slice(1, -1)], 'Indexing question banks…');
  });

  it('declares the dojo settings that src/config.ts reads', () => {
    const settings = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(settings, [
      'dojo.ai.enabled',
      'dojo.allowRemoteImages',
      'dojo.extraBanks',
      'dojo.groupBy',
      'dojo.maxBankSizeMB',
      'dojo.openInNewPanel',
      'dojo.review.grades',
      'dojo.review.newPerDay',
      'dojo.review.retention',
      'dojo.review.reviewsPerDay',
      'dojo.scratchFolder',
    ]);
  });
});

describe('the walkthrough and the Get Started view', () => {
  interface Step {
    id: string;
    title: string;
    description: string;
    media: { markdown?: string; image?: string };
    completionEvents: string[];
  }
  const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: Step[] }[];
  const views: { id: string; when?: string }[] = Object.values(manifest.contributes.views as Record<string, { id: string; when?: string }[]>).flat();
  const settings = Object.keys(manifest.contributes.configuration.properties);
  const contextKeys: string[] = Object.values(FirstRunContextKey);
  /** The `command:` links of a manifest string, in English and Chinese. */
  const links = (key: string) => [nls, nlsZh].flatMap((strings) => [...strings[key.slice(1, -1)].matchAll(/\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)]);
  const isRealCommand = (id: string, args?: string) =>
    (Object.values(CommandId) as string[]).includes(id) ||
    id === `workbench.view.extension.${manifest.contributes.viewsContainers.activitybar[0].id}` ||
    (id === 'workbench.action.openSettings' && args !== undefined && settings.includes(JSON.parse(decodeURIComponent(args))));

  it('is the walkthrough the Open Walkthrough command opens', () => {
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
    // What workbench.action.openWalkthrough is given: <publisher>.<name>#<walkthrough id>.
    assert.equal(walkthroughRef(`${manifest.publisher}.${manifest.name}`), `interview-dojo.interview-dojo#${walkthrough.id}`);
    assert.ok(contributed.some((command) => command.command === CommandId.openWalkthrough));
  });

  it('completes every step on a real command, view, setting or context key the extension sets', () => {
    assert.ok(walkthrough.steps.length >= 5);
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} has a completion event`);
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(/:(.*)/s);
        const real =
          (kind === 'onCommand' && (Object.values(CommandId) as string[]).includes(name)) ||
          (kind === 'onView' && views.some((view) => view.id === name)) ||
          (kind === 'onSettingChanged' && settings.includes(name)) ||
          (kind === 'onContext' && contextKeys.includes(name));
        assert.ok(real, `${step.id}: ${event}`);
      }
    }
  });

  it('gives every step a page in English and Chinese, and links only to real commands and settings', () => {
    for (const step of walkthrough.steps) {
      const page = step.media.markdown;
      assert.ok(page, `${step.id} has a markdown page`);
      // VS Code reads <page>.nls.<display language>.md when it exists (gettingStartedDetailsRenderer).
      for (const file of [page, page.replace(/\.md$/, '.nls.zh-cn.md')]) {
        assert.ok(readFileSync(path.join(root, file), 'utf8').startsWith('# '), `${file} exists and has a heading`);
      }
      for (const [, id, args] of links(step.description)) assert.ok(isRealCommand(id, args), `${step.id}: command:${id}`);
    }
  });

  it('shows the Get Started view only while nothing is practised, offering a random question and the walkthrough', () => {
    const view = views.find((candidate) => candidate.id === GET_STARTED_VIEW_ID);
    assert.ok(view?.when?.includes(FirstRunContextKey.nothingPractised));
    const welcome = manifest.contributes.viewsWelcome.find((w: { view: string }) => w.view === GET_STARTED_VIEW_ID);
    const commands = links(welcome.contents).map(([, id]) => id);
    assert.deepEqual(commands, [CommandId.randomQuestion, CommandId.openWalkthrough, CommandId.randomQuestion, CommandId.openWalkthrough]);
  });
});

describe('l10n/bundle.l10n.zh-cn.json', () => {
  it('translates every message the code passes to vscode.l10n.t', () => {
    const messages = l10nMessages();
    assert.ok(messages.length > 30, 'the scan finds the messages');
    assert.deepEqual(messages.filter((m) => !bundleZh[m]), []);
  });

  it('keeps the placeholders of each message in its translation', () => {
    for (const [message, translation] of Object.entries(bundleZh)) {
      const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();
      assert.deepEqual(placeholders(translation), placeholders(message), message);
    }
  });
});
