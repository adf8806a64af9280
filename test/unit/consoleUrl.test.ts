import * as assert from 'assert';
import { consolePage, hasConsolePage } from '../../src/core/consoleUrl';

const app = { platform: 'losant', applicationId: '65a0c0dea000000000000001', label: 'Fleet' };

describe('Web console page', () => {
  it('is only what consoleUrl says, with {applicationId} filled in', () => {
    assert.strictEqual(consolePage(app), undefined, 'none configured and no origin: none invented');
    assert.strictEqual(consolePage({ ...app, consoleUrl: '  ' }), undefined);
    assert.strictEqual(
      consolePage({ ...app, consoleUrl: 'https://console.example.test/applications/{applicationId}/keys' })?.href,
      'https://console.example.test/applications/65a0c0dea000000000000001/keys',
    );
    assert.strictEqual(consolePage({ ...app, consoleUrl: 'http://127.0.0.1:8080/{applicationId}' })?.href, 'http://127.0.0.1:8080/65a0c0dea000000000000001');
  });

  it('falls back to the page the platform publishes for its API origin, and only there', () => {
    const losant = { ...app, origin: 'https://api.losant.com' };
    assert.strictEqual(consolePage(losant)?.href, 'https://app.losant.com/applications/65a0c0dea000000000000001');
    assert.strictEqual(consolePage({ ...app, origin: 'https://useast.api.elasticpath.com' })?.href, 'https://useast.cm.elasticpath.com/');
    for (const origin of ['https://api.app.wnology.io', 'https://euwest.api.elasticpath.com', 'https://losant.internal.example', 'http://127.0.0.1:7070']) {
      assert.strictEqual(consolePage({ ...app, origin }), undefined, origin);
      assert.strictEqual(hasConsolePage({ ...app, origin }), false, origin);
    }
    // A consoleUrl from the user's own settings wins over the published page; from anywhere else it may not leave its host.
    assert.strictEqual(consolePage({ ...losant, scope: 'user', consoleUrl: 'https://console.example.test/{applicationId}' })?.host, 'console.example.test');
    for (const scope of ['workspace', 'workspaceFolder', undefined] as const) {
      assert.strictEqual(consolePage({ ...losant, scope, consoleUrl: 'https://app.losant.com.example.test/{applicationId}' })?.host, 'app.losant.com', scope);
      assert.strictEqual(
        consolePage({ ...losant, scope, consoleUrl: 'https://app.losant.com/applications/{applicationId}/keys' })?.pathname,
        `/applications/${app.applicationId}/keys`,
      );
    }
    assert.strictEqual(hasConsolePage(losant), true);
  });

  it('refuses anything but https (http on loopback), and credentials in the URL', () => {
    for (const consoleUrl of [
      'http://console.example.test/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'command:appKeys.delete',
      'https://user:pw@example.test/',
      'not a url',
    ]) {
      assert.throws(() => consolePage({ ...app, consoleUrl }), /consoleUrl of Fleet/, consoleUrl);
    }
  });

  it('keeps an odd ID inside its path segment', () => {
    assert.strictEqual(
      consolePage({ ...app, applicationId: '../x?y#z', consoleUrl: 'https://c.example.test/a/{applicationId}' })?.pathname,
      '/a/..%2Fx%3Fy%23z',
    );
  });
});
