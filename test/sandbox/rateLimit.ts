// A request-rate limit, as a platform enforces one: a token bucket of `requestsPerSecond` (bursts up
// to the same number); a request over it is answered 429 with Retry-After (whole seconds, at least 1)
// and not processed. Off (undefined) unless a test sets it.
export interface RateLimit {
  requestsPerSecond: number;
}

export class RateLimiter {
  private tokens = 0;
  private last = 0;
  private limit?: RateLimit;
  /** Requests turned away since the limit was set. */
  refused = 0;

  set(limit: RateLimit | undefined): void {
    if (limit && !(Number.isFinite(limit.requestsPerSecond) && limit.requestsPerSecond > 0)) {
      throw new Error(`Invalid sandbox rate limit: requestsPerSecond must be > 0 (got ${limit.requestsPerSecond})`);
    }
    this.limit = limit;
    this.tokens = limit?.requestsPerSecond ?? 0;
    this.last = performance.now();
    this.refused = 0;
  }

  get current(): RateLimit | undefined {
    return this.limit;
  }

  /** Undefined when the request may go on; else the Retry-After in seconds. */
  take(now = performance.now()): number | undefined {
    if (!this.limit) return undefined;
    const rate = this.limit.requestsPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.last) / 1000) * rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    this.refused++;
    return Math.max(1, Math.ceil((1 - this.tokens) / rate));
  }
}
