import { ApiError } from '../../core/errors';
import { maskSecrets } from '../../core/masking';

/** An error as one masked sentence for people. */
export function describe(error: unknown): string {
  const text = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
  return maskSecrets(text);
}
