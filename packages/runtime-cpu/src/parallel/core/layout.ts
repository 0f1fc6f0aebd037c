/**
 * Shared memory layout of the parallel reducer. Everything two threads look at
 * lives in two SharedArrayBuffers: the heap (two i32 slots a node, DESIGN §4)
 * and a small control block (this file's indices) holding the work-sharing
 * queue, the termination counters, the chunk allocator cursor, the stop flag
 * and each worker's published interaction counts.
 */
import { Tag } from "@hvm/ir";
import { type HeapMemory, heapMemory } from "./wasm.js";

/** Control block word indices (an Int32Array). */
export const Ctl = {
  /** Spin lock guarding QHEAD/QSIZE/ACTIVE/DONE. */
  LOCK: 0,
  /** First pair of the shared queue (a ring of QUEUE_PAIRS redexes). */
  QHEAD: 1,
  /** Redexes in the shared queue. */
  QSIZE: 2,
  /** Workers that hold or may produce redexes; 0 with an empty queue ends a round. */
  ACTIVE: 3,
  /** 1 once the round is over (set under LOCK). */
  DONE: 4,
  /** Bumped and notified whenever the queue fills or the round ends: idle workers wait on it. */
  SIGNAL: 5,
  /** Non-zero: every worker must stop now (a StopCode). */
  STOP: 6,
  /** Tags of the offending pair when STOP is TYPE. */
  STOP_A: 7,
  STOP_B: 8,
  /** Next heap chunk nobody owns yet. */
  CHUNK_NEXT: 9,
  /** Number of workers in this round. */
  THREADS: 10,
  /** Polls a worker lets pass between two shares (0: at once); see scheduler.ts. Kept across the rounds of a run. */
  BACKOFF: 11,
  /** Header size; the queue follows. */
  HEADER: 16,
} as const;

/** Redex pairs the shared queue can hold. */
export const QUEUE_PAIRS = 1 << 14;

/** Why workers stopped early. */
export const StopCode = {
  NONE: 0,
  OUT_OF_MEMORY: 1,
  TYPE: 2,
  LIMIT: 3,
  ABORT: 4,
  /** A worker failed unexpectedly (its reply carries the error). */
  CRASH: 5,
} as const;

/** Per-worker statistics block, a Float64Array in its own SharedArrayBuffer. */
export const Stat = {
  ANNI: 0,
  COMM: 1,
  ERAS: 2,
  DREF: 3,
  OPER: 4,
  SIZE: 8,
} as const;

/** Interactions between two publications of a worker's counts (and stop checks). */
export const PUBLISH_EVERY = 1024;

/** A slot's empty-cell / wire-end pointer: VR1/VR2 to a heap slot. */
export const vr = (slot: number): number => (((slot >>> 1) << 4) | (slot & 1)) | 0;
/** A redirect to a heap slot: RD1/RD2. */
export const rd = (slot: number): number => (((slot >>> 1) << 4) | (slot & 1) | 2) | 0;
/** The heap slot a VR/RD pointer names. */
export const slotOf = (p: number): number => ((p >>> 4) << 1) | (p & 1);
/** VR and RD pointers (tags 0..3). */
export const isWire = (p: number): boolean => (p & 0xf) <= Tag.RD2;

/** The shared buffers of one run. */
export interface SharedState {
  /** The heap's shared WebAssembly memory (wasm.ts), for the atomic exchange. */
  readonly memory: HeapMemory;
  /** The heap: `memory`'s buffer. */
  readonly heap: SharedArrayBuffer;
  readonly ctl: SharedArrayBuffer;
  /** One Stat block per worker, then one for the host. */
  readonly stats: SharedArrayBuffer;
  /** One Int32 per chunk: 1 + the id of the thread that claimed it (0: unclaimed). */
  readonly owners: SharedArrayBuffer;
  /** Heap capacity in nodes (node 0 is the root holder). */
  readonly nodes: number;
  /** Nodes per allocation chunk. */
  readonly chunk: number;
  readonly threads: number;
}

/** Chunk size for a heap: small heaps get small chunks so every worker can own a few. */
export function chunkSizeFor(nodes: number, threads: number): number {
  let size = 1 << 12;
  while (size > 16 && size * threads * 4 > nodes) size >>= 1;
  return size;
}

export function createSharedState(nodes: number, threads: number): SharedState {
  const chunk = chunkSizeFor(nodes, threads);
  const memory = heapMemory(nodes * 8);
  return {
    memory,
    heap: memory.buffer,
    ctl: new SharedArrayBuffer((Ctl.HEADER + 2 * QUEUE_PAIRS) * 4),
    stats: new SharedArrayBuffer((threads + 1) * Stat.SIZE * 8),
    owners: new SharedArrayBuffer(Math.max(1, Math.ceil((nodes - 1) / chunk)) * 4),
    nodes,
    chunk,
    threads,
  };
}

/** Number of chunks of a heap (node 0 is not in any chunk). */
export const chunkCount = (s: SharedState): number => Math.ceil((s.nodes - 1) / s.chunk);

/** The heap's high-water mark: nodes in the chunks claimed so far (plus node 0). */
export function heapHighWater(s: SharedState, ctl: Int32Array): number {
  return Math.min(s.nodes, 1 + Math.min(Atomics.load(ctl, Ctl.CHUNK_NEXT), chunkCount(s)) * s.chunk);
}
