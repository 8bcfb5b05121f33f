import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId } from '../host/suiteProtocol';

describe('Activation', () => {
  it('loads the extension under development into the extension host', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded`);
    assert.equal(extension.packageJSON.name, 'interview-dojo');
  });

  it('activates the extension without error', async () => {
    const extension = vscode.extensions.getExtension(extensionId)!;
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers the dojo.refreshIndex command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('dojo.refreshIndex'), 'dojo.refreshIndex is not registered');
  });
});
