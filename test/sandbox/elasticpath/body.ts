// Validation of the application key bodies: { data: { type: "application_key", name, reserved_rate_limit? } }.
// Details follow the documented example "The field 'name' is required."; every problem found
// is one entry of the errors array. Other fields of data (id, client_id...) are ignored.
import { parseJson } from '../http-util';
import { badRequest } from './errors';

export const EP_NAME_MAX_LENGTH = 255;

export interface KeyWrite {
  name?: string;
  reserved_rate_limit?: number;
}

/** mode "create": name required (POST); "update": name optional (PUT). type is required in both. */
export function parseKeyBody(raw: string, mode: 'create' | 'update'): KeyWrite {
  if (raw.trim() === '') throw badRequest("The field 'data' is required.");
  const parsed = parseJson(raw);
  if (!parsed.ok) throw badRequest('The request body must be valid JSON.');
  const body = parsed.value;
  if (!isObject(body) || !('data' in body)) throw badRequest("The field 'data' is required.");
  const data = body.data;
  if (!isObject(data)) throw badRequest("The field 'data' must be an object.");

  const problems: string[] = [];
  if (!('type' in data)) problems.push("The field 'type' is required.");
  else if (data.type !== 'application_key') problems.push("The field 'type' must be 'application_key'.");

  const write: KeyWrite = {};
  if (!('name' in data)) {
    if (mode === 'create') problems.push("The field 'name' is required.");
  } else if (typeof data.name !== 'string') {
    problems.push("The field 'name' must be a string.");
  } else {
    // JSON Schema lengths count code points, not UTF-16 units.
    const length = Array.from(data.name).length;
    if (length < 1) problems.push("The field 'name' must be at least 1 character long.");
    else if (length > EP_NAME_MAX_LENGTH) problems.push(`The field 'name' must be at most ${EP_NAME_MAX_LENGTH} characters long.`);
    else write.name = data.name;
  }

  if ('reserved_rate_limit' in data) {
    const limit = data.reserved_rate_limit;
    if (typeof limit !== 'number' || !Number.isSafeInteger(limit)) problems.push("The field 'reserved_rate_limit' must be an integer.");
    else if (limit < 0) problems.push("The field 'reserved_rate_limit' must be greater than or equal to 0.");
    else write.reserved_rate_limit = limit;
  }

  if (problems.length > 0) throw badRequest(...problems);
  return write;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
