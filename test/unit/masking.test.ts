import * as assert from 'assert';
import { maskSecrets, registerSecret } from '../../src/core/masking';

describe('maskSecrets', () => {
  it('masks registered secrets wherever they appear', () => {
    registerSecret('tok_abcdef123456');
    assert.strictEqual(maskSecrets('failed with tok_abcdef123456 twice: tok_abcdef123456'), 'failed with *** twice: ***');
  });

  it('masks credentials by their shape', () => {
    assert.strictEqual(maskSecrets('Authorization: Bearer eyJhbGciOi.x-y_z'), 'Authorization: Bearer ***');
    assert.strictEqual(maskSecrets('{"secret":"s3cr3t","name":"n"}'), '{"secret":"***","name":"n"}');
    assert.strictEqual(maskSecrets('grant_type=client_credentials&client_secret=abc&x=1'), 'grant_type=client_credentials&client_secret=***&x=1');
    assert.strictEqual(maskSecrets('{"access_token": "zzz"}'), '{"access_token": "***"}');
  });

  it('leaves ordinary text alone', () => {
    assert.strictEqual(maskSecrets('GET /applications/abc/keys 200 12 ms'), 'GET /applications/abc/keys 200 12 ms');
  });
});
