// Small HTTP helpers shared by every platform: bounded body reading and JSON replies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxResponse } from './platform';

/** Bodies above this are refused; the real APIs cap request sizes too. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`Request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
}

export function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep draining so the client still gets our answer instead of a reset socket.
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Fields whose values never reach the request log (form bodies and top-level JSON fields). */
const SECRET_FIELDS = ['client_secret', 'password'];
const MASK = '***';

/**
 * What the request log keeps of a body: form bodies parsed, parsed JSON when possible,
 * else the text, else undefined; secret fields replaced by "***".
 */
export function bodyForLog(raw: string, contentType?: string): unknown {
  if (raw === '') return undefined;
  if ((contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded') {
    const form: Record<string, string> = Object.fromEntries(new URLSearchParams(raw));
    for (const field of SECRET_FIELDS) if (field in form) form[field] = MASK;
    return form;
  }
  const parsed = parseJson(raw);
  if (!parsed.ok) return raw;
  const value = parsed.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && SECRET_FIELDS.some((f) => f in value)) {
    const masked: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of SECRET_FIELDS) if (field in masked) masked[field] = MASK;
    return masked;
  }
  return value;
}

export function writeResponse(res: ServerResponse, response: SandboxResponse): void {
  const payload = response.body === undefined ? '' : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...(payload ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(Buffer.byteLength(payload)),
    ...response.headers,
  });
  res.end(payload);
}
