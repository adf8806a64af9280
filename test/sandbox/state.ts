// The sandbox's live data, one section per platform, so another platform's
// data can sit beside Losant's without reshaping what tests already use.
import type { ElasticPathState } from './elasticpath/model';
import { createElasticPathState, resetElasticPathState, type ElasticPathExtraKeys } from './elasticpath/seed';
import type { LosantState } from './losant/model';
import { createLosantState, resetLosantState, type ExtraDevices, type ExtraKeys } from './losant/seed';

export interface SandboxState {
  losant: LosantState;
  elasticpath: ElasticPathState;
}

/** Losant's { applicationId, count } or Elastic Path's { platform: 'elasticpath', count }. */
export type SandboxExtraKeys = ExtraKeys | ElasticPathExtraKeys;

export interface SandboxSeedOptions {
  /** Adds N generated keys to a Losant application or to the Elastic Path store (volume tests). */
  extraKeys?: SandboxExtraKeys[];
  /** Adds N generated devices to a Losant application (`Device 00001`…, tagged zone and batch). */
  extraDevices?: ExtraDevices[];
}

function isElasticPath(extra: SandboxExtraKeys): extra is ElasticPathExtraKeys {
  return 'platform' in extra && extra.platform === 'elasticpath';
}

function splitExtraKeys(extraKeys: readonly SandboxExtraKeys[] = []): { losant: ExtraKeys[]; elasticpath: ElasticPathExtraKeys[] } {
  return {
    losant: extraKeys.filter((extra): extra is ExtraKeys => !isElasticPath(extra)),
    elasticpath: extraKeys.filter(isElasticPath),
  };
}

export function createSandboxState(options: SandboxSeedOptions = {}): SandboxState {
  const extra = splitExtraKeys(options.extraKeys);
  return { losant: createLosantState(extra.losant, options.extraDevices), elasticpath: createElasticPathState(extra.elasticpath) };
}

/** Back to seed data, in place: objects tests hold on to stay the live ones. */
export function resetSandboxState(state: SandboxState, options: SandboxSeedOptions = {}): void {
  const extra = splitExtraKeys(options.extraKeys);
  resetLosantState(state.losant, extra.losant, options.extraDevices);
  resetElasticPathState(state.elasticpath, extra.elasticpath);
}
