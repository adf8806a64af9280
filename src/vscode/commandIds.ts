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

/**
 * Hidden from the command palette: commands that need a tree node, a document or a report link, and
 * the generic item commands (the palette offers their per-kind aliases, whose titles say the kind).
 */
export const PALETTE_HIDDEN: readonly string[] = [
  COMMANDS.loadMore,
  COMMANDS.reveal,
  COMMANDS.recreate,
  COMMANDS.fetch,
  COMMANDS.edit,
  COMMANDS.create,
  COMMANDS.delete,
  COMMANDS.copy,
  COMMANDS.rotate,
];
