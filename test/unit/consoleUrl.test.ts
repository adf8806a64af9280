import * as assert from 'assert';
import { consolePage } from '../../src/core/consoleUrl';

const app = { platform: 'losant', applicationId: '65a0c0dea000000000000001', label: 'Fleet' };

describe('Web console page', () => {
  it('is only what consoleUrl says, with {applicationId} filled in', () => {
    assert.strictEqual(consolePage(app), undefined, 'none configured: none invented');
    assert.strictEqual(consolePage({ ...app, consoleUrl: '  ' }), undefined);
    assert.strictEqual(
      consolePage({ ...app, consoleUrl: 'https://console.example.test/applications/{applicationId}/keys' })?.href,
      'https://console.example.test/applications/65a0c0dea000000000000001/keys',
    );
    assert.strictEqual(consolePage({ ...app, consoleUrl: 'http://127.0.0.1:8080/{applicationId}' })?.href, 'http://127.0.0.1:8080/65a0c0dea000000000000001');
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
