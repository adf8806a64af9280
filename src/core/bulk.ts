// Runs one action over many items, a bounded number at a time. One failure neither stops nor undoes
// the others; a cancellation stops what has not started yet.
import { isCancellation } from './errors';

export interface BulkOutcome<T> {
  succeeded: T[];
  failed: { item: T; error: unknown }[];
  /** Not started because the run was cancelled. */
  skipped: T[];
}

export async function runBulk<T>(
  items: readonly T[],
  action: (item: T, signal: AbortSignal) => Promise<unknown>,
  options: { concurrency: number; signal: AbortSignal; onSettled?: (done: number, total: number) => void },
): Promise<BulkOutcome<T>> {
  const outcome: BulkOutcome<T> = { succeeded: [], failed: [], skipped: [] };
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (options.signal.aborted) {
        outcome.skipped.push(item);
        continue;
      }
      try {
        await action(item, options.signal);
        outcome.succeeded.push(item);
      } catch (error) {
        if (isCancellation(error)) outcome.skipped.push(item);
        else outcome.failed.push({ item, error });
      }
      options.onSettled?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker));
  return outcome;
}
