import * as assert from 'assert';
import { changedFields, parseAndValidate } from '../../src/core/validate';
import patchSchema from '../../schemas/losant/applicationKeyPatch.json';

function at(text: string, offset: number, length: number): string {
  return text.slice(offset, offset + length);
}

describe('parseAndValidate (jsonc-parser + ajv against the Losant key patch schema)', () => {
  it('accepts a valid document and returns its value', () => {
    const result = parseAndValidate('{ "name": "Gateway", "status": "inactive", "pubTopics": ["a/b"] }', patchSchema);
    assert.deepStrictEqual(result.problems, []);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(result.value)), { name: 'Gateway', status: 'inactive', pubTopics: ['a/b'] });
    assert.strictEqual(Object.getPrototypeOf(result.value), null, 'parsed objects have no prototype to pollute');
  });

  it('points an unknown field at its property name', () => {
    const text = '{\n  "name": "x",\n  "owner": "me"\n}';
    const { value, problems } = parseAndValidate(text, patchSchema);
    assert.strictEqual(value, undefined);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(at(text, problems[0].offset, problems[0].length), '"owner"');
    assert.match(problems[0].message, /"owner" is not allowed/);
  });

  it('points a wrong enum value at the value and lists the allowed ones', () => {
    const text = '{ "status": "paused" }';
    const [problem] = parseAndValidate(text, patchSchema).problems;
    assert.strictEqual(at(text, problem.offset, problem.length), '"paused"');
    assert.match(problem.message, /"active", "inactive"/);
  });

  it('points into arrays', () => {
    const text = '{ "pubTopics": ["ok", 7] }';
    const [problem] = parseAndValidate(text, patchSchema).problems;
    assert.strictEqual(at(text, problem.offset, problem.length), '7');
    assert.match(problem.message, /pubTopics\.1/);
  });

  it('reports each problem once, even where oneOf reports a branch each', () => {
    const text = '{ "filterType": "some", "name": "" }';
    const { problems } = parseAndValidate(text, patchSchema);
    const places = problems.map((p) => at(text, p.offset, p.length));
    assert.deepStrictEqual([...new Set(places)].sort(), ['""', '"some"']);
    assert.strictEqual(new Set(problems.map((p) => `${p.offset}:${p.message}`)).size, problems.length);
  });

  it('says each mistake once, in plain words: a field with alternatives gets one problem listing every allowed value', () => {
    const postSchema = require('../../schemas/losant/applicationKeyPost.json') as object; // eslint-disable-line @typescript-eslint/no-require-imports
    const text = '{ "name": "", "filterType": "some", "deviceIds": ["zz"], "description": 5 }';
    const { problems } = parseAndValidate(text, postSchema);
    assert.deepStrictEqual(
      [...problems].sort((a, b) => a.offset - b.offset).map((p) => [at(text, p.offset, p.length), p.message]),
      [
        ['""', '"name" must not be empty'],
        ['"some"', '"filterType" must be one of: "all", "whitelist", "blacklist", "none"'],
        ['"zz"', '"deviceIds.0" must be an ID of 24 hexadecimal digits'],
        ['5', '"description" must be text in quotes'],
      ],
    );
    for (const p of problems) assert.doesNotMatch(p.message, /oneOf|anyOf|schema|must NOT/, 'no validator wording');
  });

  it('reports syntax errors at their offset, and comments and trailing commas as errors', () => {
    for (const text of ['{ "name": "x", }', '{ // c\n "name": "x" }', '{ "name": ', '']) {
      const { value, problems } = parseAndValidate(text, patchSchema);
      assert.strictEqual(value, undefined, text);
      assert.ok(problems.length > 0, text);
      assert.ok(
        problems.every((p) => p.offset >= 0 && p.offset <= text.length),
        text,
      );
    }
  });

  it('refuses a document that is not an object', () => {
    for (const text of ['[]', '"x"', '42', 'null']) {
      assert.match(parseAndValidate(text, patchSchema).problems[0]?.message ?? '', /must be a JSON object/, text);
    }
  });

  it('refuses __proto__, constructor and prototype keys at any depth', () => {
    const text = '{ "__proto__": { "status": "x" }, "addresses": [], "name": "a" }';
    const { value, problems } = parseAndValidate(text, patchSchema);
    assert.strictEqual(value, undefined);
    assert.strictEqual(at(text, problems[0].offset, problems[0].length), '"__proto__"');
    assert.strictEqual(({} as Record<string, unknown>).status, undefined, 'no prototype was polluted');
  });

  it('enforces length limits', () => {
    const text = JSON.stringify({ name: 'x'.repeat(256) });
    assert.match(parseAndValidate(text, patchSchema).problems[0].message, /is too long: at most 255 characters/);
  });
});

describe('changedFields', () => {
  it('keeps only fields whose JSON value differs, regardless of key order', () => {
    const current = { name: 'a', description: 'd', pubTopics: ['x'], nested: { a: 1, b: 2 } };
    const edited = { name: 'a', description: 'e', pubTopics: ['x'], nested: { b: 2, a: 1 } };
    assert.deepStrictEqual(changedFields(current, edited), { description: 'e' });
  });

  it('treats a field missing on the server as changed when the user sets it', () => {
    assert.deepStrictEqual(changedFields({}, { description: '' }), { description: '' });
    assert.deepStrictEqual(changedFields({ name: 'x' }, { name: null }), { name: null });
  });
});
