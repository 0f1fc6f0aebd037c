/**
 * The mutable state of a single-thread reduction (heap, free list, redex
 * stack, counters) and the primitives every rule is written with: `alloc`,
 * `free`, `link` and `expand`.
 *
 * The primitives are plain functions of the typed arrays they touch, not
 * methods: the reduction loop keeps the heap, the redex stack and its length
 * in locals and the engine inlines these small functions into it, so a rule
 * compiles to loads and stores on registers. State that must survive a
 * primitive lives in memory: the free list's head is the heap's slot 0
 * (node 0's aux1, unused otherwise), the redex stack's length is threaded
 * through as an argument and returned.
 *
 * Heap: a Uint32Array, node i at slots 2i (aux1) and 2i+1 (aux2), node 0
 * reserved (its aux2, slot 1, holds the root). It starts small and doubles
 * (copying) up to `maxNodes`, then throws OutOfMemoryError.
 *
 * Allocation: every node that is not live is on a LIFO free list threaded
 * through aux1 (a free node's aux1 holds the next free node, 0 ends the
 * list; its aux2 keeps whatever it held); a fresh or grown heap threads its
 * new nodes onto the list in index order. `live` counts the nodes in use
 * and `peak` the most that were in use at any moment, both kept by the
 * reduction loop, which also makes sure before each interaction that the
 * list holds enough nodes for it.
 */
import { type CompiledBook, type CompiledDef, OutOfMemoryError, NODE_BYTES, RULE_CLASS, VALUE_MAX } from "@hvm/ir";

/** Nodes of a fresh heap (grows by doubling). */
export const INITIAL_NODES = 1 << 16;
/** Redex pairs of a fresh redex stack (grows by doubling). */
const INITIAL_REDEXES = 1 << 12;
/** Bit t set when a port of tag t carries a node index (VR1..RD2, OP2..CT5). */
export const NODE_TAGS = 0xff8f;
/** Largest heap any 28-bit node index can address. */
const MAX_ADDRESSABLE = VALUE_MAX + 1;
/** Most nodes one rule other than DREF takes (COMM). */
const RULE_NODES = 4;

/** The heap slot a VR1/VR2 port points to. */
export const slotOf = (p: number): number => ((p >>> 4) << 1) | (p & 1);
/** The VR1/VR2 port that points to a heap slot. */
export const varTo = (slot: number): number => ((slot >>> 1) << 4) | (slot & 1);

/** How many nodes a memory limit in bytes allows (node 0 included). */
export const nodesFor = (memory: number): number =>
  Math.max(0, Math.min(MAX_ADDRESSABLE, Math.floor(memory / NODE_BYTES)));

/** Take a node from the free list (slot 0 holds its head). The caller has checked that one is there. */
export function alloc(h: Uint32Array): number {
  const n = h[0];
  h[0] = h[n << 1];
  return n;
}

/** Give a node back to the free list. Rules call it after their links, never before. */
export function free(h: Uint32Array, n: number): void {
  h[n << 1] = h[0];
  h[0] = n;
}

/**
 * Connect two wire ends: a variable's target slot receives the other end
 * (slot `(p >>> 3) | (p & 1)`: twice the node index plus the aux bit, tags
 * 0..3 having bit 3 clear); two main ports make a redex, pushed on `rb` at
 * `r`. Returns the new stack length. The caller has made room for the push.
 */
export function link(h: Uint32Array, rb: Uint32Array, r: number, a: number, b: number): number {
  if ((a & 0xf) <= 3) {
    h[(a >>> 3) | (a & 1)] = b;
    if ((b & 0xf) <= 3) h[(b >>> 3) | (b & 1)] = a;
    return r;
  }
  if ((b & 0xf) <= 3) {
    h[(b >>> 3) | (b & 1)] = a;
    return r;
  }
  rb[r] = a;
  rb[r + 1] = b;
  return r + 2;
}

/**
 * A definition prepared for expansion: every port rewritten to
 * `(i << 4) | tag`, where `table[i]` supplies the value. Entries below
 * `size` are the definition's own nodes (filled with the nodes taken at each
 * expansion); the entries above hold the values of its REF, ERA and NUM
 * ports, filled once here. Relocating a port is then the same three
 * operations whatever its tag: `(table[p >>> 4] << 4) | (p & 0xf)`.
 */
export class DefCode {
  readonly size: number;
  /** Node ports (2 per node), then redex pairs, then the root. */
  readonly code: Uint32Array;
  readonly table: Uint32Array;
  /** Index in `code` of the root (the end of the redex pairs). */
  readonly rootAt: number;

  constructor(def: CompiledDef) {
    const ports = [...def.nodes, ...def.redexes, def.root];
    this.size = def.size;
    this.code = new Uint32Array(ports.length);
    const values: number[] = [];
    ports.forEach((p, i) => {
      if ((NODE_TAGS >>> (p & 0xf)) & 1) {
        this.code[i] = p;
      } else {
        this.code[i] = ((def.size + values.length) << 4) | (p & 0xf);
        values.push(p >>> 4);
      }
    });
    this.table = new Uint32Array(def.size + values.length);
    this.table.set(values, def.size);
    this.rootAt = ports.length - 1;
  }
}

