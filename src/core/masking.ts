// Masks secrets in any text before it is logged or shown: known secret values, and anything
// that looks like a credential by its shape (bearer tokens, secret-named JSON or form fields).
const MASK = '***';
const knownSecrets = new Set<string>();

/** Remembers a secret value (a token, a client secret) so that it is masked wherever it appears. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) knownSecrets.add(value);
}

const SHAPES: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /("(?:secret|token|client_secret|access_token|password|authorization)"\s*:\s*")[^"]*(")/gi,
  /((?:client_secret|access_token|token|secret|password)=)[^&\s]+/gi,
];

export function maskSecrets(text: string): string {
  let masked = text;
  for (const secret of knownSecrets) masked = masked.split(secret).join(MASK);
  for (const shape of SHAPES) {
    masked = masked.replace(shape, (_match, before: string, after?: string) => `${before}${MASK}${typeof after === 'string' ? after : ''}`);
  }
  return masked;
}
