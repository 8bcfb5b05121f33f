// Where users can set the path settings. VS Code applies a setting from the User settings of a remote window
// (code-server, SSH, WSL, containers) only when its scope is application, window, resource or
// language-overridable; `machine` and `machine-overridable` settings are ignored there and shown on the
// Remote tab only (LOCAL_MACHINE_SCOPES in vs/workbench/services/configuration/common/configuration.ts).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties: Record<string, { scope?: string }> = manifest.contributes.configuration.properties;

/** Scopes VS Code applies from the User, the Remote and the Workspace settings alike. */
const everywhere = ['window', 'resource'];

describe('the scopes of the path settings', () => {
  for (const key of ['dojo.extraBanks', 'dojo.scratchFolder']) {
    it(`lets ${key} be set in the User, Remote and Workspace settings of a remote window`, () => {
      // No scope means `window`.
      assert.ok(everywhere.includes(properties[key].scope ?? 'window'), `${key} has scope ${properties[key].scope}`);
    });
  }
});