/**
 * Copy a definition into nodes from the free list, push its redexes and
 * link its root with `target`; returns the new stack length. The caller has
 * checked that the list holds `def.size` nodes and the stack has room for
 * the redexes and a link.
 */
export function expand(h: Uint32Array, rb: Uint32Array, r: number, def: DefCode, target: number): number {
  const size = def.size;
  const code = def.code;
  const t = def.table;
  let f = h[0];
  for (let i = 0; i < size; i++) {
    t[i] = f;
    f = h[f << 1];
  }
  h[0] = f;
  const nodeEnd = 2 * size;
  const end = def.rootAt;
  for (let i = 0; i < end; i++) {
    const p = code[i];
    const v = (t[p >>> 4] << 4) | (p & 0xf);
    if (i < nodeEnd) h[(t[i >>> 1] << 1) | (i & 1)] = v;
    else rb[r++] = v;
  }
  const root = code[end];
  return link(h, rb, r, (t[root >>> 4] << 4) | (root & 0xf), target);
}

/** Thread nodes `from..to-1` onto the front of the free list, in index order. */
function thread(h: Uint32Array, from: number, to: number): void {
  if (from >= to) return;
  for (let i = from; i < to - 1; i++) h[i << 1] = i + 1;
  h[(to - 1) << 1] = h[0];
  h[0] = from;
}

export class NetCore {
  /** The heap; replaced (not resized) when it grows: reload it after `reserve`. */
  heap: Uint32Array;
  /** Nodes the current heap holds (node 0 included). */
  capacity: number;
  /** Nodes the memory limit allows. */
  readonly maxNodes: number;
  /** Nodes in use now (node 0 not counted). */
  live = 0;
  /** Most nodes in use at any moment (node 0 not counted). */
  peak = 0;
  /** Redex stack: pairs of main ports; replaced when it grows. */
  rbag: Uint32Array;
  /** Used length of `rbag` (twice the number of redexes). */
  rlen = 0;
  /** Interactions performed, indexed by ir's Rule id. */
  readonly counts = new Float64Array(16);
  /** The book's definitions, prepared for `expand`. */
  readonly defs: readonly DefCode[];
  /** Most redex stack slots one interaction can fill (COMM: 4 redexes; DREF: a definition's redexes and one). */
  readonly room: number;
  /** Most nodes one interaction can take (COMM: 4; DREF: the largest definition). */
  readonly most: number;

  constructor(book: CompiledBook, memory: number) {
    this.defs = book.defs.map((d) => new DefCode(d));
    this.maxNodes = nodesFor(memory);
    if (this.maxNodes < 1) throw new OutOfMemoryError(this.maxNodes, memory);
    this.capacity = Math.min(INITIAL_NODES, this.maxNodes);
    this.heap = new Uint32Array(2 * this.capacity);
    thread(this.heap, 1, this.capacity);
    this.rbag = new Uint32Array(2 * INITIAL_REDEXES);
    let largest = RULE_NODES;
    let pairs = 4;
    for (const d of book.defs) {
      largest = Math.max(largest, d.size);
      pairs = Math.max(pairs, d.redexes.length / 2 + 1);
    }
    this.most = largest;
    this.room = 2 * pairs;
  }

  /**
   * Make sure the free list holds `need` nodes, growing the heap (doubling,
   * copying) up to the memory limit; false when the limit does not allow
   * it. Reload `heap` afterwards.
   */
  reserve(need: number): boolean {
    while (this.live + need > this.capacity - 1) {
      if (this.capacity >= this.maxNodes) return false;
      const old = this.capacity;
      const cap = Math.min(old * 2, this.maxNodes);
      const next = new Uint32Array(2 * cap);
      next.set(this.heap);
      thread(next, old, cap);
      this.heap = next;
      this.capacity = cap;
    }
    return true;
  }

  /** The error for a run that needs more nodes than the memory limit allows. */
  outOfMemory(): OutOfMemoryError {
    return new OutOfMemoryError(this.maxNodes, this.maxNodes * NODE_BYTES);
  }

  /** Make room on the redex stack for `slots` more entries. Reload `rbag` afterwards. */
  reserveRedexes(slots: number): void {
    if (this.rlen + slots > this.rbag.length) {
      let size = this.rbag.length * 2;
      while (this.rlen + slots > size) size *= 2;
      const next = new Uint32Array(size);
      next.set(this.rbag);
      this.rbag = next;
    }
  }

  /** Interactions so far, all counted rules. */
  total(): number {
    const c = this.counts;
    let t = 0;
    for (let i = 0; i < RULE_CLASS.length; i++) if (RULE_CLASS[i] >= 0) t += c[i];
    return t;
  }
}
