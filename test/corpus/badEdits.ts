// A corpus of bad Losant key edit documents. Each names the text a problem must be reported at
// (`at`, a substring of the document; `nth` picks a later occurrence).
export interface BadEdit {
  name: string;
  text: string;
  at: string;
  nth?: number;
  /** The problem is at the end of the text (it ends too early). */
  atEnd?: boolean;
}

const long = (n: number) => 'x'.repeat(n);
const nested = (depth: number, inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const doc = (fields: string) => `{\n  "name": "Gateway",\n${fields}\n}\n`;

export const BAD_EDITS: BadEdit[] = [
  // Not JSON
  { name: 'unclosed object', text: '{\n  "name": "Gateway"\n', at: '', atEnd: true },
  { name: 'missing value', text: '{ "name": }', at: '}' },
  { name: 'trailing comma', text: '{ "name": "x", }', at: '}' },
  { name: 'single quotes', text: "{ 'name': 'x' }", at: "'name'" },
  { name: 'line comment', text: '// note\n{ "name": "x" }', at: '// note' },
  { name: 'block comment', text: '{ /* c */ "name": "x" }', at: '/* c */' },
  { name: 'text after the object', text: '{ "name": "x" } extra', at: 'extra' },
  { name: 'missing comma', text: '{ "name": "x" "description": "y" }', at: '"description"' },
  { name: 'unquoted key', text: '{ name: "x" }', at: 'name' },
  { name: 'bad escape', text: '{ "name": "a\\q" }', at: '"a\\q"' },
  { name: 'NaN', text: '{ "name": NaN }', at: 'NaN' },
  { name: 'undefined', text: '{ "name": undefined }', at: 'undefined' },
  { name: 'leading zero', text: '{ "addresses": [01] }', at: '01' },
  { name: 'empty document', text: '', at: '' },
  { name: 'only spaces', text: '   \n  ', at: '', atEnd: true },
  { name: 'unterminated string', text: '{ "name": "abc }', at: '"abc }' },
  // Not an object
  { name: 'array root', text: '[]', at: '[]' },
  { name: 'string root', text: '"x"', at: '"x"' },
  { name: 'number root', text: '42', at: '42' },
  { name: 'null root', text: 'null', at: 'null' },
  { name: 'boolean root', text: 'true', at: 'true' },
  // Wrong types
  { name: 'name is a number', text: '{ "name": 42 }', at: '42' },
  { name: 'name is a boolean', text: '{ "name": true }', at: 'true' },
  { name: 'name is an array', text: '{ "name": ["a"] }', at: '["a"]' },
  { name: 'name is an object', text: '{ "name": { "first": "a" } }', at: '{ "first": "a" }' },
  { name: 'description is a number', text: doc('  "description": 5'), at: '5' },
  { name: 'status is a number', text: doc('  "status": 1'), at: '1' },
  { name: 'pubTopics is a string', text: doc('  "pubTopics": "a/b"'), at: '"a/b"' },
  { name: 'pubTopics is an object', text: doc('  "pubTopics": {}'), at: '{}' },
  { name: 'subTopics holds a number', text: doc('  "subTopics": ["a", 7]'), at: '7' },
  { name: 'addresses is a string', text: doc('  "addresses": "1.2.3.4"'), at: '"1.2.3.4"' },
  { name: 'filterType is a number', text: doc('  "filterType": 3'), at: '3' },
  { name: 'addressFilterType is an array', text: doc('  "addressFilterType": []'), at: '[]' },
  // Unknown fields
  { name: 'unknown field', text: doc('  "owner": "me"'), at: '"owner"' },
  { name: 'secret', text: doc('  "secret": "s"'), at: '"secret"' },
  { name: 'key (read-only)', text: doc('  "key": "k"'), at: '"key"' },
  { name: 'id (read-only)', text: doc('  "id": "65a0c0deb000000000000001"'), at: '"id"' },
  { name: 'lastUpdated (read-only)', text: doc('  "lastUpdated": "2026-01-01T00:00:00Z"'), at: '"lastUpdated"' },
  { name: 'deviceIds (post only)', text: doc('  "deviceIds": []'), at: '"deviceIds"' },
  { name: 'deviceTags (post only)', text: doc('  "deviceTags": []'), at: '"deviceTags"' },
  { name: 'applicationId', text: doc('  "applicationId": "x"'), at: '"applicationId"' },
  { name: 'wrong case', text: doc('  "Status": "active"'), at: '"Status"' },
  { name: 'trailing space in a name', text: doc('  "status ": "active"'), at: '"status "' },
  // Too long
  { name: 'name of 256 characters', text: `{ "name": "${long(256)}" }`, at: `"${long(256)}"` },
  { name: 'description of 32768 characters', text: doc(`  "description": "${long(32768)}"`), at: `"${long(32768)}"` },
  { name: 'topic of 1025 characters', text: doc(`  "pubTopics": ["${long(1025)}"]`), at: `"${long(1025)}"` },
  { name: 'address of 49 characters', text: doc(`  "addresses": ["${long(49)}"]`), at: `"${long(49)}"` },
  { name: 'empty name', text: '{ "name": "" }', at: '""' },
  { name: 'empty topic', text: doc('  "subTopics": [""]'), at: '""' },
  // Nulls (name may be null; these may not)
  { name: 'null status', text: doc('  "status": null'), at: 'null' },
  { name: 'null description', text: doc('  "description": null'), at: 'null' },
  { name: 'null pubTopics', text: doc('  "pubTopics": null'), at: 'null' },
  { name: 'null filterType', text: doc('  "filterType": null'), at: 'null' },
  { name: 'null addresses', text: doc('  "addresses": null'), at: 'null' },
  { name: 'null inside addresses', text: doc('  "addresses": [null]'), at: 'null' },
  // Prototype keys
  { name: '__proto__', text: doc('  "__proto__": { "status": "inactive" }'), at: '"__proto__"' },
  { name: 'constructor', text: doc('  "constructor": { "prototype": {} }'), at: '"constructor"' },
  { name: 'prototype', text: doc('  "prototype": 1'), at: '"prototype"' },
  // Huge arrays
  { name: '101 addresses', text: doc(`  "addresses": [${Array.from({ length: 101 }, (_, i) => `"10.0.0.${i % 250}"`).join(', ')}]`), at: '["10.0.0.0"' },
  { name: '20,000 topics with an empty one last', text: doc(`  "pubTopics": [${Array.from({ length: 20000 }, (_, i) => `"t/${i}"`).join(',')},""]`), at: '""' },
  // Deep nesting
  { name: 'name nested 500 deep', text: `{ "name": ${nested(500, '"x"')} }`, at: nested(500, '"x"') },
  { name: 'topics nested 200 deep', text: doc(`  "pubTopics": ${nested(200, '"a"')}`), at: nested(199, '"a"') },
  // Wrong enum values
  { name: 'status paused', text: doc('  "status": "paused"'), at: '"paused"' },
  { name: 'status Active', text: doc('  "status": "Active"'), at: '"Active"' },
  { name: 'status empty', text: doc('  "status": ""'), at: '""' },
  { name: 'filterType some', text: doc('  "filterType": "some"'), at: '"some"' },
  { name: 'filterType ALL', text: doc('  "filterType": "ALL"'), at: '"ALL"' },
  { name: 'addressFilterType none', text: doc('  "addressFilterType": "none"'), at: '"none"' },
];

/** Where `at` stands in the text. */
export function expectedRange(edit: BadEdit): { start: number; end: number } {
  if (edit.atEnd) return { start: edit.text.length, end: edit.text.length };
  let start = -1;
  for (let i = 0; i <= (edit.nth ?? 0); i++) start = edit.text.indexOf(edit.at, start + 1);
  if (start < 0) throw new Error(`"${edit.at.slice(0, 30)}" is not in the document of "${edit.name}"`);
  return { start, end: start + edit.at.length };
}

/** Whether a problem at [offset, offset+length) touches the expected place (syntax errors may sit at its edge). */
export function touches(edit: BadEdit, offset: number, length: number): boolean {
  const { start, end } = expectedRange(edit);
  return offset <= end && offset + Math.max(length, 1) >= start;
}
