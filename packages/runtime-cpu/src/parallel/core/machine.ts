/**
 * One thread's view of the shared heap: its redex stack, a chunk allocator,
 * its instance of the wasm kernel (the rules and the hot loop, wasm.ts), and
 * REF expansion for the host's normal-form walk.
 *
 * Cell form: the interchange format stores an aux-aux wire {s, t} as
 * heap[s] = VR(t), heap[t] = VR(s). The parallel reducer stores it with one
 * slot chosen as the wire's cell c (toCellDef says which): both slots hold
 * VR(c), and a cell holding VR(c) itself is empty. Compiled definitions are
 * converted once per run (toCellBook), before any worker sees them.
 */
import { type CompiledBook, type CompiledDef, RULE_CLASS, Rule, Tag } from "@hvm/ir";
import { Allocator } from "./alloc.js";
import { type KernelExports, instantiateKernel } from "./wasm.js";
import { Blk, KernelStatus, type SharedState, isWire, rd, regionOf, slotOf, vr } from "./layout.js";

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
  /**
   * The same ports for the kernel's copy (DREF in kernel/assembly/kernel.ts),
   * every one as `(i << 4) | tag` with the value in `table[i]`: the node
   * ports, then the redex pairs, then the root. Entries below `size` are the
   * copy's nodes (filled at each copy, in the copying thread's own copy of
   * the table, layout.ts); the entries above hold the values of the REF, ERA
   * and NUM ports, filled here. Relocating a port is then the same three
   * operations whatever its tag, with no branch on it.
   */
  readonly code: Int32Array;
  readonly table: Int32Array;
}

/** Bit t set when a port of tag t carries a node index (VR1..RD2, OP2..CT5). */
const NODE_TAGS = 0xff8f;

/** The uniform form (CellDef.code / table) of a definition's ports. */
function codeOf(size: number, ports: readonly number[]): { code: Int32Array; table: Int32Array } {
  const values: number[] = [];
  const code = Int32Array.from(ports, (p) => {
    if ((NODE_TAGS >>> (p & 0xf)) & 1) return p;
    values.push(p >>> 4);
    return ((size + values.length - 1) << 4) | (p & 0xf);
  });
  const table = new Int32Array(size + values.length);
  table.set(values, size);
  return { code, table };
}

/**
 * Convert one compiled definition to cell form. Each internal wire gets its
 * cell in the slot whose node is expected to be consumed later (cellOrder):
 * the first end to arrive then deposits into the cell, and the second reads
 * the deposit as its node's port, instead of the first end finding an empty
 * cell in its own node (which keeps the node alive and costs a pickup).
 */
export function toCellDef(def: CompiledDef): CellDef {
  const late = cellOrder(def);
  const nodes = new Int32Array(def.nodes.length);
  for (let s = 0; s < def.nodes.length; s++) {
    const p = def.nodes[s] | 0;
    if (isWire(p) && (p & 0xf) <= Tag.VR2) {
      const t = slotOf(p);
      const ks = late[s >> 1];
      const kt = t < def.nodes.length ? late[t >> 1] : -1;
      nodes[s] = vr(ks > kt || (ks === kt && s > t) ? s : t);
    } else {
      nodes[s] = p;
    }
  }
  const redexes = Int32Array.from(def.redexes);
  const root = def.root | 0;
  return { name: def.name, nodes, redexes, root, size: def.size, ...codeOf(def.size, [...nodes, ...redexes, root]) };
}

/** Children of a node at this key or later: an operation's continuation waits for its operand. */
const WAITS = 1 << 20;

/**
 * A guess of when each node of a definition's copy is consumed (larger:
 * later). The root's pair is reduced first and the redexes from the last
 * to the first (the stack pops the newest); a constructor's children meet
 * the other side's ports as soon as it annihilates or commutes, so they
 * share its key; the children of OP2, OP1 and MAT wait for a number.
 */
function cellOrder(def: CompiledDef): Int32Array {
  const key = new Int32Array(def.size);
  const visit = (top: number, k: number): void => {
    const stack: Array<[number, number]> = [[top, k]];
    while (stack.length > 0) {
      const [p, at] = stack.pop()!;
      const tag = p & 0xf;
      if (tag < Tag.OP2) continue;
      const n = p >>> 4;
      key[n] = at;
      const child = tag >= Tag.CT0 ? at : WAITS + at;
      stack.push([def.nodes[2 * n], child], [def.nodes[2 * n + 1], child]);
    }
  };
  visit(def.root, 0);
  const pairs = def.redexes.length >> 1;
  for (let i = 0; i < pairs; i++) {
    const k = 1 + (pairs - 1 - i);
    visit(def.redexes[2 * i], k);
    visit(def.redexes[2 * i + 1], k);
  }
  return key;
}

export function toCellBook(book: CompiledBook): CellDef[] {
  return book.defs.map(toCellDef);
}

/** Two numeric nodes met; carries the tags of the pair in redex order. */
export class TypeStop extends Error {
  constructor(
    readonly left: number,
    readonly right: number,
  ) {
    super("type error");
  }
}

