// What activate() returns to other extensions: the test hooks only when VS Code runs the
// extension's own tests, nothing otherwise (the hooks can replace the password prompt).

/** vscode.ExtensionMode's values (Production 1, Development 2, Test 3), without importing vscode. */
export const EXTENSION_MODE_TEST = 3;

export function testHooksFor<T>(extensionMode: number, hooks: T): T | undefined {
  return extensionMode === EXTENSION_MODE_TEST ? hooks : undefined;
}
