// Losant's advanced application key query (`query`, advancedApplicationKeyQuery in the reference
// schemas): one JSON text in one query parameter, as Losant's official client sends it (losant-rest:
// `req.params.query = JSON.stringify(params.query)`, then qs), validated against the schema and
// evaluated with its MongoDB-like meaning ($and/$or/$nor; $eq/$ne/$gt/$lt/$gte/$lte/$in/$nin; string
// $startsWith/$endsWith/$contains with $ci; an array field matches when one of its elements does;
// null matches a missing field). It overrides filterField and filter.
import Ajv from 'ajv';
import { validationError } from './errors';

const objectId = { type: 'string', pattern: '^[A-Fa-f\\d]{24}$' };
const idValue = { oneOf: [objectId, { type: 'null' }] };
const scalar = { type: ['string', 'number', 'boolean', 'null'] };
const list = (items: object) => ({ type: 'array', maxItems: 100, items });
const comparisons = (value: object) => Object.fromEntries(['$eq', '$ne', '$gt', '$lt', '$gte', '$lte'].map((op) => [op, value]));
const idField = {
  oneOf: [
    idValue,
    {
      type: 'object',
      properties: { ...comparisons(idValue), $in: list(objectId), $nin: list(objectId) },
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
    },
  ],
};
const text = { type: 'string', minLength: 1 };
const textField = {
  oneOf: [
    scalar,
    {
      type: 'object',
      properties: {
        ...comparisons(scalar),
        $startsWith: text,
        $endsWith: text,
        $contains: text,
        $ci: { type: 'boolean' },
        $in: list({ type: ['string', 'number', 'boolean'] }),
        $nin: list({ type: ['string', 'number', 'boolean'] }),
      },
      additionalProperties: false,
    },
  ],
};
const tagText = { type: 'string', maxLength: 255 };
const tagPart = {
  oneOf: [
    tagText,
    { type: 'null' },
    { type: 'object', properties: { $in: list(tagText) }, required: ['$in'], additionalProperties: false },
    { type: 'object', properties: { $nin: list(tagText) }, required: ['$nin'], additionalProperties: false },
  ],
};
const tagValue = {
  oneOf: [
    { type: 'null' },
    { type: 'object', properties: { $tagKey: tagPart, $tagValue: tagPart }, additionalProperties: false, minProperties: 1 },
    { type: 'object', patternProperties: { '^[0-9a-zA-Z_-]{1,255}': tagPart }, additionalProperties: false },
  ],
};
const tagField = {
  oneOf: [
    tagValue,
    { type: 'object', properties: { $eq: tagValue }, required: ['$eq'], additionalProperties: false },
    { type: 'object', properties: { $ne: tagValue }, required: ['$ne'], additionalProperties: false },
  ],
};
const TEXT_FIELDS = [
  'creationDate',
  'lastUpdated',
  'status',
  'key',
  'name',
  'description',
  'filterType',
  'pubTopics',
  'subTopics',
  'addressFilterType',
  'addresses',
];
const schema = {
  type: 'object',
  properties: {
    $and: list({ $ref: '#' }),
    $or: list({ $ref: '#' }),
    $nor: list({ $ref: '#' }),
    id: idField,
    deviceIds: idField,
    deviceTags: tagField,
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, textField])),
  },
};
const validate = new Ajv({ allErrors: false, strict: false, logger: false }).compile(schema);

export type Query = Record<string, unknown>;

/** The `query` parameter, parsed and validated; a 400 Validation error otherwise. */
export function parseAdvancedQuery(text: string): Query {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw validationError('query must be a JSON object');
  }
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw validationError(`query${first?.instancePath.replace(/\//g, '.') ?? ''} ${first?.message ?? 'is invalid'}`);
  }
  return value as Query;
}

type Record_ = Record<string, unknown>;
const isObject = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `record` matches `query`. */
export function matchesQuery(record: object, query: Query): boolean {
  return compileQuery(query)(record);
}

type Test = (record: Record_) => boolean;

