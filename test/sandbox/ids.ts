// Identifier, secret and timestamp generation. Seed data uses the deterministic
// variants (same ids every run); records created at runtime use random ones.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';

export const OBJECT_ID_PATTERN = /^[A-Fa-f\d]{24}$/;

let objectIdCounter = randomBytes(3).readUIntBE(0, 3);
const processRandom = randomBytes(5).toString('hex');

/** A MongoDB-style ObjectId (Losant ids are these): seconds timestamp, random part, counter. */
export function newObjectId(nowMs = Date.now()): string {
  objectIdCounter = (objectIdCounter + 1) % 0x1000000;
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + processRandom + objectIdCounter.toString(16).padStart(6, '0');
}

/** Deterministic hex of any length derived from a label. */
export function seededHex(label: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    out += createHash('sha256').update(`${label}#${round}`).digest('hex');
  }
  return out.slice(0, length);
}

/** Formats 32 hex digits as a version-4-looking UUID (Losant application keys look like this). */
export function uuidFromHex(hex: string): string {
  const h = hex.padEnd(32, '0');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function newKeyValue(): string {
  return randomUUID();
}

/** Application key secrets: 64 hex characters. */
export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** A JWT-shaped string (header.payload.signature), which is what Losant API tokens look like. */
export function jwtLikeToken(payload: Record<string, unknown>, signingKey: string): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  const signature = createHmac('sha256', signingKey).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/**
 * ISO timestamps that strictly increase on every call, even several times within
 * one millisecond, so clients can rely on lastUpdated changing on each write.
 */
export class MonotonicClock {
  private lastMs = 0;

  nowIso(): string {
    this.lastMs = Math.max(Date.now(), this.lastMs + 1);
    return new Date(this.lastMs).toISOString();
  }
}
