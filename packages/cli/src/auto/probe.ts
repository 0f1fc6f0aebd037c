/**
 * The reference reduction that `auto` starts every program on: the
 * single-thread reducer of @hvm/runtime-cpu (its internal Reducer and hot
 * loop, so the reduction is exactly `--runtime cpu`'s), driven in slices so
 * that between two slices `auto` can measure how wide the net is and, when
 * it is wide, hand the partially reduced net to a parallel runtime.
 *
 * The redex stack is the reference's LIFO stack. A sequential program leaves
 * millions of cheap erasures at its bottom (chain-2p25: one every six
 * interactions), so rescanning the whole stack at every check would cost
 * more than the reduction. The bottom of the stack therefore moves to a
 * "cellar" of frozen segments, each with its count of live redexes taken
 * when it moved; the reducer only sees the top. When the reducer's stack
 * runs dry, the top segment moves back: the order in which redexes are
 * reduced is the reference's own.
 *
 *        reducer stack (scanned at every check)   <- top: popped next
 *        ---------------------------------------
 *        cellar segment k (frozen, count known)
 *        ...
 *        cellar segment 0 (frozen, count known)   <- bottom
 */
import { AbortedError, type CompiledBook, InteractionLimitError, type Net, ROOT_SLOT, type RunResult, arrayHeap, readback } from "@hvm/ir";
import { Reducer, reduceChunk } from "@hvm/runtime-cpu/internal";
import { isLive, isNullary } from "./live.js";

/** Redex pairs that stay on the reducer's stack when the rest moves to the cellar. */
export const STACK_KEEP = 4096;

interface Segment {
  readonly redexes: Uint32Array;
  readonly live: number;
}

export interface ProbeOptions {
  memory?: number;
  maxInteractions?: number;
  signal?: AbortSignal;
}

const now = (): number => performance.now();

export class ReferenceProbe {
  readonly reducer: Reducer;
  private readonly cellar: Segment[] = [];
  private cellarLive = 0;
  private starts: number[] = [ROOT_SLOT];
  private ms = 0;
  private readonly limit: number;

  constructor(
    readonly book: CompiledBook,
    entry: number,
    private readonly opts: ProbeOptions = {},
  ) {
    this.limit = opts.maxInteractions ?? Infinity;
    this.reducer = new Reducer(book, { memory: opts.memory, maxInteractions: opts.maxInteractions });
    this.checkSignal();
    const t = now();
    this.reducer.boot(entry);
    this.ms += now() - t;
  }

  /** Interactions performed so far. */
  get interactions(): number {
    return this.reducer.core.total();
  }

  /** Seconds of reduction so far. */
  get seconds(): number {
    return this.ms / 1000;
  }

  /**
   * Reduce at least `budget` more interactions (fewer when the net reaches
   * its normal form first); true when it did. Throws the reference's errors.
   */
  advance(budget: number): boolean {
    this.checkSignal();
    const t = now();
    try {
      const c = this.reducer.core;
      const goal = c.total() + budget;
      while (c.total() < goal) {
        if (c.rlen === 0 && !this.refill()) {
          this.starts = this.reducer.expandFrom(this.starts);
          if (this.starts.length === 0) {
            if (c.total() > this.limit) throw new InteractionLimitError(this.limit);
            return true;
          }
          continue;
        }
        reduceChunk(c, this.chunk(goal - c.total()));
      }
      return false;
    } finally {
      this.ms += now() - t;
    }
  }

  /**
   * Live redexes pending (live.ts): the cellar's known counts plus a
   * scan of the reducer's stack, whose bottom then moves to the cellar.
   */
  live(): number {
    const c = this.reducer.core;
    const h = c.heap;
    const rb = c.rbag;
    const keepFrom = Math.max(0, c.rlen - 2 * STACK_KEEP);
    let below = 0;
    let above = 0;
    for (let i = 0; i < c.rlen; i += 2) {
      const n = isLive(h, rb[i], rb[i + 1]);
      if (i < keepFrom) below += n;
      else above += n;
    }
    if (keepFrom >= 2 * STACK_KEEP) {
      this.cellar.push({ redexes: rb.slice(0, keepFrom), live: below });
      this.cellarLive += below;
      rb.copyWithin(0, keepFrom, c.rlen);
      c.rlen -= keepFrom;
      return this.cellarLive + above;
    }
    return this.cellarLive + below + above;
  }

