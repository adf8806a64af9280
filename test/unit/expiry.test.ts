import * as assert from 'assert';
import { expiresSoon, expiryOf, expiryText } from '../../src/core/expiry';
import { losantApiTokens, losantKeys } from '../../src/core/platforms/losantResources';
import { findings } from '../../src/core/staleReport';
import type { ResourceItem } from '../../src/core/platforms/platform';

const DAY = 86_400_000;
const now = Date.parse('2026-12-01T12:00:00.000Z');
const token = (id: string, expirationDate?: string, status = 'active'): ResourceItem => ({
  id,
  data: { id, name: `token ${id}`, status, scope: ['all.Application'], ...(expirationDate ? { expirationDate } : {}) },
});
const inDays = (days: number) => new Date(now + days * DAY).toISOString();

describe('Token expiry', () => {
  it('reads expirationDate as whole days left, rounded up, and "expired" from the moment it passes', () => {
    const cases: [string | undefined, string | undefined][] = [
      [inDays(12), 'expires in 12 days'],
      [inDays(11.5), 'expires in 12 days'],
      [inDays(0.01), 'expires in 1 day'],
      [inDays(1), 'expires in 1 day'],
      [new Date(now).toISOString(), 'expired'],
      ['2024-06-30T00:00:00.000Z', 'expired'],
      [undefined, undefined],
      ['not a date', undefined],
    ];
    for (const [date, text] of cases) {
      const expiry = expiryOf(losantApiTokens, token('t', date), now);
      assert.strictEqual(expiry && expiryText(expiry), text, String(date));
    }
  });

  it('warns within the warning days, not after expiry, and never for kinds that do not expire', () => {
    const soon = expiryOf(losantApiTokens, token('t', inDays(14)), now);
    assert.strictEqual(expiresSoon(soon, 14), true);
    assert.strictEqual(expiresSoon(soon, 13), false);
    assert.strictEqual(expiresSoon(expiryOf(losantApiTokens, token('t', inDays(-1)), now), 14), false, 'expired is not "soon"');
    assert.strictEqual(expiryOf(losantKeys, { id: 'k', data: { expirationDate: inDays(1) } }, now), undefined, 'keys have no expiry');
  });

  it('lists expired and soon-expiring tokens in the stale report findings; keys get no such sections', () => {
    const items = [token('a', inDays(3)), token('b', inDays(30)), token('c', inDays(-3)), token('d')];
    const found = Object.fromEntries(findings(losantApiTokens, items, 90, now, 14).map((f) => [f.title, f.items.map((i) => i.id)]));
    assert.deepStrictEqual(found['Expired'], ['c']);
    assert.deepStrictEqual(found['Expiring within 14 days'], ['a']);
    assert.deepStrictEqual(found['Inactive'], ['c'], 'an expired token does not work');
    assert.deepStrictEqual(
      findings(losantKeys, [], 90, now).map((f) => f.title),
      ['Inactive', 'Without a description'],
    );
  });
});
