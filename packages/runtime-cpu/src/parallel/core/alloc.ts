/**
 * Node allocation without a global lock. The heap is cut into chunks; a
 * thread claims whole chunks with one atomic add on Ctl.CHUNK_NEXT (and
 * records itself in the chunk's owner word).
 *
 * Two sources, cheapest first:
 * - a free stack (an array of node indices in the thread's region, popped
 *   and pushed by the wasm kernel) of nodes this thread saw become free,
 *   recently touched, so still in cache: nodes whose two slots a rule of
 *   this thread consumed (in any chunk: nobody else can reach them), and
 *   nodes of its own chunks whose last cell it nulled. A stacked node's
 *   slots hold ERA markers, never NULL, so the scan below never hands it
 *   out a second time; when the stack is full a freed node keeps NULL
 *   slots and waits for its chunk owner's scan. Popping reads the array,
 *   not the node: an intrusive list (the next node's index in the freed
 *   node) made every allocation wait for a load from a node that is often
 *   no longer in cache (about 15% of the run);
 * - a scan of its chunks for nodes whose two slots are NULL: fresh chunks,
 *   and nodes whose last slot was nulled by another thread (the second visit
 *   of a cell), which only the chunk owner ever hands out again.
 *
 * At the end of a pass over its chunks the allocator claims a new chunk when
 * the pass found few free nodes (less than 1/8), and reports out of memory
 * when a whole pass found none and no chunk is left.
 */
import { Tag } from "@hvm/ir";
import { Blk, Ctl, type SharedState, chunkCount, regionOf } from "./layout.js";

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
  /**
   * The allocator's state in this thread's worker block (layout.ts Blk):
   * free stack size, scan position and end, nodes found since the last
   * pass. The wasm kernel pops, pushes and scans through the same words;
   * the host (which frees nothing) only scans.
   */
  private readonly st: Int32Array;
  private readonly chunk: number;
  /** log2 of the chunk size: node n lies in chunk (n - 1) >> shift. */
  readonly shift: number;
  private readonly chunks: number;
  private readonly nodes: number;
  /** This thread's mark in the owner table (1 + its id). */
  readonly mark: number;
  private owned: number[] = [];
  private ci = -1;

  constructor(state: SharedState, id: number) {
    this.heap = new Int32Array(state.heap);
    this.ctl = new Int32Array(state.ctl);
    this.chunks = chunkCount(state);
    this.owners = new Int32Array(state.heap, state.ownersAt, this.chunks);
    this.st = new Int32Array(state.heap, regionOf(state, id).block, 4);
    this.st.fill(0);
    this.chunk = state.chunk;
    this.shift = 31 - Math.clz32(state.chunk);
    this.nodes = state.nodes;
    this.mark = id + 1;
  }

  /** A free node, its first slot set to a placeholder so it is not handed out twice. */
  alloc(): number {
    const heap = this.heap;
    const st = this.st;
    for (;;) {
      let pos = st[POS];
      const end = st[END];
      while (pos < end) {
        if (heap[2 * pos] === 0 && heap[2 * pos + 1] === 0) {
          heap[2 * pos] = Tag.ERA;
          st[POS] = pos + 1;
          st[FOUND]++;
          return pos;
        }
        pos++;
      }
      st[POS] = pos;
      this.nextChunk();
    }
  }

  /** Fill out[0..n) with free nodes (placeholders set), for definition copies. */
  allocMany(out: Int32Array, n: number): void {
    for (let k = 0; k < n; k++) out[k] = this.alloc();
  }

  /** Nodes in the chunks this allocator owns. */
  ownedNodes(): number {
    return this.owned.length * this.chunk;
  }

  /**
   * The scan reached the end of its chunk: go on with the next owned chunk,
   * or claim a new one when the last pass found few free nodes, or start a
   * new pass; throws HeapExhausted when a whole pass found none and no chunk
   * is left. The wasm kernel calls it too (its import `nextChunk`).
   */
  nextChunk(): void {
    if (this.ci + 1 < this.owned.length) {
      this.enter(this.ci + 1);
      return;
    }
    if ((this.owned.length === 0 || this.st[FOUND] * 8 < this.ownedNodes()) && this.claim()) return;
    if (this.st[FOUND] === 0) throw new HeapExhausted();
    this.st[FOUND] = 0;
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
    this.st[POS] = start;
    this.st[END] = Math.min(this.nodes, start + this.chunk);
  }
}

/** Word indices of the allocator's state in the worker block. */
const POS = Blk.POS >> 2;
const END = Blk.END >> 2;
const FOUND = Blk.FOUND >> 2;
