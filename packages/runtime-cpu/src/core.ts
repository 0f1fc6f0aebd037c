/**
 * The mutable state of a single-thread reduction: the heap, its allocator,
 * the redex stack, the per-rule counters, and the two primitives every rule
 * is written with: `link` and `instantiate`.
 *
 * Heap: a Uint32Array, node i at slots 2i (aux1) and 2i+1 (aux2), node 0
 * reserved (its aux2, slot 1, holds the root). It starts small and doubles
 * (copying) up to `maxNodes`, then throws OutOfMemoryError.
 *
 * Allocation: a LIFO free list threaded through the free nodes (a free
 * node's aux1 holds the index of the next free node, 0 ending the list; its
 * aux2 is NULL), then a bump pointer. The bump pointer only moves when the
 * free list is empty, that is when every node below it is live, so
 * `bump - 1` is the peak number of live nodes.
 */
import { type CompiledBook, type CompiledDef, OutOfMemoryError, NODE_BYTES, RULE_CLASS, Rule, VALUE_MAX } from "@hvm/ir";

/** Nodes of a fresh heap (grows by doubling). */
export const INITIAL_NODES = 1 << 16;
/** Redex pairs of a fresh redex stack (grows by doubling). */
const INITIAL_REDEXES = 1 << 12;
/** Bit t set when a port of tag t carries a node index (VR1..RD2, OP2..CT5). */
export const NODE_TAGS = 0xff8f;
/** The rule id counted when two nullary main ports are linked. */
const VOID = Rule.VOID;
/** Largest heap any 28-bit node index can address. */
const MAX_ADDRESSABLE = VALUE_MAX + 1;

/** The heap slot a VR1/VR2 port points to. */
export const slotOf = (p: number): number => ((p >>> 4) << 1) | (p & 1);
/** The VR1/VR2 port that points to a heap slot. */
export const varTo = (slot: number): number => ((slot >>> 1) << 4) | (slot & 1);

/** How many nodes a memory limit in bytes allows (node 0 included). */
export const nodesFor = (memory: number): number =>
  Math.max(0, Math.min(MAX_ADDRESSABLE, Math.floor(memory / NODE_BYTES)));

export class NetCore {
  /** The heap; replaced (not resized) when it grows: reload it after `alloc`. */
  heap: Uint32Array;
  /** Nodes the current heap holds. */
  capacity: number;
  /** Nodes the memory limit allows. */
  readonly maxNodes: number;
  /** Next never-used node. */
  bump = 1;
  /** First node of the free list (0: empty). */
  freeHead = 0;
  /** Nodes in use now (node 0 not counted). */
  live = 0;
  /** Redex stack: pairs of main ports. */
  rbag: Uint32Array;
  /** Used length of `rbag` (twice the number of redexes). */
  rlen = 0;
  /** Interactions performed, indexed by ir's Rule id. */
  readonly counts = new Float64Array(16);
  readonly defs: readonly CompiledDef[];
  /** Scratch: where each node of the definition being expanded went. */
  private locs: Uint32Array;
  /** Most redex stack slots one interaction can fill (COMM: 4 redexes; DREF: a definition's redexes and one). */
  readonly room: number;

  constructor(book: CompiledBook, memory: number) {
    this.defs = book.defs;
    this.maxNodes = nodesFor(memory);
    if (this.maxNodes < 1) throw new OutOfMemoryError(this.maxNodes, memory);
    this.capacity = Math.min(INITIAL_NODES, this.maxNodes);
    this.heap = new Uint32Array(2 * this.capacity);
    this.rbag = new Uint32Array(2 * INITIAL_REDEXES);
    let largest = 1;
    let pairs = 4;
    for (const d of book.defs) {
      largest = Math.max(largest, d.size);
      pairs = Math.max(pairs, d.redexes.length / 2 + 1);
    }
    this.locs = new Uint32Array(largest);
    this.room = 2 * pairs;
  }

  /** Take one node: the free list first, then the bump pointer. */
  alloc(): number {
    const n = this.freeHead;
    this.live++;
    if (n !== 0) {
      this.freeHead = this.heap[n << 1];
      return n;
    }
    const b = this.bump;
    if (b === this.capacity) this.grow();
    this.bump = b + 1;
    return b;
  }

