// /applications/{applicationId}/keys and /keys/{applicationKeyId}.
import { newKeyValue, newObjectId, newSecret } from '../ids';
import { compileQuery, parseAdvancedQuery } from './advanced-query';
import { notFound } from './errors';
import { APPLICATION_KEYS_LIST, applyListQuery, parseListQuery, recordsOf } from './list-query';
import { renderKey, type LosantKeyRecord } from './model';
import { fieldText, findApplication, type LosantContext, type LosantResult } from './route';

type KeyPost = Partial<
  Pick<LosantKeyRecord, 'deviceIds' | 'deviceTags' | 'name' | 'description' | 'filterType' | 'pubTopics' | 'subTopics' | 'addressFilterType' | 'addresses'>
>;
type KeyPatch = Omit<KeyPost, 'deviceIds' | 'deviceTags' | 'name'> & { status?: LosantKeyRecord['status']; name?: string | null };

export function listKeys({ state, params, query }: LosantContext): LosantResult {
  const q = parseListQuery(APPLICATION_KEYS_LIST, query);
  // The advanced query (blank: not provided) overrides filterField and filter (so those are not echoed).
  const text = query.get('query') || undefined;
  const advanced = text === undefined ? undefined : parseAdvancedQuery(text);
  const app = findApplication(state, params.applicationId);
  const keys = recordsOf(state.keys, app.id);
  const match = advanced && compileQuery(advanced);
  const page = applyListQuery(keys, q, fieldText, { match, cacheKey: `keys:${app.id}` });
  const { filter: _filter, filterField: _filterField, ...unfiltered } = page;
  return {
    status: 200,
    body: { ...(advanced ? unfiltered : page), items: page.items.map((key) => renderKey(key)), applicationId: app.id },
  };
}

export function createKey({ state, principal, params, body }: LosantContext): LosantResult {
  const app = findApplication(state, params.applicationId);
  const post = structuredClone(body) as KeyPost;
  const now = state.clock.nowIso();
  const record: LosantKeyRecord = {
    id: newObjectId(),
    applicationId: app.id,
    creationDate: now,
    createdById: principal.id,
    createdByType: principal.actorType,
    lastUpdated: now,
    lastUpdatedById: principal.id,
    lastUpdatedByType: principal.actorType,
    key: newKeyValue(),
    secret: newSecret(),
    status: 'active',
    ...post,
    filterType: post.filterType ?? 'all',
    pubTopics: post.pubTopics ?? [],
    subTopics: post.subTopics ?? [],
  };
  state.keys.set(record.id, record);
  // The only response that ever carries the secret.
  return { status: 201, body: renderKey(record, { includeSecret: true }) };
}

export function getKey({ state, params }: LosantContext): LosantResult {
  return { status: 200, body: renderKey(findKey({ state, params })) };
}

export function patchKey({ state, principal, params, body }: LosantContext): LosantResult {
  const record = findKey({ state, params });
  const patch = structuredClone(body) as KeyPatch;
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'name' && value === null) delete record.name;
    else (record as unknown as Record<string, unknown>)[field] = value;
  }
  record.lastUpdated = state.clock.nowIso();
  record.lastUpdatedById = principal.id;
  record.lastUpdatedByType = principal.actorType;
  return { status: 200, body: renderKey(record) };
}

export function deleteKey({ state, params }: LosantContext): LosantResult {
  const record = findKey({ state, params });
  state.keys.delete(record.id);
  return { status: 200, body: { success: true } };
}

function findKey({ state, params }: Pick<LosantContext, 'state' | 'params'>): LosantKeyRecord {
  const app = findApplication(state, params.applicationId);
  const record = state.keys.get(params.applicationKeyId);
  // A key of another application is "not found" here, never leaked.
  if (!record || record.applicationId !== app.id) throw notFound('ApplicationKey');
  return record;
}
