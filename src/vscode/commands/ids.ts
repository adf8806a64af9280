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
  copyId: 'appKeys.copyId',
  showLog: 'appKeys.showLog',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
