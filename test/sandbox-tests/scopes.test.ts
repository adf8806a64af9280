// The scope rule, checked against the lists Losant documents for each action.
import * as assert from 'node:assert/strict';
import { allowedScopes, hasAllowedScope } from '../sandbox';

describe('sandbox: Losant scopes', () => {
  it('matches the documented list for applicationKey get, patch and delete', () => {
    assert.deepEqual(allowedScopes('applicationKey', 'get', 'GET'), [
      'all.Application',
      'all.Application.read',
      'all.Organization',
      'all.Organization.read',
      'all.User',
      'all.User.read',
      'applicationKey.*',
      'applicationKey.get',
    ]);
    assert.deepEqual(allowedScopes('applicationKey', 'patch', 'PATCH'), [
      'all.Application',
      'all.Organization',
      'all.User',
      'applicationKey.*',
      'applicationKey.patch',
    ]);
    assert.deepEqual(allowedScopes('applicationKey', 'delete', 'DELETE'), [
      'all.Application',
      'all.Organization',
      'all.User',
      'applicationKey.*',
      'applicationKey.delete',
    ]);
  });

  it('matches the documented list for application API token actions', () => {
    assert.deepEqual(allowedScopes('applicationApiToken', 'get', 'GET'), [
      'all.Application',
      'all.Application.read',
      'all.Organization',
      'all.Organization.read',
      'all.User',
      'all.User.read',
      'applicationApiToken.*',
      'applicationApiToken.get',
    ]);
    assert.deepEqual(allowedScopes('applicationApiTokens', 'post', 'POST'), [
      'all.Application',
      'all.Organization',
      'all.User',
      'applicationApiTokens.*',
      'applicationApiTokens.post',
    ]);
  });

  it('does not let application-level scopes list applications', () => {
    const scopes = allowedScopes('applications', 'get', 'GET');
    assert.deepEqual(scopes, ['all.Organization', 'all.Organization.read', 'all.User', 'all.User.cli', 'all.User.read', 'applications.*', 'applications.get']);
    assert.equal(hasAllowedScope(['all.Application'], 'applications', 'get', 'GET'), false);
  });

  it('accepts read-only "all." scopes for GET only', () => {
    for (const scope of ['all.Application.read', 'all.Organization.read', 'all.User.read']) {
      assert.equal(hasAllowedScope([scope], 'applicationKeys', 'get', 'GET'), true, scope);
      assert.equal(hasAllowedScope([scope], 'applicationKeys', 'post', 'POST'), false, scope);
    }
  });

  it('matches a group wildcard only for its own group', () => {
    assert.equal(hasAllowedScope(['applicationKey.*'], 'applicationKey', 'patch', 'PATCH'), true);
    assert.equal(hasAllowedScope(['applicationKeys.*'], 'applicationKey', 'patch', 'PATCH'), false);
    assert.equal(hasAllowedScope(['applicationKey.get'], 'applicationKey', 'patch', 'PATCH'), false);
    assert.equal(hasAllowedScope([], 'applicationKey', 'get', 'GET'), false);
  });
});
