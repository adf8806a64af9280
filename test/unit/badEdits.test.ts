// The bad-edit corpus through the VS Code-free validation: every document refused, each with a
// problem at the offending place. (The integration suite runs the same corpus through saves.)
import * as assert from 'assert';
import { parseAndValidate } from '../../src/core/validate';
import patchSchema from '../../schemas/losant/applicationKeyPatch.json';
import { BAD_EDITS, touches } from '../corpus/badEdits';

describe(`bad-edit corpus (${BAD_EDITS.length} documents) through parseAndValidate`, () => {
  it('has at least 60 documents', () => assert.ok(BAD_EDITS.length >= 60));
  for (const edit of BAD_EDITS) {
    it(`refuses: ${edit.name}`, () => {
      const { value, problems } = parseAndValidate(edit.text, patchSchema);
      assert.strictEqual(value, undefined);
      assert.ok(problems.length > 0);
      assert.ok(
        problems.some((p) => touches(edit, p.offset, p.length)),
        `no problem at "${edit.at.slice(0, 40)}": ${problems
          .map((p) => `${p.offset}+${p.length} ${p.message}`)
          .join('; ')
          .slice(0, 300)}`,
      );
    });
  }
});
