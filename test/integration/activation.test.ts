import * as assert from 'assert';
import * as vscode from 'vscode';

describe('activation', () => {
  it('the App Keys extension is present and activates', async () => {
    const ext = vscode.extensions.getExtension('app-keys.app-keys');
    assert.ok(ext, 'extension app-keys.app-keys is not loaded');
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });
});