  /**
   * Stack offsets of the `count` deepest live redexes on the reducer's stack
   * (the oldest deferred work: in a recursion, the largest subtrees).
   */
  deepestLive(count: number): number[] {
    const c = this.reducer.core;
    const out: number[] = [];
    for (let i = 0; i < c.rlen - 2 && out.length < count; i += 2) {
      if (isLive(c.heap, c.rbag[i], c.rbag[i + 1]) === 1) out.push(i);
    }
    return out;
  }

  /** Whether stack offset `at` (below the top) still holds a live redex. */
  isLiveAt(at: number): boolean {
    const c = this.reducer.core;
    return at < c.rlen - 2 && isLive(c.heap, c.rbag[at], c.rbag[at + 1]) === 1;
  }

  /**
   * Move the redex at stack offset `at` to the top and reduce until the work
   * it starts is done (the stack is back below it) or `budget` interactions
   * have been spent; returns the interactions spent. Only the order of
   * reduction changes, which changes neither the normal form nor the counts.
   */
  promote(at: number, budget: number, slice: number): number {
    const c = this.reducer.core;
    const t = now();
    try {
      const rb = c.rbag;
      const top = c.rlen - 2;
      const a = rb[at];
      const b = rb[at + 1];
      rb[at] = rb[top];
      rb[at + 1] = rb[top + 1];
      rb[top] = a;
      rb[top + 1] = b;
      const start = c.total();
      while (c.rlen > top && c.total() - start < budget) reduceChunk(c, this.chunk(slice));
      return c.total() - start;
    } finally {
      this.ms += now() - t;
    }
  }

  /** The normal form and stats, once `advance` returned true. */
  result(): RunResult {
    const interactions = this.interactions;
    const seconds = this.seconds;
    return {
      net: this.reducer.readback(),
      stats: { interactions, byRule: this.reducer.byRule(), seconds, mips: seconds > 0 ? interactions / seconds / 1e6 : 0, peakNodes: this.reducer.core.peak },
    };
  }

  /**
   * The partially reduced net: the root and every pending redex, read back
   * as a closed net (one definition). Pairs of nullary ports (ERA, NUM, REF
   * against each other) only vanish, one ERAS each: they are left out and
   * counted in `erased` instead.
   */
  partialNet(): { net: Net; erased: number } {
    const c = this.reducer.core;
    const kept: number[] = [];
    let erased = 0;
    const take = (rb: Uint32Array, len: number): void => {
      for (let i = 0; i < len; i += 2) {
        if (isNullary(rb[i]) && isNullary(rb[i + 1])) erased++;
        else kept.push(rb[i], rb[i + 1]);
      }
    };
    for (const s of this.cellar) take(s.redexes, s.redexes.length);
    take(c.rbag, c.rlen);
    return { net: readback(arrayHeap(c.heap), this.book.names, kept), erased };
  }

  /** The slice for one hot-loop call: at most `want` interactions, and not past the limit. */
  private chunk(want: number): number {
    if (this.limit === Infinity) return Math.max(1, want);
    const left = this.limit - this.reducer.core.total();
    if (left <= 0) throw new InteractionLimitError(this.limit);
    return Math.max(1, Math.min(want, left));
  }

  /** Move the top cellar segment back onto the reducer's (empty) stack; false when the cellar is empty. */
  private refill(): boolean {
    const s = this.cellar.pop();
    if (!s) return false;
    const c = this.reducer.core;
    c.reserveRedexes(s.redexes.length);
    c.rbag.set(s.redexes, 0);
    c.rlen = s.redexes.length;
    this.cellarLive -= s.live;
    return true;
  }

  private checkSignal(): void {
    if (this.opts.signal?.aborted) throw new AbortedError();
  }
}