export class Machine {
  readonly heap: Int32Array;
  readonly alloc: Allocator;
  /**
   * Redex stack: pairs of main ports in stack[base..sp), a view of this
   * thread's stack region (layout.ts) so the kernel works on it in place.
   * Rules push and the kernel pops at the top (sp); work sharing hands out
   * the oldest pairs from the bottom (base) in O(pairs moved). When it is
   * full, its older half moves to `spilled` (this thread's memory), and
   * comes back when the stack runs dry.
   */
  readonly stack: Int32Array;
  sp = 0;
  base = 0;
  private spilled: Int32Array[] = [];
  /** Stack words one interaction may push at most (layout.ts). */
  readonly room: number;
  /** Interactions by rule id (ir's Rule), in the worker block where the kernel adds to them; classCounts() sums them by rule class. */
  readonly ruleCounts: Float64Array;
  /** Scratch: where each node of a definition being copied goes (as long as the largest definition). */
  readonly loc: Int32Array;
  private readonly kernel: KernelExports;
  private readonly block: Int32Array;
  private readonly stackAt: number;

  /** `id`: the thread's number (workers 0..threads-1, the host `threads`), which marks the chunks it claims. */
  constructor(
    state: SharedState,
    readonly defs: readonly CellDef[],
    id: number,
  ) {
    this.heap = new Int32Array(state.heap);
    this.alloc = new Allocator(state, id);
    const region = regionOf(state, id);
    this.block = new Int32Array(state.heap, region.block, Blk.SIZE >> 2);
    this.ruleCounts = new Float64Array(state.heap, region.block + Blk.COUNTS, 16);
    this.ruleCounts.fill(0);
    this.stack = new Int32Array(state.heap, region.stack, state.stackWords);
    this.stackAt = region.stack;
    this.loc = new Int32Array(defs.reduce((n, d) => Math.max(n, d.size), 1));
    this.room = state.room;
    this.kernel = instantiateKernel(state.memory, () => this.alloc.nextChunk());
    this.kernel.init(region.block, state.ownersAt, this.alloc.shift, this.alloc.mark, state.dispatchAt, state.bookAt, region.tables, region.free, state.freeWords);
  }

  /**
   * Reduce up to `budget` redexes from the top of the stack with the wasm
   * kernel; returns how many. Stops early when the stack is empty. Throws
   * TypeStop on a pair of numbers (and HeapExhausted from the allocator).
   */
  reduce(budget: number): number {
    let done = 0;
    for (;;) {
      const status = this.kernel.reduce(this.stackAt, this.sp, this.base, this.stack.length, this.room, budget - done);
      this.sp = this.block[Blk.SP >> 2];
      done += this.block[Blk.DONE >> 2];
      if (status === KernelStatus.OK) return done;
      if (status === KernelStatus.TYPE) throw new TypeStop(this.block[Blk.STOP_A >> 2], this.block[Blk.STOP_B >> 2]);
      this.grow();
    }
  }

  /** Interactions by rule class (ANNI, COMM, ERAS, DREF, OPER). */
  classCounts(): Float64Array {
    const out = new Float64Array(5);
    for (let r = 0; r < RULE_CLASS.length; r++) if (RULE_CLASS[r] >= 0) out[RULE_CLASS[r]] += this.ruleCounts[r];
    return out;
  }

  push(a: number, b: number): void {
    if (this.sp + this.room > this.stack.length) this.grow();
    this.stack[this.sp++] = a;
    this.stack[this.sp++] = b;
  }

  /** Make room at the top: move the pairs down to 0 when the bottom has been handed out, else spill the older half. */
  grow(): void {
    const stack = this.stack;
    if (this.base > 0) {
      stack.copyWithin(0, this.base, this.sp);
      this.sp -= this.base;
      this.base = 0;
      if (this.sp + this.room <= stack.length) return;
    }
    const half = (this.sp >> 2) << 1;
    this.spilled.push(stack.slice(0, half));
    stack.copyWithin(0, half, this.sp);
    this.sp -= half;
  }

  /** Redexes on the stack (not counting spilled ones). */
  pending(): number {
    return (this.sp - this.base) >> 1;
  }

  /** The stack ran dry: bring back the most recently spilled pairs; false when there are none. */
  unspill(): boolean {
    const back = this.spilled.pop();
    if (!back) return false;
    this.stack.set(back, 0);
    this.base = 0;
    this.sp = back.length;
    return true;
  }

  /** Every pending pair, spilled ones included, and an empty stack. */
  drain(): Int32Array {
    const parts = [...this.spilled, this.stack.slice(this.base, this.sp)];
    const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    this.clear();
    return out;
  }

  /** Empty the stack. */
  clear(): void {
    this.sp = 0;
    this.base = 0;
    this.spilled = [];
  }

  /** Copy definition `i` into fresh nodes; push its redexes; returns its relocated root. */
  instantiate(i: number): number {
    const def = this.defs[i];
    const size = def.size;
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
