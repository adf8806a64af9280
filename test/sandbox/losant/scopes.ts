// Which token scopes allow which action. The lists are the ones Losant documents
// per action ("The token must include at least one of the following scopes: ...").
// Application-level actions follow one rule; the user-level ones (applications.get,
// me.get) are documented differently, so they are listed explicitly.

/** Explicit lists for actions that do not follow the application-level rule. */
const DOCUMENTED_EXCEPTIONS: Record<string, readonly string[]> = {
  // An application token (all.Application) cannot list applications.
  'applications.get': ['all.Organization', 'all.Organization.read', 'all.User', 'all.User.cli', 'all.User.read', 'applications.*', 'applications.get'],
  'me.get': ['all.User', 'all.User.read', 'me.*', 'me.get'],
  // losant/devices.md: the device scopes allow it too.
  'devices.get': [
    'all.Application',
    'all.Application.read',
    'all.Device',
    'all.Device.read',
    'all.Organization',
    'all.Organization.read',
    'all.User',
    'all.User.read',
    'devices.*',
    'devices.get',
  ],
};

/**
 * Scopes that allow `<group>.<action>`; any one of them is enough.
 * Application-level rule: all.Application, all.Organization, all.User, <group>.*,
 * <group>.<action>, and for GET also the ".read" variants of the three "all." scopes.
 */
export function allowedScopes(group: string, action: string, method: string): string[] {
  const documented = DOCUMENTED_EXCEPTIONS[`${group}.${action}`];
  if (documented) return [...documented];
  const read = method.toUpperCase() === 'GET';
  return [
    'all.Application',
    ...(read ? ['all.Application.read'] : []),
    'all.Organization',
    ...(read ? ['all.Organization.read'] : []),
    'all.User',
    ...(read ? ['all.User.read'] : []),
    `${group}.*`,
    `${group}.${action}`,
  ];
}

export function hasAllowedScope(tokenScopes: readonly string[], group: string, action: string, method: string): boolean {
  const allowed = allowedScopes(group, action, method);
  return tokenScopes.some((scope) => allowed.includes(scope));
}
