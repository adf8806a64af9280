// Paces the requests to one origin once it has answered 429 (too many requests). Until then nothing
// waits. After a 429 every request to that origin waits out its Retry-After, then goes at a rate
// below what was being sent (×0.7), which rises by about one request per second each second while
// the server accepts them: additive increase, multiplicative decrease, as TCP does. A token-bucket
// limit refills during the pause, so the pause itself costs no throughput. Quiet for 10 s: no pacing.
// No answer pauses an origin longer than MAX_PAUSE_MS, whatever its Retry-After says (2000000 s would
// stall every later request of the session); the wait before a request is cancellable (http.ts).

const DECREASE = 0.7;
const MIN_RATE = 1;
const QUIET_MS = 10_000;
const WINDOW_MS = 1000;

/** The longest pause one answer can impose on an origin. */
export const MAX_PAUSE_MS = 60_000;

export class RateGate {
  /** Requests per second; Infinity while the origin has not refused any. */
  private rate = Infinity;
  private pausedUntil = 0;
  private nextSlot = 0;
  private lastRefusal = -Infinity;
  private lastDecrease = -Infinity;
  /** Send times in the last second (at most 256): the rate being sent when a 429 comes. */
  private readonly sent: number[] = [];
  /** 429 answers seen, for the benchmark's figures. */
  refusals = 0;

  /** Milliseconds to wait before sending (0: send now), with the send booked. */
  reserve(now = performance.now()): number {
    if (this.rate !== Infinity && now - this.lastRefusal > QUIET_MS) this.rate = Infinity;
    let at = Math.max(now, this.pausedUntil);
    if (this.rate !== Infinity) {
      at = Math.max(at, this.nextSlot);
      this.nextSlot = at + 1000 / this.rate;
    }
    this.sent.push(at);
    while (this.sent.length > 0 && this.sent[0] < at - WINDOW_MS) this.sent.shift();
    if (this.sent.length > 256) this.sent.splice(0, this.sent.length - 256);
    return at - now;
  }

  /** An answer to a request sent at `sentAt`: a 429 slows the origin down, anything else lets it speed up. */
  answered(sentAt: number, status: number | undefined, retryAfterMs: number | undefined, now = performance.now()): void {
    if (status === 429) {
      this.refusals++;
      this.lastRefusal = now;
      const pause = Math.min(Math.max(retryAfterMs ?? 1000, 0), MAX_PAUSE_MS);
      this.pausedUntil = Math.min(Math.max(this.pausedUntil, now + (Number.isFinite(pause) ? pause : MAX_PAUSE_MS)), now + MAX_PAUSE_MS);
      this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
      // One decrease per refusal episode: answers to requests sent before the last decrease say nothing new.
      if (sentAt >= this.lastDecrease) {
        const recent = this.sent.filter((t) => t >= sentAt - WINDOW_MS && t <= sentAt);
        const span = recent.length > 1 ? Math.max(recent[recent.length - 1] - recent[0], 100) : WINDOW_MS;
        const sending = this.rate === Infinity ? (recent.length * 1000) / span : this.rate;
        this.rate = Math.max(MIN_RATE, sending * DECREASE);
        this.lastDecrease = now;
      }
      return;
    }
    if (this.rate !== Infinity && status !== undefined) this.rate += 1 / this.rate;
  }

  /** The current pace, for tests and figures: undefined while unpaced. */
  get requestsPerSecond(): number | undefined {
    return this.rate === Infinity ? undefined : this.rate;
  }
}