  /** Give a node back. Called after the rule's links, never before. */
  free(n: number): void {
    const h = this.heap;
    h[n << 1] = this.freeHead;
    h[(n << 1) | 1] = 0;
    this.freeHead = n;
    this.live--;
  }

  /** Double the heap (copying), up to the memory limit. */
  grow(): void {
    if (this.capacity >= this.maxNodes) {
      throw new OutOfMemoryError(this.maxNodes, this.maxNodes * NODE_BYTES);
    }
    const cap = Math.min(this.capacity * 2, this.maxNodes);
    const next = new Uint32Array(2 * cap);
    next.set(this.heap);
    this.heap = next;
    this.capacity = cap;
  }

  /**
   * Push a redex (two main ports). Unchecked: the reduction loop calls
   * `ensureRoom` before every interaction, which leaves room for the most
   * redexes one interaction can push.
   */
  push(a: number, b: number): void {
    const r = this.rlen;
    this.rbag[r] = a;
    this.rbag[r + 1] = b;
    this.rlen = r + 2;
  }

  /** Make room on the redex stack for one more interaction's pushes. */
  ensureRoom(): void {
    if (this.rlen + this.room > this.rbag.length) {
      let size = this.rbag.length * 2;
      while (this.rlen + this.room > size) size *= 2;
      const next = new Uint32Array(size);
      next.set(this.rbag);
      this.rbag = next;
    }
  }

  /**
   * Connect two wire ends: a variable's target slot receives the other
   * end; two main ports make a redex. Two nullary main ports (ERA, NUM,
   * REF) would only vanish (VOID), so that interaction is counted here
   * instead of being pushed and popped.
   */
  link(a: number, b: number): void {
    const h = this.heap;
    if ((a & 0xf) <= 3) {
      h[((a >>> 4) << 1) | (a & 1)] = b;
      if ((b & 0xf) <= 3) h[((b >>> 4) << 1) | (b & 1)] = a;
    } else if ((b & 0xf) <= 3) {
      h[((b >>> 4) << 1) | (b & 1)] = a;
    } else if ((a & 0xf) <= 6 && (b & 0xf) <= 6) {
      this.counts[VOID]++;
    } else {
      this.push(a, b);
    }
  }

  /**
   * Copy definition `d` into fresh nodes, push its redexes and return its
   * root port (a slot wired to the root holds ERA until the caller links).
   */
  instantiate(d: number): number {
    const def = this.defs[d];
    const size = def.size;
    const locs = this.locs;
    let f = this.freeHead;
    let i = 0;
    const free = this.heap;
    while (i < size && f !== 0) {
      locs[i++] = f;
      f = free[f << 1];
    }
    this.freeHead = f;
    this.live += i;
    for (; i < size; i++) locs[i] = this.alloc();
    const h = this.heap;
    const nodes = def.nodes;
    for (let i = 0; i < size; i++) {
      const at = locs[i] << 1;
      const p = nodes[2 * i];
      const q = nodes[2 * i + 1];
      h[at] = (NODE_TAGS >>> (p & 0xf)) & 1 ? (locs[p >>> 4] << 4) | (p & 0xf) : p;
      h[at + 1] = (NODE_TAGS >>> (q & 0xf)) & 1 ? (locs[q >>> 4] << 4) | (q & 0xf) : q;
    }
    const rdx = def.redexes;
    for (let i = 0; i < rdx.length; i += 2) {
      const p = rdx[i];
      const q = rdx[i + 1];
      this.push(
        (NODE_TAGS >>> (p & 0xf)) & 1 ? (locs[p >>> 4] << 4) | (p & 0xf) : p,
        (NODE_TAGS >>> (q & 0xf)) & 1 ? (locs[q >>> 4] << 4) | (q & 0xf) : q,
      );
    }
    const r = def.root;
    return (NODE_TAGS >>> (r & 0xf)) & 1 ? (locs[r >>> 4] << 4) | (r & 0xf) : r;
  }

  /** Interactions so far, all counted rules. */
  total(): number {
    const c = this.counts;
    let t = 0;
    for (let i = 0; i < RULE_CLASS.length; i++) if (RULE_CLASS[i] >= 0) t += c[i];
    return t;
  }
}
