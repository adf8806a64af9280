// Losant's error body is always { type, message } (schemas/error.json), e.g.
// { "type": "NotFound", "message": "Application was not found" }.
import type { SandboxResponse } from '../platform';

export class LosantError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toResponse(principalName?: string): SandboxResponse {
    return { status: this.status, body: { type: this.type, message: this.message }, headers: this.headers, principalName };
  }
}

export const validationError = (message: string): LosantError => new LosantError(400, 'Validation', message);
export const unauthorized = (message: string): LosantError => new LosantError(401, 'Unauthorized', message);
export const forbidden = (message: string): LosantError => new LosantError(403, 'Forbidden', message);
/** resource is Losant's model name: "Application", "ApplicationKey", "ApiToken". */
export const notFound = (resource: string): LosantError => new LosantError(404, 'NotFound', `${resource} was not found`);
export const routeNotFound = (): LosantError => new LosantError(404, 'NotFound', 'Route not found');
