// `npm run test:electron`: the same integration suite in desktop VS Code via @vscode/test-electron,
// for desktops that can download VS Code (CI uses code-server: see runIntegration.ts).
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../../..');

runTests({
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
}).catch((error) => {
  console.error(`test:electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
