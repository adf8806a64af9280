// Nesting depth is checked in one pass before parsing: deep answers are refused by value, not by time.
import * as assert from 'assert';
import { checkJsonDepth } from '../../src/core/jsonDepth';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

describe('checkJsonDepth', () => {
  it('lets 64 levels through and refuses 65, for arrays, objects and both', () => {
    assert.strictEqual(checkJsonDepth(nested(64)), undefined);
    assert.strictEqual(checkJsonDepth(nested(65)), 65);
    assert.strictEqual(checkJsonDepth('{"a":'.repeat(64) + '1' + '}'.repeat(64)), undefined);
    assert.strictEqual(checkJsonDepth('{"a":'.repeat(65) + '1' + '}'.repeat(65)), 65);
    assert.strictEqual(checkJsonDepth('[{"a":'.repeat(33) + '1' + '}]'.repeat(33)), 65, 'the first level past 64');
    assert.strictEqual(checkJsonDepth(nested(3), 2), 3);
  });

  it('counts depth, not brackets: siblings do not add up', () => {
    assert.strictEqual(checkJsonDepth(`[${Array(1000).fill(nested(60)).join(',')}]`), undefined);
  });

  it('does not count brackets inside strings, nor quotes that are escaped', () => {
    assert.strictEqual(checkJsonDepth(JSON.stringify({ name: '['.repeat(1000) })), undefined);
    assert.strictEqual(checkJsonDepth(JSON.stringify(['\\', '"[[[', '\\"{{{'.repeat(100)])), undefined);
    assert.strictEqual(checkJsonDepth('["\\u0022' + '['.repeat(100) + '"]'), undefined, 'an escaped \\u0022 does not end the string');
    // An escaped quote keeps the string open: the brackets after it are text.
    assert.strictEqual(checkJsonDepth('["a\\"' + '['.repeat(100) + '"]'), undefined);
    // An escaped backslash does not: the quote after it ends the string, so the brackets count.
    assert.strictEqual(checkJsonDepth('["a\\\\"' + ',['.repeat(100)), 65);
  });

  it('refuses a 1,000,000-deep answer', () => {
    assert.strictEqual(checkJsonDepth(nested(1_000_000)), 65);
    assert.strictEqual(checkJsonDepth('{"a":'.repeat(1_000_000)), 65);
  });

  it('does not let stray closing brackets buy depth for later ones', () => {
    assert.strictEqual(checkJsonDepth(']'.repeat(100) + nested(65)), 65);
  });
});
