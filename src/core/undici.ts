// The parts of undici App Keys uses (undiciModules.ts), loaded at the first request rather than at
// activation: opening the view needs none of it. In the bundle they are a file of their own,
// dist/undici.js, so activation does not even read or compile them.
import type { Dispatcher } from 'undici';

type Undici = typeof import('./undiciModules');

let loaded: Undici | undefined;

export function undici(): Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed, not at activation
  return (loaded ??= require('./undiciModules') as Undici);
}

/** undici's `request`, sent through the given dispatcher. */
export function request(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return dispatcher.request(options);
}
