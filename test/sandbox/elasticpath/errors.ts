// Elastic Path's error body is always { errors: [{ title, status, detail? }] } with
// status as a string ("404"), e.g. the documented
// { "errors": [{ "title": "Not Found", "status": "404", "detail": "application key not found" }] }.
import { STATUS_CODES } from 'node:http';
import type { SandboxResponse } from '../platform';

export interface ElasticPathErrorItem {
  title: string;
  status: string;
  detail?: string;
}

export class ElasticPathError extends Error {
  readonly items: ElasticPathErrorItem[];

  /** detail undefined = no detail field (the documented 401 and oauth 400 bodies have none). */
  constructor(
    readonly status: number,
    details: readonly (string | undefined)[] = [undefined],
    readonly headers?: Record<string, string>,
  ) {
    super(details.filter((d) => d !== undefined).join('; ') || titleOf(status));
    const title = titleOf(status);
    this.items = details.map((detail) => ({ title, status: String(status), ...(detail !== undefined ? { detail } : {}) }));
  }

  toResponse(principalName?: string): SandboxResponse {
    return { status: this.status, body: { errors: this.items.map((item) => ({ ...item })) }, headers: this.headers, principalName };
  }
}

/** "Bad Request", "Not Found", "Conflict"... as Elastic Path titles its errors. */
export function titleOf(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** 400 from /v2 validation: one error per problem found. */
export const badRequest = (...details: string[]): ElasticPathError => new ElasticPathError(400, details);
/** 400 from /oauth/access_token: exactly the documented body, without detail. */
export const oauthBadRequest = (): ElasticPathError => new ElasticPathError(400);
/** 401, exactly the documented body: { title: "Unauthorized", status: "401" }. */
export const unauthorized = (): ElasticPathError => new ElasticPathError(401);
export const forbidden = (detail: string): ElasticPathError => new ElasticPathError(403, [detail]);
export const keyNotFound = (): ElasticPathError => new ElasticPathError(404, ['application key not found']);
export const routeNotFound = (): ElasticPathError => new ElasticPathError(404, ['route not found']);
export const rateLimitConflict = (): ElasticPathError => new ElasticPathError(409, ['requested reserved rate limit will exceed the maximum']);
