// Types shared by the Losant route table and its handlers.
import type { RouteDef } from '../route-table';
import type { Principal } from './auth';
import { notFound } from './errors';
import type { LosantApplication, LosantState } from './model';
import type { BodyValidator } from './schemas';

export interface LosantContext {
  state: LosantState;
  principal: Principal;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The validated JSON body (routes with a `body` only). */
  body: unknown;
}

export interface LosantResult {
  status: number;
  body: unknown;
}

export interface LosantRoute extends RouteDef {
  /** Losant's resource name and action, e.g. applicationKey + patch: what scopes are checked against. */
  group: string;
  action: string;
  /** Body parameter name as in api-actions.json ("applicationKey", "apiToken") and its validator. */
  body?: { param: string; validate: BodyValidator };
  handle(ctx: LosantContext): LosantResult;
}

export function findApplication(state: LosantState, applicationId: string): LosantApplication {
  const app = state.applications.get(applicationId);
  if (!app) throw notFound('Application');
  return app;
}

/** Value of a record field as a string for sorting and glob filtering ('' when absent). */
export function fieldText(item: object, name: string): string {
  const value = (item as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}
