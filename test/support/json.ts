// JSON read by tests, typed as what it is: an object of unknown values (not `any`).
export function parseObject(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`Not a JSON object: ${text.slice(0, 80)}`);
  return value as Record<string, unknown>;
}
