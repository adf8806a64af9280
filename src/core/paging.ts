// Server numbers are hints, never loop bounds. A read of every page is bounded by what the answers
// say, not by a small count: a total that is a safe whole number, pages no larger than asked, every
// page bringing IDs not seen before, and no more pages than the first total implies plus one to
// confirm the end. A server that ignores the page parameter or repeats itself costs a request or
// two; one that claims 1e12 items and serves new ones is indistinguishable from a large application:
// reads that long show progress and can be cancelled. Only an answer without a usable total is
// capped by a count (UNTOTALLED_MAX_ITEMS): nothing it says bounds the read.
import type { ListQuery, Page, ResourceItem } from './platforms/platform';

/** What Load all puts in one group of the tree at most: more is not read, it is searched (Find Key…, filters). */
export const TREE_MAX_ITEMS = 10_000;

/** Read without a usable total (neither Losant nor Elastic Path ever omits it): at most this many items. */
export const UNTOTALLED_MAX_ITEMS = 10_000;

/** A count from the server: a safe integer of 0 or more, else unknown. */
export function serverCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The page size the server used: an integer from 1 to what we asked for, else what we asked for. */
export function servedPerPage(value: unknown, requested: number): number {
  const asked = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= asked ? value : asked;
}

/** One page as the layers above see it; both platforms' `list()` build theirs here. */
export function toPage(items: ResourceItem[], query: ListQuery, served: { totalCount?: unknown; perPage?: unknown }, note?: string): Page {
  return { items, totalCount: serverCount(served.totalCount), page: query.page, perPage: servedPerPage(served.perPage, query.perPage), note };
}

/**
 * Why a paged read stopped: the total reached, a page shorter than asked (the last), a page with
 * nothing new, more pages than the total implies, or the `limit` the reader set (what a tree shows).
 */
export type Stop = 'end' | 'short' | 'stalled' | 'cap' | 'limit';

/**
 * The IDs seen in one read. Hex IDs (Losant's 24 digits, UUIDs in their usual form) are kept exactly,
 * as 16 bytes in one open-addressed table (a million IDs: 34 MB, not the ~90 MB of a Set of strings);
 * any other ID in a Set.
 */
export class IdSet {
  private words = new Int32Array(4 * 1024);
  private kinds = new Uint8Array(1024);
  private packed = 0;
  private readonly others = new Set<string>();
  private readonly key = new Int32Array(4);

  constructor(ids?: Iterable<string>) {
    if (ids) for (const id of ids) this.add(id);
  }

  get size(): number {
    return this.packed + this.others.size;
  }

  has(id: string): boolean {
    const kind = this.pack(id);
    return kind ? this.slot(kind) < 0 : this.others.has(id);
  }

  /** Adds `id`; true if it was not there. */
  add(id: string): boolean {
    const kind = this.pack(id);
    if (!kind) {
      if (this.others.has(id)) return false;
      this.others.add(id);
      return true;
    }
    const slot = this.slot(kind);
    if (slot < 0) return false;
    this.kinds[slot] = kind;
    this.words.set(this.key, slot * 4);
    if (++this.packed * 2 > this.kinds.length) this.grow();
    return true;
  }

  /** 1: 24 hex digits; 2: a UUID; 0: anything else. Fills `key`. */
  private pack(id: string): number {
    let hex: string;
    let kind: number;
    if (id.length === 24 && /^[0-9a-f]{24}$/.test(id)) [hex, kind] = [`${id}00000000`, 1];
    else if (id.length === 36 && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) [hex, kind] = [id.replace(/-/g, ''), 2];
    else return 0;
    for (let i = 0; i < 4; i++) this.key[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16) | 0;
    return kind;
  }

  /** The free slot for `key` (≥ 0), or -1 when it is there. */
  private slot(kind: number): number {
    const mask = this.kinds.length - 1;
    const [a, b, c, d] = this.key;
    let i = (Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35), 0x27d4eb2f) >>> 7) & mask;
    for (;;) {
      const k = this.kinds[i];
      if (k === 0) return i;
      const w = i * 4;
      if (k === kind && this.words[w] === a && this.words[w + 1] === b && this.words[w + 2] === c && this.words[w + 3] === d) return -1;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { words, kinds } = this;
    this.words = new Int32Array(words.length * 2);
    this.kinds = new Uint8Array(kinds.length * 2);
    for (let s = 0; s < kinds.length; s++) {
      if (!kinds[s]) continue;
      this.key.set(words.subarray(s * 4, s * 4 + 4));
      const slot = this.slot(kinds[s]);
      this.kinds[slot] = kinds[s];
      this.words.set(this.key, slot * 4);
    }
  }
}

export interface Tally {
  /** Ids seen so far in this read. */
  seen: IdSet;
  /** Pages read so far. */
  pages: number;
  /** The page size asked for: a page with fewer items is the last. */
  perPage: number;
  /** The first sane total of this read; it bounds the pages. */
  total?: number;
  /** The reader wants no more than this many items (a tree's Load all); undefined: all there are. */
  limit?: number;
}

/** The most pages a read may take: what the total implies plus one to confirm the end. */
export function pageBound(tally: Pick<Tally, 'total' | 'perPage' | 'limit'>): number {
  const wanted = tally.total ?? UNTOTALLED_MAX_ITEMS;
  const items = tally.limit === undefined ? wanted : Math.min(wanted, tally.limit);
  return Math.ceil(items / Math.max(1, tally.perPage)) + (tally.total === undefined ? 0 : 1);
}

/** Counts one page into `tally`: its items not seen before, and why to stop (undefined: go on). */
export function takePage(tally: Tally, page: Page): { fresh: ResourceItem[]; stop?: Stop } {
  const fresh = page.items.filter((item) => tally.seen.add(item.id));
  tally.pages++;
  tally.total ??= serverCount(page.totalCount);
  const total = tally.total;
  let stop: Stop | undefined;
  if (total !== undefined && tally.seen.size >= total) stop = 'end';
  else if (page.items.length < tally.perPage) stop = 'short';
  else if (fresh.length === 0) stop = 'stalled';
  else if (tally.limit !== undefined && tally.seen.size >= tally.limit) stop = 'limit';
  else if (tally.pages >= pageBound(tally) || (total === undefined && tally.seen.size >= UNTOTALLED_MAX_ITEMS)) stop = 'cap';
  return { fresh, stop };
}

/** Whether a read that stopped for `stop` with `count` items may have missed some. */
export function mayBeIncomplete(total: number | undefined, count: number, stop: Stop | undefined): boolean {
  return total !== undefined ? count < total : stop !== 'short' && stop !== 'end';
}
