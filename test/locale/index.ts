// The German suite's entry for the extension host (runIntegration --locale de): VS Code itself runs in German.
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
