// The sandbox's live data, one section per platform, so another platform's
// data can sit beside Losant's without reshaping what tests already use.
import type { LosantState } from './losant/model';
import { createLosantState, resetLosantState, type ExtraKeys } from './losant/seed';

export interface SandboxState {
  losant: LosantState;
}

export interface SandboxSeedOptions {
  /** Adds N generated keys to an application (volume tests). */
  extraKeys?: ExtraKeys[];
}

export function createSandboxState(options: SandboxSeedOptions = {}): SandboxState {
  return { losant: createLosantState(options.extraKeys) };
}

/** Back to seed data, in place: objects tests hold on to stay the live ones. */
export function resetSandboxState(state: SandboxState, options: SandboxSeedOptions = {}): void {
  resetLosantState(state.losant, options.extraKeys);
}
