import * as assert from 'assert';
import { escapeMarkdown, inertLinks } from '../../src/core/text';

describe('server text shown to people', () => {
  it('escapes Markdown links, emphasis and HTML', () => {
    const name = 'Evil [x](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold**';
    const md = escapeMarkdown(name);
    assert.ok(!/\[x\]\(command/.test(md), md);
    assert.ok(!md.includes('<img'), md);
    assert.ok(!md.includes('**'), md);
    assert.ok(md.includes('\\[x\\]\\(command:workbench.action.quit\\)'), md);
  });

  it('leaves ordinary text readable', () => {
    assert.strictEqual(escapeMarkdown('127.0.0.1 read-only 2022-11-02 #3 +1'), '127.0.0.1 read-only 2022-11-02 #3 +1');
  });

  it('keeps escaped text on one line', () => {
    assert.strictEqual(escapeMarkdown('a\nb\r\nc'), 'a b c');
  });

  it('breaks link syntax in notifications without changing the visible text', () => {
    const shown = inertLinks('Could not delete "[x](command:workbench.action.quit)" or [y] (https://e.com)');
    assert.ok(!/\]\(/.test(shown));
    assert.ok(!/\]\s+\(/.test(shown.replace(/\u200b/g, 'Z')));
    assert.strictEqual(shown.replace(/\u200b/g, ''), 'Could not delete "[x](command:workbench.action.quit)" or [y](https://e.com)');
  });
});
