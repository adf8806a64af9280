// Local filtering: the glob matcher is correct, and its work is bounded by pattern × name (counted
// in steps, never timed), whatever the pattern.
import * as assert from 'assert';
import { globMatch, type GlobSteps } from '../../src/core/glob';

describe('glob matching for local filters', () => {
  it('matches the whole value, with * for any run, case-insensitively', () => {
    const cases: [string, string, boolean][] = [
      ['*7', 'Key 17', true],
      ['*7', 'Key 71', false],
      ['key*', 'KEY one', true],
      ['*', '', true],
      ['*', 'anything', true],
      ['', '', true],
      ['', 'a', false],
      ['a', '', false],
      ['a*b*c', 'aXbYc', true],
      ['a*b*c', 'aXcYb', false],
      ['**', 'x', true],
      ['a**b', 'ab', true],
      ['*abc', 'ababc', true],
      ['ab*', 'a', false],
      ['Ä*', 'äbc', true],
      ['*ss*', 'MISSISSIPPI', true],
      ['mid', 'amidb', false],
      ['*mid*', 'amidb', true],
      ['a*', 'a\nb', true],
    ];
    for (const [pattern, value, expected] of cases) assert.strictEqual(globMatch(pattern, value), expected, `${pattern} vs ${JSON.stringify(value)}`);
  });

  it('takes regular-expression metacharacters literally', () => {
    for (const meta of ['.', '+', '?', '^', '$', '{1}', '(a)', '|', '[a]', '\\', '.*']) {
      assert.ok(globMatch(`x${meta}y`, `x${meta}y`), meta);
      assert.ok(!globMatch(`x${meta}y`, 'xay'), meta);
      assert.ok(globMatch(`*${meta}*`, `left${meta}right`), meta);
    }
    assert.ok(!globMatch('a.c', 'abc'));
  });

  it('does at most (pattern + 1) × (name + 1) steps on adversarial patterns', () => {
    const cases: [string, string][] = [
      ['*a*a*a*a*c', 'a'.repeat(255)],
      ['*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)],
      [`${'*a'.repeat(50)}*b`, 'a'.repeat(5000)],
      ['a*'.repeat(100) + 'b', 'a'.repeat(5000)],
      ['*' + 'a'.repeat(100) + 'b', 'a'.repeat(5000)],
      ['*'.repeat(1000) + 'b', 'a'.repeat(5000)],
    ];
    for (const [pattern, name] of cases) {
      const counter: GlobSteps = { steps: 0 };
      assert.strictEqual(globMatch(pattern, name, counter), false);
      const bound = (pattern.length + 1) * (name.length + 1);
      assert.ok(counter.steps <= bound, `${counter.steps} steps > ${bound} for ${pattern.slice(0, 20)}… vs ${name.length} characters`);
      console.log(
        `      figure: glob ${pattern.length > 24 ? `${pattern.slice(0, 20)}… (${pattern.length})` : pattern} vs ${name.length} × 'a': ${counter.steps} steps (bound ${bound})`,
      );
    }
  });
});
