// GET /applications, GET /applications/{applicationId}, GET /me.
import { OBJECT_ID_PATTERN } from '../ids';
import { validationError } from './errors';
import { APPLICATIONS_LIST, applyListQuery, parseListQuery } from './list-query';
import { renderApplication } from './model';
import { fieldText, findApplication, type LosantContext, type LosantResult } from './route';

export function listApplications({ state, principal, query }: LosantContext): LosantResult {
  const q = parseListQuery(APPLICATIONS_LIST, query);
  // orgId: absent = all, blank = the user's own applications, id = that organization's.
  const orgId = query.get('orgId');
  if (orgId !== null && orgId !== '' && !OBJECT_ID_PATTERN.test(orgId)) {
    throw validationError('orgId must be blank or 24 hexadecimal characters');
  }
  let apps = [...state.applications.values()];
  if (principal.applicationId !== undefined) apps = apps.filter((app) => app.id === principal.applicationId);
  if (orgId === '') apps = apps.filter((app) => app.ownerType === 'user' && app.ownerId === principal.id);
  else if (orgId !== null) apps = apps.filter((app) => app.ownerType === 'organization' && app.ownerId === orgId);
  const page = applyListQuery(apps, q, fieldText);
  return { status: 200, body: { ...page, items: page.items.map((app) => renderApplication(state, app)) } };
}

export function getApplication({ state, params }: LosantContext): LosantResult {
  return { status: 200, body: renderApplication(state, findApplication(state, params.applicationId)) };
}

export function getMe({ state }: LosantContext): LosantResult {
  const { user } = state;
  return {
    status: 200,
    body: { id: user.id, userId: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, emailVerified: true },
  };
}
