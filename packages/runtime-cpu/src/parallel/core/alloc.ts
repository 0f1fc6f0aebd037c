/**
 * Node allocation without a global lock. The heap is cut into chunks; a
 * thread claims whole chunks with one atomic add on Ctl.CHUNK_NEXT (and
 * records itself in the chunk's owner word).
 *
 * Two sources, cheapest first:
 * - a LIFO free list of nodes this thread saw become free (both slots NULL),
 *   recently touched, so still in cache: nodes whose two slots a rule of
 *   this thread consumed (in any chunk: nobody else can reach them), and
 *   nodes of its own chunks whose last cell it nulled. A listed node's slots
 *   hold the next node as ERA-tagged markers, never NULL, so the scan below
 *   never hands it out a second time;
 * - a scan of its chunks for nodes whose two slots are NULL: fresh chunks,
 *   and nodes whose last slot was nulled by another thread (the second visit
 *   of a cell), which only the chunk owner ever hands out again.
 *
 * At the end of a pass over its chunks the allocator claims a new chunk when
 * the pass found few free nodes (less than 1/8), and reports out of memory
 * when a whole pass found none and no chunk is left.
 */
import { Tag } from "@hvm/ir";
import { Ctl, type SharedState, chunkCount } from "./layout.js";

/** Thrown by alloc() when every owned chunk is full and none is left to claim. */
export class HeapExhausted extends Error {
  constructor() {
    super("heap exhausted");
  }
}

export class Allocator {
  private readonly heap: Int32Array;
  private readonly ctl: Int32Array;
  /** The owner table (layout.ts): 1 + the id of each chunk's thread. */
  readonly owners: Int32Array;
  private readonly chunk: number;
  /** log2 of the chunk size: node n lies in chunk (n - 1) >> shift. */
  readonly shift: number;
  private readonly chunks: number;
  private readonly nodes: number;
  /** This thread's mark in the owner table (1 + its id). */
  readonly mark: number;
  private owned: number[] = [];
  private ci = -1;
  private pos = 0;
  private end = 0;
  private found = 0;
  /** Head of the free list (0: empty); the hot loop pops and pushes it inline (rules.ts). */
  head = 0;

  constructor(state: SharedState, id: number) {
    this.heap = new Int32Array(state.heap);
    this.ctl = new Int32Array(state.ctl);
    this.owners = new Int32Array(state.owners);
    this.chunk = state.chunk;
    this.shift = 31 - Math.clz32(state.chunk);
    this.chunks = chunkCount(state);
    this.nodes = state.nodes;
    this.mark = id + 1;
  }

  /** A free node, its first slot set to a placeholder so it is not handed out twice. */
  alloc(): number {
    const heap = this.heap;
    const n = this.head;
    if (n !== 0) {
      this.head = heap[2 * n] >>> 4;
      heap[2 * n + 1] = 0;
      return n;
    }
    for (;;) {
      let pos = this.pos;
      const end = this.end;
      while (pos < end) {
        if (heap[2 * pos] === 0 && heap[2 * pos + 1] === 0) {
          heap[2 * pos] = Tag.ERA;
          this.pos = pos + 1;
          this.found++;
          return pos;
        }
        pos++;
      }
      this.pos = pos;
      this.nextChunk();
    }
  }

  /** Fill out[0..n) with free nodes (placeholders set), for definition copies. */
  allocMany(out: Int32Array, n: number): void {
    const heap = this.heap;
    let k = 0;
    let f = this.head;
    while (f !== 0 && k < n) {
      out[k++] = f;
      heap[2 * f + 1] = 0;
      f = heap[2 * f] >>> 4;
    }
    this.head = f;
    if (k === n) return;
    for (;;) {
      let pos = this.pos;
      const end = this.end;
      const from = k;
      while (pos < end && k < n) {
        if (heap[2 * pos] === 0 && heap[2 * pos + 1] === 0) {
          heap[2 * pos] = Tag.ERA;
          out[k++] = pos;
        }
        pos++;
      }
      this.pos = pos;
      this.found += k - from;
      if (k === n) return;
      this.nextChunk();
    }
  }

  /**
   * Node `n` may have just become free (a cell of it was nulled by this
   * thread, the second visit of its wire): put it on the free list when both
   * slots are NULL and it lies in a chunk of this thread. Its other slot may
   * be nulled by another thread at the same moment; only the chunk owner
   * lists such a node, so it is never listed twice (if both threads miss the
   * other's store, it stays for the scan).
   */
  release(n: number): void {
    const heap = this.heap;
    if (heap[2 * n] === 0 && heap[2 * n + 1] === 0 && this.owners[(n - 1) >> this.shift] === this.mark) {
      heap[2 * n] = (this.head << 4) | Tag.ERA;
      heap[2 * n + 1] = Tag.ERA;
      this.head = n;
    }
  }

  /** Nodes in the chunks this allocator owns. */
  ownedNodes(): number {
    return this.owned.length * this.chunk;
  }

  private nextChunk(): void {
    if (this.ci + 1 < this.owned.length) {
      this.enter(this.ci + 1);
      return;
    }
    if ((this.owned.length === 0 || this.found * 8 < this.ownedNodes()) && this.claim()) return;
    if (this.found === 0) throw new HeapExhausted();
    this.found = 0;
    this.enter(0);
  }

  private claim(): boolean {
    if (Atomics.load(this.ctl, Ctl.CHUNK_NEXT) >= this.chunks) return false;
    const k = Atomics.add(this.ctl, Ctl.CHUNK_NEXT, 1);
    if (k >= this.chunks) return false;
    this.owners[k] = this.mark;
    this.owned.push(k);
    this.enter(this.owned.length - 1);
    return true;
  }

  private enter(i: number): void {
    this.ci = i;
    const start = 1 + this.owned[i] * this.chunk;
    this.pos = start;
    this.end = Math.min(this.nodes, start + this.chunk);
  }
}
