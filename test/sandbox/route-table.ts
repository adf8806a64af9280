// Path-template routing ("/applications/{applicationId}/keys") shared by all platforms.
// Matching is by path first, so a known path with an unsupported method can be
// told apart from an unknown path (405 vs 404).

export interface RouteDef {
  method: string;
  template: string;
}

export type RouteMatch<R extends RouteDef> =
  { kind: 'match'; route: R; params: Record<string, string> } | { kind: 'methodNotAllowed'; allow: string[] } | { kind: 'notFound' };

interface Compiled<R> {
  route: R;
  segments: string[];
}

export class RouteTable<R extends RouteDef> {
  private readonly compiled: Compiled<R>[];

  constructor(routes: readonly R[]) {
    this.compiled = routes.map((route) => ({ route, segments: splitPath(route.template) }));
  }

  match(method: string, path: string): RouteMatch<R> {
    const segments = splitPath(path);
    const allow: string[] = [];
    for (const { route, segments: template } of this.compiled) {
      const params = matchSegments(template, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'match', route, params };
      allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'methodNotAllowed', allow } : { kind: 'notFound' };
  }
}

/** Splits a path into segments, ignoring one trailing slash ("/applications/" == "/applications"). */
function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    const a = actual[i];
    if (t.startsWith('{') && t.endsWith('}')) {
      if (a === '') return undefined;
      params[t.slice(1, -1)] = safeDecode(a);
    } else if (t !== a) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape simply fails the id pattern later
  }
}
