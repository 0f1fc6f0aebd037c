/**
 * Node allocation without a global lock. The heap is cut into chunks; a
 * thread claims whole chunks with one atomic add on Ctl.CHUNK_NEXT and then
 * allocates only inside the chunks it owns, scanning for nodes whose two
 * slots are NULL. A consumed node becomes free when its last live slot is
 * nulled, possibly by another thread (the second visit of a cell), and only
 * the chunk owner ever hands it out again.
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
  private readonly chunk: number;
  private readonly chunks: number;
  private readonly nodes: number;
  private owned: number[] = [];
  private ci = -1;
  private pos = 0;
  private end = 0;
  private found = 0;

  constructor(state: SharedState) {
    this.heap = new Int32Array(state.heap);
    this.ctl = new Int32Array(state.ctl);
    this.chunk = state.chunk;
    this.chunks = chunkCount(state);
    this.nodes = state.nodes;
  }

  /** A free node, its first slot set to a placeholder so it is not handed out twice. */
  alloc(): number {
    const heap = this.heap;
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

  /** Fill out[0..n) with free nodes in one scan (placeholders set), for definition copies. */
  allocMany(out: Int32Array, n: number): void {
    const heap = this.heap;
    let k = 0;
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
