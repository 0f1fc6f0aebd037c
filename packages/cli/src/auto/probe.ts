/**
 * The reference reduction that `auto` starts every program on: the
 * single-thread reducer of @hvm/runtime-cpu (its internal Reducer and hot
 * loop, so the reduction is exactly `--runtime cpu`'s), driven in slices so
 * that between two slices `auto` can measure how wide the net is and, when
 * it is wide, hand the partially reduced net to a parallel runtime.
 *
 * The redex stack is the reference's LIFO stack. A sequential program leaves
 * millions of cheap erasures at its bottom (chain-2p25: one every seven
 * interactions), so rescanning the whole stack at every check would cost
 * more than the reduction. At a check, the bottom of the stack is frozen
 * with its count of live redexes: the reducer gets a view of the stack that
 * starts above it (no copy), and cannot pop below it. When the reducer's
 * view runs dry, the frozen part below becomes its stack again: redexes are
 * reduced in the reference's own order.
 *
 *        reducer's view (scanned at every check)  <- top: popped next
 *        ---------------------------------------
 *        frozen part k (count known)
 *        ...
 *        frozen part 0 (count known)              <- bottom
 */
import { AbortedError, type CompiledBook, InteractionLimitError, type Net, ROOT_SLOT, type RunResult, arrayHeap, readback } from "@hvm/ir";
import { Reducer, reduceChunk } from "@hvm/runtime-cpu/internal";
import { countLive, isLive, isNullary } from "./live.js";

/** Redex pairs left in the reducer's view when the part below is frozen. */
export const STACK_KEEP = 4096;

/** A frozen part of the stack: entries [0, length) of `stack`, which the reducer no longer sees. */
interface Frozen {
  readonly stack: Uint32Array;
  readonly length: number;
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
  private readonly frozen: Frozen[] = [];
  private frozenLive = 0;
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
   * Live redexes pending (live.ts): the frozen parts' known counts plus a
   * scan of the reducer's view, whose bottom is then frozen in turn.
   */
  live(): number {
    const c = this.reducer.core;
    const rb = c.rbag;
    const keepFrom = Math.max(0, c.rlen - 2 * STACK_KEEP);
    const above = countLive(c.heap, rb, keepFrom, c.rlen);
    if (keepFrom < 2 * STACK_KEEP) return this.frozenLive + countLive(c.heap, rb, 0, keepFrom) + above;
    const below = countLive(c.heap, rb, 0, keepFrom);
    this.frozen.push({ stack: rb, length: keepFrom, live: below });
    this.frozenLive += below;
    c.rbag = rb.subarray(keepFrom);
    c.rlen -= keepFrom;
    return this.frozenLive + above;
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
    for (const f of this.frozen) take(f.stack, f.length);
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

  /** Give the reducer the top frozen part back as its stack (its view ran dry); false when none is left. */
  private refill(): boolean {
    const f = this.frozen.pop();
    if (!f) return false;
    const c = this.reducer.core;
    c.rbag = f.stack;
    c.rlen = f.length;
    this.frozenLive -= f.live;
    return true;
  }

  private checkSignal(): void {
    if (this.opts.signal?.aborted) throw new AbortedError();
  }
}
