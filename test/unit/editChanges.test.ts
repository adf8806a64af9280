// Edits that JSON.parse or a field-by-field diff would drop silently: repeated fields, integers
// beyond 2^53, fields deleted from the document.
import * as assert from 'assert';
import { clearedValue, editChanges } from '../../src/core/editChanges';
import { registerSecret } from '../../src/core/masking';
import { elasticPathKeys } from '../../src/core/platforms/elasticpath';
import { losantApiTokens, losantKeys } from '../../src/core/platforms/losantResources';
import { parseAndValidate } from '../../src/core/validate';

describe('edit documents: nothing dropped silently', () => {
  it('refuses a field written twice, at the second one', () => {
    const text = '{\n  "description": "new",\n  "description": "old"\n}\n';
    const { value, problems } = parseAndValidate(text, losantKeys.patchSchema);
    assert.strictEqual(value, undefined);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message, /"description" appears more than once/);
    assert.strictEqual(problems[0].offset, text.lastIndexOf('"description"'));
  });

  it('refuses a repeated field inside a nested object too', () => {
    const { problems } = parseAndValidate('{"orgRoles": [{"orgId": "sandbox", "role": "view", "role": "admin"}]}', losantApiTokens.patchSchema);
    assert.match(problems[0]?.message ?? '', /"role" appears more than once/);
  });

  it('refuses an integer beyond 2^53 instead of rounding it, and accepts 2^53 - 1', () => {
    const text = '{"reserved_rate_limit": 9007199254740993}';
    const { value, problems } = parseAndValidate(text, elasticPathKeys.patchSchema);
    assert.strictEqual(value, undefined);
    assert.match(problems[0].message, /beyond 2\^53/);
    assert.strictEqual(text.slice(problems[0].offset, problems[0].offset + problems[0].length), '9007199254740993');
    assert.deepStrictEqual(
      { ...parseAndValidate('{"reserved_rate_limit": 9007199254740991}', elasticPathKeys.patchSchema).value },
      { reserved_rate_limit: 9007199254740991 },
    );
    assert.match(parseAndValidate('{"reserved_rate_limit": 1e300}', elasticPathKeys.patchSchema).problems[0]?.message ?? '', /beyond 2\^53/);
  });

  it('sends a deleted free-text field as cleared ("") and a deleted nullable name as null', () => {
    const current = { name: 'Gateway', description: 'Truck 3', status: 'active', pubTopics: ['a'] };
    const edited = { status: 'active' };
    const text = JSON.stringify(edited);
    const result = editChanges(text, losantKeys.patchSchema, current, edited);
    assert.deepStrictEqual(
      result.problems.map((p) => p.message),
      [],
    );
    assert.deepStrictEqual(result.changes, { name: null, description: '', pubTopics: [] });
  });

  it('refuses to drop a field that has no cleared value (an enumeration, a required name)', () => {
    const current = { name: 'Token', description: 'd', status: 'active' };
    const edited = { description: 'd' };
    const result = editChanges(JSON.stringify(edited), losantApiTokens.patchSchema, current, edited);
    assert.deepStrictEqual(result.problems.map((p) => p.message).sort(), [
      'Field "name" cannot be removed: give it a new value instead',
      'Field "status" cannot be removed: give it a new value instead',
    ]);
    const ep = editChanges('{"name":"x"}', elasticPathKeys.patchSchema, { name: 'x', reserved_rate_limit: 5 }, { name: 'x' });
    assert.match(ep.problems[0]?.message ?? '', /"reserved_rate_limit" cannot be removed/);
  });

  it('knows which schema fields can be cleared', () => {
    assert.strictEqual(clearedValue({ type: 'string', maxLength: 10 } as object), '');
    assert.strictEqual(clearedValue({ oneOf: [{ type: 'string', minLength: 1 }, { type: 'null' }] }), null);
    assert.deepStrictEqual(clearedValue({ type: 'array', items: {} } as object), []);
    assert.strictEqual(clearedValue({ type: 'string', enum: ['a'] }), undefined);
    assert.strictEqual(clearedValue({ type: 'integer' }), undefined);
    assert.strictEqual(clearedValue({ type: 'array', minItems: 1 }), undefined);
  });

  it('treats a masked value left as shown as unchanged, so a secret is never overwritten by ***', () => {
    registerSecret('planted-secret-in-description');
    const current = { description: 'uses planted-secret-in-description' };
    const edited = { description: 'uses ***' };
    assert.deepStrictEqual(editChanges(JSON.stringify(edited), losantKeys.patchSchema, current, edited).changes, {});
    const changed = { description: 'something else' };
    assert.deepStrictEqual(editChanges(JSON.stringify(changed), losantKeys.patchSchema, current, changed).changes, changed);
  });
});