/** `query` as one predicate, built once per request: a list of 100,000 keys is tested in a few milliseconds. */
export function compileQuery(query: Query): (record: object) => boolean {
  const tests: Test[] = Object.entries(query).flatMap(([field, condition]): Test[] => {
    if (field === '$and') {
      const parts = (condition as Query[]).map(compileQuery);
      return [(r) => parts.every((p) => p(r))];
    }
    if (field === '$or') {
      const parts = (condition as Query[]).map(compileQuery);
      return [(r) => parts.some((p) => p(r))];
    }
    if (field === '$nor') {
      const parts = (condition as Query[]).map(compileQuery);
      return [(r) => !parts.some((p) => p(r))];
    }
    if (field.startsWith('$')) return [];
    if (field === 'deviceTags') return [(r) => matchesTags(r.deviceTags, condition)];
    const ops = isObject(condition) ? Object.entries(condition).filter(([op]) => op !== '$ci') : [['$eq', condition] as const];
    const ci = isObject(condition) && condition.$ci === true;
    return ops.map(([op, operand]) => {
      // $in without $ci: a Set, looked up per element.
      if (op === '$in' && !ci) {
        const values = new Set(operand as unknown[]);
        return (r: Record_) => {
          const value = r[field];
          return Array.isArray(value) ? value.some((v) => values.has(v)) : value !== undefined && value !== null && values.has(value);
        };
      }
      return (r: Record_) => test(r[field], op, operand, ci);
    });
  });
  return (record) => tests.every((t) => t(record as Record_));
}

/** One operator against a value; an array value matches when one element does (none, for $ne and $nin). */
function test(value: unknown, op: string, operand: unknown, ci: boolean): boolean {
  if (op === '$ne') return !test(value, '$eq', operand, ci);
  if (op === '$nin') return !test(value, '$in', operand, ci);
  if (op === '$eq' && operand === null) return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => testOne(v, op, operand, ci));
}

function testOne(value: unknown, op: string, operand: unknown, ci: boolean): boolean {
  if (value === undefined || value === null) return false;
  const fold = (v: unknown) => (ci && typeof v === 'string' ? v.toLowerCase() : v);
  const a = fold(value) as string | number | boolean;
  const b = fold(operand) as string | number | boolean;
  switch (op) {
    case '$eq':
      return a === b;
    case '$gt':
      return typeof a === typeof b && a > b;
    case '$lt':
      return typeof a === typeof b && a < b;
    case '$gte':
      return typeof a === typeof b && a >= b;
    case '$lte':
      return typeof a === typeof b && a <= b;
    case '$in':
      return (operand as unknown[]).some((o) => fold(o) === a);
    case '$startsWith':
      return typeof a === 'string' && a.startsWith(b as string);
    case '$endsWith':
      return typeof a === 'string' && a.endsWith(b as string);
    case '$contains':
      return typeof a === 'string' && a.includes(b as string);
    default:
      return false;
  }
}

function matchesTags(value: unknown, condition: unknown): boolean {
  const tags = (Array.isArray(value) ? value : []) as { key?: string; value?: string }[];
  if (isObject(condition) && '$ne' in condition) return !matchesTags(value, condition.$ne);
  const wanted = isObject(condition) && '$eq' in condition ? condition.$eq : condition;
  if (wanted === null) return tags.length === 0;
  const part = (text: string | undefined, spec: unknown): boolean => {
    if (spec === undefined) return true;
    if (spec === null) return text === undefined;
    if (typeof spec === 'string') return text === spec;
    const s = spec as { $in?: string[]; $nin?: string[] };
    return s.$in ? s.$in.includes(text ?? '') : !s.$nin!.includes(text ?? '');
  };
  const w = wanted as Record_;
  if ('$tagKey' in w || '$tagValue' in w) return tags.some((t) => part(t.key, w.$tagKey) && part(t.value, w.$tagValue));
  return Object.entries(w).every(([key, spec]) => tags.some((t) => t.key === key && part(t.value, spec)));
}
