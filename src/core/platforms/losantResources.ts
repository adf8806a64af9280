// Losant's resources under an application: what each looks like in the tree and the edit document.
import { LOSANT_ID } from '../ids';
import type { ItemSummary, ResourceItem, ResourceType } from './platform';
import applicationKeyPatch from '../../../schemas/losant/applicationKeyPatch.json';

export interface LosantResourceType extends ResourceType {
  /** Path segment below /applications/{applicationId}. */
  readonly pathSegment: string;
  /** Scope groups from Losant's action list, e.g. `applicationKeys` and `applicationKey`. */
  readonly collectionScope: string;
  readonly itemScope: string;
  /** The field of the create response that holds the one-time secret. */
  readonly secretField: string;
}

function pick(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (data[field] !== undefined) picked[field] = data[field];
  return picked;
}

const KEY_PATCH_FIELDS = Object.keys(applicationKeyPatch.properties);

export const losantKeys: LosantResourceType = {
  id: 'keys',
  label: 'Application Keys',
  noun: 'application key',
  idPattern: LOSANT_ID,
  argName: 'keyId',
  patchSchema: applicationKeyPatch,
  pathSegment: 'keys',
  collectionScope: 'applicationKeys',
  itemScope: 'applicationKey',
  secretField: 'secret',
  createFields: [
    { name: 'name', prompt: 'Name of the new application key', required: true, maxLength: 255 },
    { name: 'description', prompt: 'Description (optional)', required: false, maxLength: 32767 },
  ],
  editableFields: (item: ResourceItem) => pick(item.data, KEY_PATCH_FIELDS),
  summarize(item: ResourceItem): ItemSummary {
    const key = typeof item.data.key === 'string' ? item.data.key : item.id;
    const name = typeof item.data.name === 'string' && item.data.name ? item.data.name : undefined;
    const active = item.data.status !== 'inactive';
    return {
      label: name ?? key,
      description: [active ? undefined : 'inactive', name ? key : undefined].filter(Boolean).join(' · ') || undefined,
      active,
      copyValue: key,
    };
  },
};
