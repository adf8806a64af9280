// Where the cursor is in a key document's device restrictions, found in the text as typed.
import * as assert from 'assert';
import { deviceIdsIn, deviceSlotAt, typedDeviceIds, withDeviceIds } from '../../src/core/deviceFields';

/** The text without its `|`, and the cursor's offset there. */
function at(marked: string): [string, number] {
  return [marked.replace('|', ''), marked.indexOf('|')];
}

describe('Device fields in a key document', () => {
  it('finds an element of deviceIds: in an empty list, after another ID, and inside a string being typed', () => {
    assert.deepStrictEqual(deviceSlotAt(...at('{ "name": "a", "deviceIds": [|] }')), { kind: 'deviceId', replace: undefined, taken: [] });
    const [text, offset] = at('{ "deviceIds": ["65a0c0de00000000000000d7", "Tru|"] }');
    const slot = deviceSlotAt(text, offset);
    assert.deepStrictEqual(slot, { kind: 'deviceId', replace: { offset: text.indexOf('"Tru'), length: 5 }, taken: ['65a0c0de00000000000000d7'] });
  });

  it('replaces a string still being typed, without its closing quote, whole', () => {
    const [text, offset] = at('{ "deviceIds": ["Truck 0|');
    const slot = deviceSlotAt(text, offset);
    assert.deepStrictEqual(slot && slot.kind === 'deviceId' ? slot.replace : 'none', { offset: text.indexOf('"Truck'), length: '"Truck 0'.length });
  });

  it('finds the key and value of a deviceTags entry, with the key already typed for values', () => {
    assert.deepStrictEqual(deviceSlotAt(...at('{ "deviceTags": [{ "key": "|" }] }'))?.kind, 'tagKey');
    const slot = deviceSlotAt(...at('{ "deviceTags": [{ "key": "floor", "value": "|" }] }'));
    assert.deepStrictEqual(slot && slot.kind === 'tagValue' ? slot.key : 'none', 'floor');
  });

  it('finds nothing elsewhere: names, property keys, other lists', () => {
    assert.strictEqual(deviceSlotAt(...at('{ "name": "|" }')), undefined);
    assert.strictEqual(deviceSlotAt(...at('{ "|": 1 }')), undefined);
    assert.strictEqual(deviceSlotAt(...at('{ "pubTopics": ["|"] }')), undefined);
    assert.strictEqual(deviceSlotAt(...at('{ "deviceTags": [|] }')), undefined);
  });

  it('lists the typed IDs with where each ends, and sets deviceIds keeping the rest as typed', () => {
    const text = '{\n  "name": "k", // a comment\n  "deviceIds": ["a1", 7, "b2"]\n}';
    assert.deepStrictEqual(
      deviceIdsIn(text).map((d) => [d.id, text.slice(d.end - 4, d.end)]),
      [
        ['a1', '"a1"'],
        ['b2', '"b2"'],
      ],
    );
    const changed = withDeviceIds(text, ['x', 'y']);
    assert.match(changed, /\/\/ a comment/);
    assert.deepStrictEqual(typedDeviceIds(changed), ['x', 'y']);
    assert.deepStrictEqual(typedDeviceIds(withDeviceIds('{ "name": "k" }', ['z'])), ['z'], 'added where missing');
  });
});
