// The UI suite's secret search is the shared one (test/support/secretScan.ts).
export { scanForSecrets, walk, type ScanResult, type SecretHit } from '../support/secretScan';
