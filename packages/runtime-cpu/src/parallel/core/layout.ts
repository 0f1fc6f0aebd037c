/**
 * Shared memory layout of the parallel reducer. Everything two threads look at
 * lives in shared buffers: one WebAssembly memory, which the wasm kernel
 * (wasm.ts) works on, holding the heap (two i32 slots a node, DESIGN §4) and
 * after it the chunk owner table, the dispatch table, the definitions' code
 * and one region per thread (its worker block, definition tables and redex
 * stack); a small control block (this file's indices) holding the
 * work-sharing queue, the termination counters, the chunk allocator cursor
 * and the stop flag; and each worker's published interaction counts.
 */
import { Tag } from "@hvm/ir";
import { DISPATCH } from "../../dispatch.js";
import type { CellDef } from "./machine.js";
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

/**
 * The worker block (one per thread, in the heap's memory): the allocator's
 * state and the kernel's results as i32 words, then the interaction counts
 * by rule id as f64. Byte offsets; kernel/assembly/kernel.ts has the same.
 */
export const Blk = {
  /** Nodes on the thread's free stack. */
  FREE_TOP: 0,
  /** Chunk scan position and end (nodes). */
  POS: 4,
  END: 8,
  /** Nodes the scan found free since the allocator's last pass. */
  FOUND: 12,
  /** The redex stack's length (words) after a kernel call. */
  SP: 16,
  /** Interactions the last kernel call performed. */
  DONE: 20,
  /** Tags of a type-error pair. */
  STOP_A: 24,
  STOP_B: 28,
  /** 16 f64 counts by rule id. */
  COUNTS: 64,
  SIZE: 192,
} as const;

/** What `reduce` returns (kernel/assembly/kernel.ts). */
export const KernelStatus = {
  /** The budget is spent or the stack is empty. */
  OK: 0,
  /** The stack needs room: move or spill it and call again. */
  FULL: 1,
  /** Two numeric nodes met; the worker block's STOP_A / STOP_B hold their tags. */
  TYPE: 2,
} as const;

/** The kernel's definition table: 4 i32 per definition (code offset, code length, size, table offset). */
export const BOOK_ENTRY_BYTES = 16;

/**
 * Redex stack words a thread keeps in its region (at least; more when a
 * definition pushes many redexes). The stack spills its oldest half to the
 * thread's own memory when full (machine.ts).
 */
export const STACK_WORDS = 1 << 18;

/**
 * Nodes a thread's free stack holds (kernel.ts): beyond that a freed node
 * is left with NULL slots for its chunk owner's scan.
 */
export const FREE_WORDS = 1 << 16;

/** The shared buffers of one run. */
export interface SharedState {
  /** The shared WebAssembly memory holding the heap and the regions below (wasm.ts). */
  readonly memory: HeapMemory;
  /** `memory`'s buffer: the heap (two i32 slots a node, DESIGN §4) from byte 0, then the regions. */
  readonly heap: SharedArrayBuffer;
  readonly ctl: SharedArrayBuffer;
  /** One Stat block per worker, then one for the host. */
  readonly stats: SharedArrayBuffer;
  /** Byte offset of the owner table: one i32 per chunk, 1 + the id of the thread that claimed it (0: unclaimed). */
  readonly ownersAt: number;
  /** Byte offset of the dispatch table: 256 bytes, ir's RULE_TABLE | RULE_FLIP << 4 by tag pair. */
  readonly dispatchAt: number;
  /** Byte offset of the kernel's definition table (BOOK_ENTRY_BYTES each), the definitions' code after it. */
  readonly bookAt: number;
  /** Byte offset of thread 0's region (worker block, tables, stack); thread i's is regionBytes further per i. */
  readonly regionsAt: number;
  readonly regionBytes: number;
  /** Words of a thread's definition tables (after its block). */
  readonly tableWords: number;
  /** Words of a thread's redex stack (after its tables). */
  readonly stackWords: number;
  /** Stack words one interaction may push at most: 8 (COMM's four links), or a definition's redexes and its root. */
  readonly room: number;
  /** Nodes a thread's free stack holds (after its redex stack). */
  readonly freeWords: number;
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

/** Round up to a multiple of 64 bytes (a cache line). */
const line = (bytes: number): number => Math.ceil(bytes / 64) * 64;

/**
 * The memory of a run for `threads` workers (and the host, thread
 * `threads`) over these definitions: the heap, the owner table, the
 * dispatch table and the definitions' code, written here, and one region
 * per thread whose tables hold each definition's constant ports.
 * `freeWords` sizes the threads' free stacks (tests make it tiny).
 */
export function createSharedState(nodes: number, threads: number, defs: readonly CellDef[] = [], freeWords = FREE_WORDS): SharedState {
  const chunk = chunkSizeFor(nodes, threads);
  const chunks = Math.max(1, Math.ceil((nodes - 1) / chunk));
  const ownersAt = line(nodes * 8);
  const dispatchAt = line(ownersAt + chunks * 4);
  const bookAt = dispatchAt + 256;
  let codeWords = 0;
  let tableWords = 0;
  let room = 8;
  for (const d of defs) {
    codeWords += d.code.length;
    tableWords += d.table.length;
    room = Math.max(room, d.redexes.length + 2);
  }
  const codeAt = bookAt + defs.length * BOOK_ENTRY_BYTES;
  const regionsAt = line(codeAt + codeWords * 4);
  const stackWords = Math.max(STACK_WORDS, 4 * room);
  const regionBytes = Blk.SIZE + line(tableWords * 4) + stackWords * 4 + freeWords * 4;
  const memory = heapMemory(regionsAt + (threads + 1) * regionBytes);
  const buffer = memory.buffer;
  new Uint8Array(buffer, dispatchAt, 256).set(DISPATCH);
  const entries = new Int32Array(buffer, bookAt, defs.length * 4);
  let code = codeAt;
  let table = 0;
  defs.forEach((d, i) => {
    entries.set([code, d.code.length, d.size, table * 4], 4 * i);
    new Int32Array(buffer, code, d.code.length).set(d.code);
    for (let t = 0; t <= threads; t++) new Int32Array(buffer, regionsAt + t * regionBytes + Blk.SIZE + table * 4, d.table.length).set(d.table);
    code += d.code.length * 4;
    table += d.table.length;
  });
  return {
    memory,
    heap: buffer,
    ctl: new SharedArrayBuffer((Ctl.HEADER + 2 * QUEUE_PAIRS) * 4),
    stats: new SharedArrayBuffer((threads + 1) * Stat.SIZE * 8),
    ownersAt,
    dispatchAt,
    bookAt,
    regionsAt,
    regionBytes,
    tableWords,
    stackWords,
    room,
    freeWords,
    nodes,
    chunk,
    threads,
  };
}

/** Byte offsets of thread t's worker block, tables, redex stack and free stack. */
export function regionOf(s: SharedState, t: number): { block: number; tables: number; stack: number; free: number } {
  const block = s.regionsAt + t * s.regionBytes;
  const tables = block + Blk.SIZE;
  const stack = tables + line(s.tableWords * 4);
  return { block, tables, stack, free: stack + s.stackWords * 4 };
}

/** Number of chunks of a heap (node 0 is not in any chunk). */
export const chunkCount = (s: SharedState): number => Math.ceil((s.nodes - 1) / s.chunk);

/** The heap's high-water mark: nodes in the chunks claimed so far (plus node 0). */
export function heapHighWater(s: SharedState, ctl: Int32Array): number {
  return Math.min(s.nodes, 1 + Math.min(Atomics.load(ctl, Ctl.CHUNK_NEXT), chunkCount(s)) * s.chunk);
}
