// The one masking boundary: every secret App Keys is given or receives is registered here before its
// first use, and everything shown or logged passes maskSecrets(): known secret values (also as a
// server may echo them: URL- or JSON-encoded), and anything that looks like a credential by its
// shape (bearer tokens, secret-named JSON or form fields).
const MASK = '***';
/** What a secret-named field of an answer shows instead of its value (see secretFields.ts). */
export const HIDDEN = '(hidden)';
const knownSecrets = new Set<string>();
/** knownSecrets, longest first (a secret's encoded form may contain the plain one); kept at registration. */
let longestFirst: string[] = [];

/** Remembers a secret value (a token, a client secret) so that it is masked wherever it appears. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 6 || knownSecrets.has(value)) return;
  knownSecrets.add(value);
  for (const encoded of [encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), JSON.stringify(value).slice(1, -1)]) {
    if (encoded !== value) knownSecrets.add(encoded);
  }
  longestFirst = [...knownSecrets].sort((a, b) => b.length - a.length);
}

const SHAPES: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  // A field already shown as "(hidden)" stays readable.
  /("(?:secret|token|client_secret|access_token|refresh_token|password|authorization)"\s*:\s*")(?!\(hidden\)")(?:[^"\\]|\\.)*(")/gi,
  /((?:client_secret|access_token|refresh_token|token|secret|password)=)[^&\s]+/gi,
];

export function maskSecrets(text: string): string {
  let masked = text;
  for (const secret of longestFirst) if (masked.includes(secret)) masked = masked.split(secret).join(MASK);
  for (const shape of SHAPES) {
    masked = masked.replace(shape, (_match, before: string, after?: string) => `${before}${MASK}${typeof after === 'string' ? after : ''}`);
  }
  return masked;
}
