import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_MODE_TEST } from '../../src/core/testHooks';

describe('activation', () => {
  it('the App Keys extension is present and activates', async () => {
    const ext = vscode.extensions.getExtension('app-keys.app-keys');
    assert.ok(ext, 'extension app-keys.app-keys is not loaded');
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('exports its test hooks here because VS Code runs it in test mode, which the core recognises', async () => {
    // The core cannot import vscode: its idea of "test mode" must be VS Code's.
    assert.strictEqual(vscode.ExtensionMode.Test, EXTENSION_MODE_TEST);
    assert.notStrictEqual(vscode.ExtensionMode.Production, EXTENSION_MODE_TEST);
    const exports: unknown = await vscode.extensions.getExtension('app-keys.app-keys')!.activate();
    assert.strictEqual(typeof (exports as { setUserInput?: unknown }).setUserInput, 'function');
  });
});
