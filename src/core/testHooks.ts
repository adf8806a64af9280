// What activate() returns to other extensions: the test hooks only when VS Code runs the
// extension's own tests, nothing otherwise (the hooks can replace the password prompt).
import type { MetadataBackend, SecretBackend } from './credentials';

/** vscode.ExtensionMode's values (Production 1, Development 2, Test 3), without importing vscode. */
export const EXTENSION_MODE_TEST = 3;

export function testHooksFor<T>(extensionMode: number, hooks: T): T | undefined {
  return extensionMode === EXTENSION_MODE_TEST ? hooks : undefined;
}

/**
 * Stand-ins for the secret and metadata stores that carry out `writes` writes (stores, deletes,
 * updates, counted together) and fail every one after: an interruption, for the tests of the credential move.
 */
export function interruptedAfter(writes: number, secrets: SecretBackend, metadata: MetadataBackend): { secrets: SecretBackend; metadata: MetadataBackend } {
  let left = writes;
  const write = <T>(run: () => Thenable<T>): Promise<T> => (left-- > 0 ? Promise.resolve(run()) : Promise.reject(new Error('interrupted (test)')));
  return {
    secrets: {
      get: (key) => secrets.get(key),
      store: (key, value) => write(() => secrets.store(key, value)),
      delete: (key) => write(() => secrets.delete(key)),
    },
    metadata: {
      get: (key) => metadata.get(key),
      update: (key, value) => write(() => metadata.update(key, value)),
    },
  };
}
