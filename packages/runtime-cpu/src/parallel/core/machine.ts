/**
 * One thread's view of the shared heap: the concurrent `take` and `link` of
 * docs/linking.md, a local redex stack, a chunk allocator and REF expansion.
 * Rules (rules.ts) are written against this class only.
 *
 * Cell form: the interchange format stores an aux-aux wire {s, t} as
 * heap[s] = VR(t), heap[t] = VR(s). The parallel reducer stores it with one
 * slot chosen as the wire's cell c (the higher slot): both slots hold VR(c),
 * and a cell holding VR(c) itself is empty. Compiled definitions are
 * converted once per run (toCellBook), before any worker sees them.
 */
import { type CompiledBook, type CompiledDef, RULE_CLASS, Rule, Tag } from "@hvm/ir";
import { Allocator } from "./alloc.js";
import { type SharedState, isWire, rd, slotOf, vr } from "./layout.js";

/** A definition ready to be copied into the shared heap. */
export interface CellDef {
  readonly name: string;
  /** Two ports per node, node indices relative to 0, wires in cell form. */
  readonly nodes: Int32Array;
  /** Pairs of main ports. */
  readonly redexes: Int32Array;
  /** A main port, or VR(r): the root is wired to local slot r (which holds ERA until linked). */
  readonly root: number;
  readonly size: number;
}

/** Convert one compiled definition to cell form. */
export function toCellDef(def: CompiledDef): CellDef {
  const nodes = new Int32Array(def.nodes.length);
  for (let s = 0; s < def.nodes.length; s++) {
    const p = def.nodes[s] | 0;
    if (isWire(p) && (p & 0xf) <= Tag.VR2) {
      const t = slotOf(p);
      nodes[s] = vr(Math.max(s, t));
    } else {
      nodes[s] = p;
    }
  }
  return { name: def.name, nodes, redexes: Int32Array.from(def.redexes), root: def.root | 0, size: def.size };
}

export function toCellBook(book: CompiledBook): CellDef[] {
  return book.defs.map(toCellDef);
}

export class Machine {
  readonly heap: Int32Array;
  readonly alloc: Allocator;
  /** Redex stack: pairs of main ports. */
  stack: Int32Array = new Int32Array(1 << 12);
  sp = 0;
  /** Interactions by rule id (ir's Rule); classCounts() sums them by rule class. */
  readonly ruleCounts = new Float64Array(16);
  private loc = new Int32Array(64);

  constructor(
    state: SharedState,
    readonly defs: readonly CellDef[],
  ) {
    this.heap = new Int32Array(state.heap);
    this.alloc = new Allocator(state);
  }

  /** Interactions by rule class (ANNI, COMM, ERAS, DREF, OPER). */
  classCounts(): Float64Array {
    const out = new Float64Array(5);
    for (let r = 0; r < RULE_CLASS.length; r++) if (RULE_CLASS[r] >= 0) out[RULE_CLASS[r]] += this.ruleCounts[r];
    return out;
  }

  push(a: number, b: number): void {
    if (this.sp + 2 > this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    this.stack[this.sp++] = a;
    this.stack[this.sp++] = b;
  }

  /** A fresh node. */
  node(): number {
    return this.alloc.alloc();
  }

  /**
   * Read aux slot x of a node this thread owns. An empty cell stays alive
   * (the other end still has to visit it); anything else is consumed. A
   * redirect comes back as it is: link reads RD(d) as VR(d).
   */
  take(x: number): number {
    const heap = this.heap;
    const v = heap[x];
    if (v === vr(x)) return v;
    heap[x] = 0;
    return v;
  }

  /**
   * Connect two wire ends (VR or RD, both name a cell; or main ports):
   * deposit into a cell, or continue past a dead one, or make a redex. A cell already holding a deposit is final (its other end
   * has visited and nobody else writes it), so the exchange is needed only
   * while it still reads empty.
   */
  link(a: number, b: number): void {
    const heap = this.heap;
    for (;;) {
      if ((a & 0xf) > Tag.RD2) {
        const t = a;
        a = b;
        b = t;
        if ((a & 0xf) > Tag.RD2) {
          this.push(a, b);
          return;
        }
      }
      a &= ~2;
      const c = slotOf(a);
      let old = Atomics.load(heap, c);
      if (old === a) {
        old = Atomics.exchange(heap, c, (b & 0xf) <= Tag.RD2 ? b | 2 : b);
        if (old === a) return;
      }
      heap[c] = 0;
      a = old;
    }
  }

  /** Store a wire end into a fresh slot nobody else can see yet. */
  move(slot: number, p: number): void {
    this.heap[slot] = isWire(p) ? p | 2 : p;
  }

  /** Copy definition `i` into fresh nodes; push its redexes; returns its relocated root. */
  instantiate(i: number): number {
    const def = this.defs[i];
    const size = def.size;
    if (this.loc.length < size) this.loc = new Int32Array(Math.max(size, this.loc.length * 2));
    const loc = this.loc;
    this.alloc.allocMany(loc, size);
    const heap = this.heap;
    const nodes = def.nodes;
    for (let k = 0; k < size; k++) {
      const at = 2 * loc[k];
      heap[at] = relocate(nodes[2 * k], loc);
      heap[at + 1] = relocate(nodes[2 * k + 1], loc);
    }
    const redexes = def.redexes;
    for (let r = 0; r < redexes.length; r += 2) this.push(relocate(redexes[r], loc), relocate(redexes[r + 1], loc));
    return relocate(def.root, loc);
  }

  /** DREF: expand definition `i` where its root meets main port `x`. */
  expandInto(i: number, x: number): void {
    const root = this.instantiate(i);
    if (isWire(root)) this.heap[slotOf(root)] = x;
    else this.push(root, x);
  }

  /** Expand definition `i` in place of the REF stored at slot y (normal-form REF expansion). */
  expandAt(i: number, y: number): void {
    const root = this.instantiate(i);
    if (isWire(root)) {
      const r = slotOf(root);
      this.heap[r] = vr(r);
      this.heap[y] = rd(r);
    } else {
      this.heap[y] = root;
    }
    this.ruleCounts[Rule.DREF]++;
  }
}

/** Shift a port of a definition by the node table `loc` (node tags only). */
function relocate(p: number, loc: Int32Array): number {
  const tag = p & 0xf;
  return tag <= Tag.RD2 || tag >= Tag.OP2 ? (loc[p >>> 4] << 4) | tag : p;
}
