// The catalogue of command ids: one place, so package.json, menus, tree items and tests agree
// (test/package/commands.test.ts checks it against package.json). Commands act on any kind of item
// (the node's or argument's resource type); today's per-kind ids stay as aliases for keybindings.
export const COMMANDS = {
  addApplication: 'appKeys.addApplication',
  addApplications: 'appKeys.addApplications',
  manageCredentials: 'appKeys.manageCredentials',
  removeApplication: 'appKeys.removeApplication',
  setToken: 'appKeys.setToken',
  clearToken: 'appKeys.clearToken',
  setApiToken: 'appKeys.setApiToken',
  clearApiToken: 'appKeys.clearApiToken',
  setClientSecret: 'appKeys.setClientSecret',
  clearClientSecret: 'appKeys.clearClientSecret',
  refresh: 'appKeys.refresh',
  loadMore: 'appKeys.loadMore',
  fetch: 'appKeys.fetch',
  edit: 'appKeys.edit',
  create: 'appKeys.create',
  delete: 'appKeys.delete',
  copy: 'appKeys.copy',
  copyId: 'appKeys.copyId',
  rotate: 'appKeys.rotate',
  activate: 'appKeys.activate',
  deactivate: 'appKeys.deactivate',
  showLog: 'appKeys.showLog',
  loadAll: 'appKeys.loadAll',
  filter: 'appKeys.filter',
  clearFilter: 'appKeys.clearFilter',
  sort: 'appKeys.sort',
  reveal: 'appKeys.reveal',
  staleReport: 'appKeys.staleKeysReport',
  recreate: 'appKeys.recreate',
  pickDevices: 'appKeys.pickDevices',
  createKeysForDevices: 'appKeys.createKeysForDevices',
  openInConsole: 'appKeys.openInConsole',
  createFromDocument: 'appKeys.createFromDocument',
  findKey: 'appKeys.findKey',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The per-kind ids of earlier versions: each runs its generic command, for that kind of item by default. */
export const ALIASES: Readonly<Record<string, { command: CommandId; resource: string }>> = {
  'appKeys.fetchKey': { command: COMMANDS.fetch, resource: 'keys' },
  'appKeys.editKey': { command: COMMANDS.edit, resource: 'keys' },
  'appKeys.createKey': { command: COMMANDS.create, resource: 'keys' },
  'appKeys.deleteKey': { command: COMMANDS.delete, resource: 'keys' },
  'appKeys.copyKey': { command: COMMANDS.copy, resource: 'keys' },
  'appKeys.rotateKey': { command: COMMANDS.rotate, resource: 'keys' },
  'appKeys.fetchToken': { command: COMMANDS.fetch, resource: 'tokens' },
  'appKeys.editToken': { command: COMMANDS.edit, resource: 'tokens' },
  'appKeys.createToken': { command: COMMANDS.create, resource: 'tokens' },
  'appKeys.deleteToken': { command: COMMANDS.delete, resource: 'tokens' },
};

/** Context keys, true while an application of that platform is configured (set by platformContext.ts). */
export const PLATFORM_CONTEXT_KEYS = { losant: 'appKeys.hasLosant', elasticpath: 'appKeys.hasElasticPath' } as const;

/** When the command palette offers a command (package.json `menus.commandPalette`; platformContext.ts sets the keys). */
export const PALETTE_WHEN = {
  /** Commands that need a tree node, a document or a report link, and the generic item commands (the palette offers their per-kind aliases). */
  never: 'false',
  /** Commands for any configured application's keys. */
  anyApplication: `${PLATFORM_CONTEXT_KEYS.losant} || ${PLATFORM_CONTEXT_KEYS.elasticpath}`,
  /** Losant's API tokens, statuses and devices. */
  losant: PLATFORM_CONTEXT_KEYS.losant,
  /** Elastic Path's client secrets. */
  elasticPath: PLATFORM_CONTEXT_KEYS.elasticpath,
  /** Pick Devices: in a new Losant key's document. */
  deviceDocument: 'appKeys.deviceDocument',
} as const;

/** Each command's and alias's palette visibility; a command not listed is always offered. */
export const PALETTE: Readonly<Record<string, string>> = {
  [COMMANDS.removeApplication]: PALETTE_WHEN.anyApplication,
  [COMMANDS.manageCredentials]: PALETTE_WHEN.anyApplication,
  [COMMANDS.openInConsole]: PALETTE_WHEN.anyApplication,
  [COMMANDS.setToken]: PALETTE_WHEN.never,
  [COMMANDS.clearToken]: PALETTE_WHEN.never,
  [COMMANDS.setApiToken]: PALETTE_WHEN.losant,
  [COMMANDS.clearApiToken]: PALETTE_WHEN.losant,
  [COMMANDS.setClientSecret]: PALETTE_WHEN.elasticPath,
  [COMMANDS.clearClientSecret]: PALETTE_WHEN.elasticPath,
  [COMMANDS.refresh]: PALETTE_WHEN.anyApplication,
  [COMMANDS.loadMore]: PALETTE_WHEN.never,
  [COMMANDS.fetch]: PALETTE_WHEN.never,
  [COMMANDS.edit]: PALETTE_WHEN.never,
  [COMMANDS.create]: PALETTE_WHEN.never,
  [COMMANDS.delete]: PALETTE_WHEN.never,
  [COMMANDS.copy]: PALETTE_WHEN.never,
  [COMMANDS.copyId]: PALETTE_WHEN.anyApplication,
  [COMMANDS.rotate]: PALETTE_WHEN.never,
  [COMMANDS.activate]: PALETTE_WHEN.losant,
  [COMMANDS.deactivate]: PALETTE_WHEN.losant,
  [COMMANDS.loadAll]: PALETTE_WHEN.anyApplication,
  [COMMANDS.filter]: PALETTE_WHEN.anyApplication,
  [COMMANDS.clearFilter]: PALETTE_WHEN.anyApplication,
  [COMMANDS.sort]: PALETTE_WHEN.anyApplication,
  [COMMANDS.reveal]: PALETTE_WHEN.never,
  [COMMANDS.staleReport]: PALETTE_WHEN.anyApplication,
  [COMMANDS.recreate]: PALETTE_WHEN.never,
  [COMMANDS.pickDevices]: PALETTE_WHEN.deviceDocument,
  [COMMANDS.createFromDocument]: PALETTE_WHEN.never,
  [COMMANDS.createKeysForDevices]: PALETTE_WHEN.losant,
  [COMMANDS.findKey]: PALETTE_WHEN.anyApplication,
  'appKeys.fetchKey': PALETTE_WHEN.anyApplication,
  'appKeys.editKey': PALETTE_WHEN.anyApplication,
  'appKeys.createKey': PALETTE_WHEN.anyApplication,
  'appKeys.deleteKey': PALETTE_WHEN.anyApplication,
  'appKeys.copyKey': PALETTE_WHEN.anyApplication,
  'appKeys.rotateKey': PALETTE_WHEN.anyApplication,
  'appKeys.fetchToken': PALETTE_WHEN.losant,
  'appKeys.editToken': PALETTE_WHEN.losant,
  'appKeys.createToken': PALETTE_WHEN.losant,
  'appKeys.deleteToken': PALETTE_WHEN.losant,
};

/**
 * The kind of credential an application uses, as its tree item's context value says (`application:<platform>:<kind>`):
 * a client secret where the credential comes with a client ID, else an API token. Menus and the palette offer only
 * the Set/Clear command of that kind; the generic Set/Clear (either kind) serve tree items and argument objects.
 */
export const CREDENTIAL_COMMANDS = {
  'api-token': { set: COMMANDS.setApiToken, clear: COMMANDS.clearApiToken },
  'client-secret': { set: COMMANDS.setClientSecret, clear: COMMANDS.clearClientSecret },
} as const;
export type CredentialKind = keyof typeof CREDENTIAL_COMMANDS;

/** The kind of credential a platform's applications use (an application of an unknown platform: an API token's commands). */
export function credentialKindOf(platform: { needsClientId: boolean } | undefined): CredentialKind {
  return platform?.needsClientId ? 'client-secret' : 'api-token';
}

/**
 * The commands a tree context menu offers on a multi-selection: they act on every selected item (VS Code passes
 * the clicked node, then the selection). Every other command's menu entry says `!listMultiSelection`.
 */
export const SELECTION_COMMANDS: readonly CommandId[] = [COMMANDS.delete, COMMANDS.copyId, COMMANDS.activate, COMMANDS.deactivate];

/** Always offered: they act without any application (adding the first one, the log). */
export const PALETTE_ALWAYS: readonly string[] = [COMMANDS.addApplications, COMMANDS.addApplication, COMMANDS.showLog];

/** Hidden from the command palette (PALETTE_WHEN.never). */
export const PALETTE_HIDDEN: readonly string[] = Object.keys(PALETTE).filter((id) => PALETTE[id] === PALETTE_WHEN.never);
