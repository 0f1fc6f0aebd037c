/**
 * The reduction driver: boot, reduce until no redex, expand the REFs
 * reachable from the root, repeat; then read the normal form back.
 *
 * Normal form (DESIGN §4): no redex left and every REF reachable from the
 * root through CT0..CT5, OP2 and MAT nodes expanded. The walk starts at the
 * root slot; a REF found in a slot is expanded there (one DREF) and the walk
 * does not enter what it expanded to until the redexes it brought are
 * reduced. The next walk starts only from the slots expanded last time:
 * everything else is redex-free and was walked already. Every walk is
 * iterative, so a net of any depth normalises and reads back.
 */
import {
  type CompiledBook,
  DEFAULT_MEMORY,
  type Net,
  type Progress,
  RULE_CLASS,
  RULE_CLASSES,
  Rule,
  type RuleClass,
  type RunStats,
  ROOT_SLOT,
  Tag,
  arrayHeap,
  canonicalize,
  emptyByRule,
  readback,
} from "@hvm/ir";
import { NetCore, expand, varTo } from "./core.js";
import { reduceChunk } from "./dispatch.js";
import { AbortedError, InteractionLimitError } from "./errors.js";

export interface ReduceOptions {
  /** Heap limit in bytes, 8 bytes a node (default ir.DEFAULT_MEMORY). */
  memory?: number;
  maxInteractions?: number;
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
}

/** Interactions between checks of the limit and the abort signal. */
export const CHECK_EVERY = 1 << 20;
/** Milliseconds between progress reports (and yields of `steps`). */
export const PROGRESS_MS = 100;

const now = (): number => performance.now();

/** Bit t set for the tags the expansion walk enters: OP2, MAT, CT0..CT5. */
const WALKED_TAGS = 0xfe80;

export class Reducer {
  readonly core: NetCore;
  /** Milliseconds spent reducing (boot, rules, expansion). */
  private ms = 0;
  private readonly limit: number;

  constructor(
    readonly book: CompiledBook,
    private readonly opts: ReduceOptions = {},
  ) {
    this.core = new NetCore(book, opts.memory ?? DEFAULT_MEMORY);
    this.limit = opts.maxInteractions ?? Infinity;
  }

  /** Normalise from definition `entry` (its index in the book), synchronously. */
  normalize(entry: number): void {
    const it = this.steps(entry);
    while (!it.next().done);
  }

  /**
   * Normalise from `entry`, yielding about every PROGRESS_MS of reduction so
   * an async caller can let the event loop run (abort signals, UI).
   */
  *steps(entry: number): Generator<void, void, void> {
    const c = this.core;
    this.checkSignal();
    let t = now();
    let last = t;
    this.boot(entry);
    let pending = [ROOT_SLOT];
    for (;;) {
      while (c.rlen !== 0) {
        let budget = CHECK_EVERY;
        if (this.limit !== Infinity) {
          const left = this.limit - c.total();
          if (left <= 0) throw new InteractionLimitError(this.limit);
          budget = Math.min(budget, left);
        }
        reduceChunk(c, budget);
        this.checkSignal();
        const tn = now();
        if (tn - last >= PROGRESS_MS) {
          this.ms += tn - t;
          last = tn;
          this.opts.onProgress?.(this.progress());
          this.checkSignal();
          yield;
          t = now();
        }
      }
      pending = this.expandFrom(pending);
      if (pending.length === 0) break;
    }
    this.ms += now() - t;
    if (c.total() > this.limit) throw new InteractionLimitError(this.limit);
  }

  /** Boot: the root slot holds REF(entry), expanded there (one DREF). */
  boot(entry: number): void {
    this.core.heap[ROOT_SLOT] = (entry << 4) | Tag.REF;
    this.expandAt(ROOT_SLOT);
  }

  /** Expand the REF stored in heap slot `slot` in place (one DREF). */
  expandAt(slot: number): void {
    const c = this.core;
    if (c.total() + 1 > this.limit) throw new InteractionLimitError(this.limit);
    const def = c.defs[c.heap[slot] >>> 4];
    c.reserveRedexes(c.room);
    if (!c.reserve(def.size)) throw c.outOfMemory();
    c.live += def.size;
    if (c.live > c.peak) c.peak = c.live;
    c.rlen = expand(c.heap, c.rbag, c.rlen, def, varTo(slot));
    c.counts[Rule.DREF]++;
  }

  /**
   * Walk from the given slots through OP2/MAT/CTi nodes, expanding every REF
   * met; returns the slots expanded (where the next walk starts).
   */
  expandFrom(starts: readonly number[]): number[] {
    const expanded: number[] = [];
    const stack = starts.slice();
    while (stack.length > 0) {
      const slot = stack.pop()!;
      const p = this.core.heap[slot];
      const tag = p & 0xf;
      if ((WALKED_TAGS >>> tag) & 1) {
        const at = (p >>> 4) << 1;
        stack.push(at + 1, at);
      } else if (tag === Tag.REF) {
        this.expandAt(slot);
        expanded.push(slot);
      }
    }
    return expanded;
  }

  /** The net hanging from the root, canonically named. */
  readback(): Net {
    return canonicalize(readback(arrayHeap(this.core.heap), this.book.names));
  }

  byRule(): Record<RuleClass, number> {
    const out = emptyByRule();
    const counts = this.core.counts;
    for (let r = 0; r < RULE_CLASS.length; r++) {
      if (RULE_CLASS[r] >= 0) out[RULE_CLASSES[RULE_CLASS[r]]] += counts[r];
    }
    return out;
  }

  stats(): RunStats {
    const interactions = this.core.total();
    const seconds = this.ms / 1000;
    return {
      interactions,
      byRule: this.byRule(),
      seconds,
      mips: seconds > 0 ? interactions / seconds / 1e6 : 0,
      peakNodes: this.core.peak,
    };
  }

  private progress(): Progress {
    return { interactions: this.core.total(), byRule: this.byRule(), seconds: this.ms / 1000, nodes: this.core.live };
  }

  private checkSignal(): void {
    if (this.opts.signal?.aborted) throw new AbortedError();
  }
}
