// Validators for the edit documents' JSON schemas. Here ajv compiles them when first needed (tests,
// development); the production bundle replaces this module with ajv's standalone code, generated at
// build time by esbuild.mjs, so ajv's compiler is not shipped. Both answer validatorFor(schema).
import Ajv, { ValidateFunction } from 'ajv';

// date-time is left to the server (no format library shipped); its 400 is shown on the document.
const ajv = new Ajv({ allErrors: true, strict: false, formats: { 'date-time': true } });
const compiled = new WeakMap<object, ValidateFunction>();

export function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
