// Request-body schemas (draft-07), written from Losant's published schemas
// applicationKeyPost, applicationKeyPatch, applicationApiTokenPost and
// apiTokenPatch (losant-rest-js 4.2.0). All reject unknown properties.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { APPLICATION_TOKEN_SCOPES } from './token-scope-enum';

const objectId = { type: 'string', pattern: '^[A-Fa-f\\d]{24}$' };
const topics = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 1024 } };
const filterType = {
  oneOf: [
    { type: 'string', enum: ['all', 'whitelist', 'blacklist'] },
    { type: 'string', enum: ['none'] },
  ],
};
const addressFilterType = { type: 'string', enum: ['all', 'whitelist', 'blacklist'] };
const addresses = { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 48 } };
const status = { type: 'string', enum: ['active', 'inactive'] };
const role = { type: 'string', enum: ['admin', 'edit', 'collaborate', 'view', 'none'] };
const resourceRoles = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    properties: { resourceId: objectId, role: { type: 'string', enum: ['collaborate', 'view', 'none'] } },
    required: ['resourceId', 'role'],
    additionalProperties: false,
  },
};

export const applicationKeyPostSchema = {
  type: 'object',
  properties: {
    deviceIds: { type: 'array', items: objectId, maxItems: 1000 },
    deviceTags: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', pattern: '^[0-9a-zA-Z_-]{1,255}$' },
          value: { type: 'string', minLength: 1, maxLength: 255 },
        },
        additionalProperties: false,
      },
    },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    description: { type: 'string', maxLength: 32767 },
    filterType,
    pubTopics: topics,
    subTopics: topics,
    addressFilterType,
    addresses,
  },
  additionalProperties: false,
};

export const applicationKeyPatchSchema = {
  type: 'object',
  properties: {
    status,
    // null removes the name
    name: { oneOf: [{ type: 'string', minLength: 1, maxLength: 255 }, { type: 'null' }] },
    description: { type: 'string', maxLength: 32767 },
    filterType,
    pubTopics: topics,
    subTopics: topics,
    addressFilterType,
    addresses,
  },
  additionalProperties: false,
};

export const applicationApiTokenPostSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 255 },
    description: { type: 'string', maxLength: 32767 },
    expirationDate: { type: 'string', format: 'date-time' },
    scope: { type: 'array', uniqueItems: true, items: { type: 'string', enum: APPLICATION_TOKEN_SCOPES } },
    status,
  },
  additionalProperties: false,
  required: ['name'],
};

export const apiTokenPatchSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 255 },
    description: { type: 'string', maxLength: 32767 },
    defaultRole: role,
    orgRoles: {
      type: 'array',
      maxItems: 25,
      items: {
        type: 'object',
        properties: {
          orgId: { oneOf: [objectId, { type: 'string', enum: ['sandbox'] }] },
          role,
          applicationRoles: resourceRoles,
          dashboardRoles: resourceRoles,
        },
        required: ['orgId', 'role'],
        additionalProperties: false,
      },
    },
    status,
  },
  additionalProperties: false,
};

const ajv = new Ajv({ allErrors: false, strict: false, logger: false });
ajv.addFormat('date-time', {
  type: 'string',
  validate: (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)),
});

/** Returns a message naming the offending field, or undefined when the body is valid. */
export type BodyValidator = (body: unknown) => string | undefined;

/** paramName is Losant's name for the body ("applicationKey", "apiToken"), used as the field prefix. */
export function bodyValidator(paramName: string, schema: object): BodyValidator {
  const validate: ValidateFunction = ajv.compile(schema);
  return (body) => (validate(body) ? undefined : describeErrors(paramName, validate.errors ?? []));
}

function describeErrors(paramName: string, errors: ErrorObject[]): string {
  const first = errors[0];
  if (!first) return `${paramName} is invalid`;
  const field = paramName + first.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
  switch (first.keyword) {
    case 'additionalProperties':
      return `${field}.${String(first.params.additionalProperty)} is not allowed`;
    case 'required':
      return `${field}.${String(first.params.missingProperty)} is required`;
    case 'enum': {
      // A oneOf of enums (filterType) fails in each branch; list every allowed value.
      const allowed = errors.filter((e) => e.keyword === 'enum' && e.instancePath === first.instancePath).flatMap((e) => e.params.allowedValues as unknown[]);
      return `${field} must be one of: ${allowed.join(', ')}`;
    }
    default:
      return `${field} ${first.message ?? 'is invalid'}`;
  }
}
