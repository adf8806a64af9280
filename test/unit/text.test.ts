import * as assert from 'assert';
import { codeSpan, notificationText, oneLine } from '../../src/core/text';
import { assertElements, HOSTILE_NAMES, readableText, renderMarkdown } from '../support/markdown';

describe('server text shown to people', () => {
  it('puts every line break on one line: \\r\\n, \\r, \\n, U+2028, U+2029, U+0085', () => {
    assert.strictEqual(oneLine('a\r\nb\rc\nd\u2028e\u2029f\u0085g'), 'a b c d e f g');
  });

  it('shows server text in a code span: one <code>, nothing else, and the text as it is on one line', () => {
    const texts = [
      ...HOSTILE_NAMES,
      'plain',
      'x',
      '`',
      '``',
      'a ` b `` c',
      '  ` spaced `` ',
      ' ',
      '  two  ',
      'ends with `',
      '` starts',
      '&amp; &lt;b&gt;',
      '\\`escaped\\`',
      '<https://evil.example>',
      'admin@evil.example',
    ];
    for (const text of texts) {
      const html = renderMarkdown(`Name: ${codeSpan(text)}`);
      assertElements(html, { p: 1, code: 1 });
      assert.strictEqual(readableText(html).trim(), `Name: ${oneLine(text)}`.trim(), html);
    }
  });

  it('keeps a code span on one line, with a fence longer than any run of backticks inside', () => {
    assert.strictEqual(codeSpan('plain'), '`plain`');
    assert.strictEqual(codeSpan('a\r\n# b'), '`a # b`');
    assert.strictEqual(codeSpan('a `` b'), '```a `` b```');
    assert.strictEqual(codeSpan('`x`'), '`` `x` ``');
    assert.ok(!/[\r\n\u2028\u2029\u0085]/.test(codeSpan('\r\n\u2028\u2029\u0085')));
  });

  it('shows empty text as an empty code span, not as two backticks', () => {
    assertElements(renderMarkdown(`Name: ${codeSpan('')}`), { p: 1, code: 1 });
  });

  it('breaks the link syntax of notifications, on one line, keeping the text readable', () => {
    // How VS Code finds links in a notification's message (parseLinkedText in linkedText.ts).
    const notificationLink = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
    const shown = notificationText('Could not delete "[x](command:workbench.action.quit)",\r\n[y](https://e.com) or [z]](file:///etc)');
    assert.deepStrictEqual([...shown.matchAll(notificationLink)], []);
    assert.strictEqual(shown, 'Could not delete "[x] (command:workbench.action.quit)", [y] (https://e.com) or [z]] (file:///etc)');
    assert.strictEqual(notificationText('Deleted "Key (old)".'), 'Deleted "Key (old)".');
  });
});
