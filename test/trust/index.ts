// The restricted-mode suite's entry for the extension host (runIntegration --untrusted).
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
