// A schema problem in words people can read in their language. Ajv's own messages are English only; the keywords
// App Keys' schemas use get a translated message (in English the same words as Ajv's), any other keeps Ajv's text.
import * as l10n from '@vscode/l10n';
import type { ErrorObject } from 'ajv';

/** `where` is the field's path in quotes, or "The document". */
export function schemaMessage(where: string, error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const p = (name: string) => String(params[name]);
  switch (error.keyword) {
    case 'type':
      return l10n.t('{0} must be {1}', where, p('type'));
    case 'enum':
      return l10n.t('{0} must be equal to one of the allowed values', where);
    case 'maxLength':
      return l10n.t('{0} must NOT have more than {1} characters', where, p('limit'));
    case 'minLength':
      return l10n.t('{0} must NOT have fewer than {1} characters', where, p('limit'));
    case 'maxItems':
      return l10n.t('{0} must NOT have more than {1} items', where, p('limit'));
    case 'minItems':
      return l10n.t('{0} must NOT have fewer than {1} items', where, p('limit'));
    case 'minimum':
    case 'maximum':
      return l10n.t('{0} must be {1} {2}', where, p('comparison'), p('limit'));
    case 'pattern':
      return l10n.t('{0} must match pattern "{1}"', where, p('pattern'));
    case 'format':
      return l10n.t('{0} must match format "{1}"', where, p('format'));
    case 'required':
      return l10n.t("{0} must have required property '{1}'", where, p('missingProperty'));
    case 'uniqueItems':
      return l10n.t('{0} must NOT have duplicate items (items ## {1} and {2} are identical)', where, p('j'), p('i'));
    case 'oneOf':
      return l10n.t('{0} must match exactly one schema in oneOf', where);
    default:
      return `${where} ${error.message ?? l10n.t('is invalid')}`;
  }
}
