import * as assert from 'assert';
import { EXTENSION_MODE_TEST, testHooksFor } from '../../src/core/testHooks';

describe('the exports of activate()', () => {
  const hooks = { setUserInput: () => undefined };

  it('hold the test hooks only when VS Code runs the extension tests', () => {
    assert.strictEqual(testHooksFor(EXTENSION_MODE_TEST, hooks), hooks);
  });

  it('hold nothing that can observe or replace input in production or development', () => {
    assert.strictEqual(testHooksFor(1, hooks), undefined);
    assert.strictEqual(testHooksFor(2, hooks), undefined);
  });
});
