// A schema problem in App Keys' own words, in the user's language (Ajv's messages are English only and speak of
// schemas: "must NOT have fewer than 1 characters", "must match exactly one schema in oneOf"). validate.ts collapses a
// field's alternatives (oneOf/anyOf) into one problem with alternativesMessage(), so each mistake reads as one.
import * as l10n from '@vscode/l10n';
import type { ErrorObject } from 'ajv';

/** A JSON type as people call it. */
function typeName(type: string): string {
  switch (type) {
    case 'string':
      return l10n.t('text in quotes');
    case 'array':
      return l10n.t('a list [ … ]');
    case 'object':
      return l10n.t('an object { … }');
    case 'boolean':
      return l10n.t('true or false');
    case 'integer':
      return l10n.t('a whole number');
    case 'number':
      return l10n.t('a number');
    case 'null':
      return 'null';
    default:
      return type;
  }
}

const listed = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** `where` is the field's path in quotes, or "The document". */
export function schemaMessage(where: string, error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const p = (name: string) => String(params[name]);
  switch (error.keyword) {
    case 'type':
      return l10n.t('{0} must be {1}', where, p('type').split(',').map(typeName).join(l10n.t(' or ')));
    case 'enum':
      return l10n.t('{0} must be one of: {1}', where, listed(params.allowedValues as unknown[]));
    case 'const':
      return l10n.t('{0} must be {1}', where, JSON.stringify(params.allowedValue));
    case 'maxLength':
      return l10n.t('{0} is too long: at most {1} characters', where, p('limit'));
    case 'minLength':
      return params.limit === 1 ? l10n.t('{0} must not be empty', where) : l10n.t('{0} is too short: at least {1} characters', where, p('limit'));
    case 'maxItems':
      return l10n.t('{0} has too many entries: at most {1}', where, p('limit'));
    case 'minItems':
      return l10n.t('{0} needs at least {1} entries', where, p('limit'));
    case 'minimum':
    case 'exclusiveMinimum':
      return params.comparison === '>' ? l10n.t('{0} must be more than {1}', where, p('limit')) : l10n.t('{0} must be at least {1}', where, p('limit'));
    case 'maximum':
    case 'exclusiveMaximum':
      return params.comparison === '<' ? l10n.t('{0} must be less than {1}', where, p('limit')) : l10n.t('{0} must be at most {1}', where, p('limit'));
    case 'pattern':
      // The platforms' IDs by name; any other pattern as the schema writes it.
      return /^\^\[A-Fa-f\\d\]\{24\}\$$/.test(p('pattern'))
        ? l10n.t('{0} must be an ID of 24 hexadecimal digits', where)
        : l10n.t('{0} is not in the expected form (pattern {1})', where, p('pattern'));
    case 'format':
      return p('format') === 'date-time'
        ? l10n.t('{0} must be a date and time such as 2027-01-31T12:00:00Z', where)
        : l10n.t('{0} is not a valid {1}', where, p('format'));
    case 'required':
      return l10n.t('{0} needs the field "{1}"', where, p('missingProperty'));
    case 'uniqueItems':
      return l10n.t('{0} lists the same value twice (entries {1} and {2})', where, p('j'), p('i'));
    default:
      return `${where} ${error.message ?? l10n.t('is invalid')}`;
  }
}

/**
 * One problem for a field none of whose alternatives fit: every value the alternatives allow (enum, const) and every
 * type they take, in one sentence; undefined when the alternatives want more than that (the caller keeps the closest).
 */
export function alternativesMessage(where: string, branchErrors: readonly ErrorObject[]): string | undefined {
  const values: unknown[] = [];
  const types: string[] = [];
  for (const error of branchErrors) {
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'enum') values.push(...(params.allowedValues as unknown[]));
    else if (error.keyword === 'const') values.push(params.allowedValue);
    else if (error.keyword === 'type') types.push(...String(params.type).split(','));
    else return undefined;
  }
  // A type whose values are listed already says nothing more ("all", "none" or text in quotes).
  const unlisted = [...new Set(types)].filter((t) => !values.some((v) => typeof v === t || (t === 'null' && v === null)));
  const words = [...(values.length ? [listed([...new Set(values)])] : []), ...unlisted.map(typeName)];
  if (words.length === 0) return undefined;
  return values.length > 0 ? l10n.t('{0} must be one of: {1}', where, words.join(', ')) : l10n.t('{0} must be {1}', where, words.join(l10n.t(' or ')));
}
