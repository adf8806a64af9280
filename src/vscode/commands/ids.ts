// The catalogue of command ids: one place, so package.json, menus, tree items and tests agree.
export const COMMANDS = {
  addApplication: 'appKeys.addApplication',
  removeApplication: 'appKeys.removeApplication',
  setToken: 'appKeys.setToken',
  clearToken: 'appKeys.clearToken',
  refresh: 'appKeys.refresh',
  loadMore: 'appKeys.loadMore',
  fetchKey: 'appKeys.fetchKey',
  editKey: 'appKeys.editKey',
  createKey: 'appKeys.createKey',
  deleteKey: 'appKeys.deleteKey',
  copyKey: 'appKeys.copyKey',
  fetchToken: 'appKeys.fetchToken',
  editToken: 'appKeys.editToken',
  createToken: 'appKeys.createToken',
  deleteToken: 'appKeys.deleteToken',
  copyId: 'appKeys.copyId',
  showLog: 'appKeys.showLog',
  loadAll: 'appKeys.loadAll',
  filter: 'appKeys.filter',
  clearFilter: 'appKeys.clearFilter',
  sort: 'appKeys.sort',
  activate: 'appKeys.activate',
  deactivate: 'appKeys.deactivate',
  rotateKey: 'appKeys.rotateKey',
  reveal: 'appKeys.reveal',
  staleReport: 'appKeys.staleKeysReport',
  recreate: 'appKeys.recreate',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The verbs of each kind of item (by resource id), so the tree offers the right command. */
export const RESOURCE_COMMANDS: Record<string, { fetch: CommandId; edit: CommandId; create: CommandId; delete: CommandId }> = {
  keys: { fetch: COMMANDS.fetchKey, edit: COMMANDS.editKey, create: COMMANDS.createKey, delete: COMMANDS.deleteKey },
  tokens: { fetch: COMMANDS.fetchToken, edit: COMMANDS.editToken, create: COMMANDS.createToken, delete: COMMANDS.deleteToken },
};
