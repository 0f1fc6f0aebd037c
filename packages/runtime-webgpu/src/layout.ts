/**
 * Memory plan: how a requested heap size maps onto storage bindings, chunks,
 * redex bags and the state buffer, within the device's limits.
 *
 *   heap      2 u32 slots a node, split over `heapBindings` buffers of
 *             2^bindingShift slots each (the last one may be shorter)
 *   chunks    CHUNK_NODES nodes each; an invocation owns one at a time
 *   bags      word 0: count, word 1: window base; pairs of main ports from
 *             word BAG_HEADER. Each bag is a stack: a round takes the top
 *             `window` pairs of its input bag and pushes onto the other
 *   state     counters, error, chunk cursor, per-invocation allocator,
 *             chunk owner table (S_* offsets below)
 */
import { NODE_BYTES, VALUE_MAX } from "@hvm/ir";
import { ShaderBuildError } from "./errors.js";

/** Nodes per allocation chunk (64: an invocation tracks its chunk's free nodes in a 64-bit mask). */
export const CHUNK_NODES = 64;
/**
 * Words before the first pair of a redex bag: word 0 is the count, word 1
 * the window base (the pairs below it stay for a later round; see `window`).
 */
export const BAG_HEADER = 2;
/** State buffer: 64-bit interaction counters, lo/hi per rule class. */
export const S_COUNT = 0;
/** State buffer: error code (0 none, then ERR_*), and the two tags of a type error. */
export const S_ERR = 10;
export const S_ERR_A = 11;
export const S_ERR_B = 12;
/**
 * State buffer: 1 once an invocation has claimed the right to name the
 * error (the first to fail writes S_ERR and its tags; see fail() in
 * wgsl/core.ts).
 */
export const S_ERR_CLAIM = 15;
/** State buffer: the sweep cursor (used once every chunk has been handed out). */
export const S_CURSOR = 13;
/** State buffer: chunks handed out by the bump counter so far (the used region). */
export const S_ACTIVE = 14;
/**
 * State buffer: profile counters (cumulative; the driver's round trace reads
 * their differences): chunks claimed by the sweep, sweep probes, invocations
 * that reduced at least one redex, the most interactions one invocation did
 * in a dispatch, redexes handed out by work sharing, redexes spilled at the
 * end of a dispatch, redexes and links put back because a slot they read had
 * not landed (late writes), and pushes onto the output bag (sharing, full
 * rings and spills).
 */
export const S_SWEPT = 16;
export const S_PROBES = 17;
export const S_BUSY = 18;
export const S_MAXSTEPS = 19;
export const S_SHARED = 20;
export const S_SPILLED = 21;
export const S_RETRIED = 22;
export const S_PUSHED = 23;
/**
 * State buffer: the adaptive budget (see KernelConfig.budgetMin): the budget
 * of the next round (0 until a round has set it: the full budget), and the
 * interactions, busy invocations, invocations that used the whole budget
 * and the most interactions of one invocation in the round running, which
 * `between` reads and clears.
 */
export const S_BUDGET = 24;
export const S_RSTEPS = 25;
export const S_RBUSY = 26;
export const S_RFULL = 27;
export const S_RMAX = 28;
/**
 * State buffer: log2 of the next round's spread (see KernelConfig.spreadMax),
 * set by `between` (and by the host for the first round).
 */
export const S_SPREAD = 29;
/**
 * State buffer: spread rounds so far (counted by `between`), and whether
 * the batch running dispatches the lone pipeline (written by the host
 * before a batch: 1 when it does, and then the main pipeline leaves the
 * spread rounds to it; see KernelConfig.spreadWidth).
 */
export const S_SPREAD_ROUNDS = 30;
export const S_SPLIT = 31;
/**
 * State buffer: per-invocation allocator, ALLOC_WORDS words each from here:
 * its chunk + 1 (0: none yet), then which of the chunk's 64 nodes are free
 * (two 32-bit masks), kept between dispatches.
 */
export const S_ALLOC = 32;
export const ALLOC_WORDS = 4;
/** Storage buffers besides the heap: state, book, bag in, bag out. */
export const FIXED_STORAGE_BUFFERS = 4;

export const ERR_TYPE = 1;
export const ERR_OOM = 2;
export const ERR_BAG = 3;

/**
 * Workgroups of the lone pipeline's dispatch (the spread rounds: at most
 * spreadWidth invocations); 0 when no round is ever spread.
 */
export const loneWorkgroups = (k: KernelConfig): number => (k.spreadMax > 1 && k.spreadWidth > 0 ? Math.ceil(k.spreadWidth / k.workgroupSize) : 0);

/** Kernel geometry and tuning; part of the shader's identity. */
export interface KernelConfig {
  /** Invocations per workgroup. */
  workgroupSize: number;
  /**
   * Most workgroups in one dispatch. A dispatch wider than the device runs
   * in several waves, each workgroup as soon as one before it finished, so
   * a round's redexes are balanced over the device by its scheduler.
   */
  maxWorkgroups: number;
  /**
   * Invocations that make one wave of work (about as many as run at once):
   * work sharing fills the output bag up to this many redexes unless
   * `shareBelow` says otherwise, the window is a number of waves (4 on
   * GPUs, 2 on CPU adapters) unless `window` says otherwise, and only
   * invocations below it keep their allocation chunk from one dispatch to
   * the next unless `keepChunks` says otherwise. At most workgroupSize x
   * maxWorkgroups.
   */
  wave: number;
  /**
   * Invocations that keep their allocation chunk from one dispatch to the
   * next (the others release it when they finish, so a wide round cannot
   * strand a chunk per invocation). GPUs: 4 waves, as many as a windowed
   * round has busy invocations (the Scott tree 6.65 -> 8.45 G/s on the
   * H200: without it three quarters of a windowed round's invocations
   * claimed a chunk through the sweep; docs/webgpu.md, session 13). CPU
   * adapters: one wave. A kept chunk's free nodes serve only its
   * invocation, so up to keepChunks x 64 nodes (a quarter of a 1 GiB heap
   * on GPUs) can sit idle after a wide phase; measured, chunks released
   * half-used fragment the heap more (the Scott tree fits 640 MiB with 4
   * waves kept, not with one).
   */
  keepChunks: number;
  /** Interactions one invocation performs per dispatch before spilling. */
  budget: number;
  /**
   * The adaptive budget. When the longest invocation of a round did more
   * than BUDGET_TAIL (4) times the mean interactions of the busy ones (or
   * some used their whole budget) and fewer than a quarter of them used
   * their whole budget, the next round's
   * budget is 4 times that mean, at least this: rounds of many short
   * pieces of work then stop their few long ones early (the rest of their
   * stacks goes to the bag, spread over the next round) instead of leaving
   * the other invocations idle until those finish. Otherwise (no long
   * tail; long chains and independent loops, which use their whole
   * budget) the next round has the whole `budget`. Equal to `budget`: a
   * fixed budget.
   */
  budgetMin: number;
  /** Redex pairs in an invocation's private stack. */
  localCapacity: number;
  /** Work sharing: an invocation gives its oldest redex away while the output bag holds fewer than this. */
  shareBelow: number;
  /** Work sharing: checked every this many interactions (a power of two). */
  shareEvery: number;
  /** Work sharing: only from stacks holding at least this many redexes (an invocation keeps the rest). */
  shareMin: number;
  /**
   * Work sharing in wide rounds: checked every max(shareEvery, this)
   * interactions once a round's window holds at least `shareWideAt` waves
   * of redexes. GPUs: every 4th step from one wave (the bitonic sort of
   * 2^18 +50% on the H200, nothing else slower since dispatches hold
   * several waves: docs/webgpu.md, session 9); CPU adapters: as shareEvery.
   */
  shareEveryWide: number;
  shareWideAt: number;
  /**
   * Work sharing counts the redexes the output bag already held (leftovers
   * below the window, waiting for later rounds): a bag holding a wave's
   * worth needs no more, and sharing would only cut the
   * invocations' depth-first chains into pieces. Without it only this
   * dispatch's pushes count, and windowed rounds share even with millions of
   * redexes pending (docs/webgpu.md, session 8).
   */
  shareCountsLeftovers: boolean;
  /**
   * Redexes a round takes from the top of its input bag (the newest, deepest
   * work); the rest stay below as a stack for later rounds, so a tree is
   * expanded depth-first across rounds instead of breadth-first.
   */
  window: number;
  /**
   * The window applies once the bump allocator has handed out this fraction
   * of the heap's chunks (0: from the start; defaults: 1/8 on GPUs, 1/2 on
   * CPU adapters); until then a round takes the whole input bag, as wide as
   * the work allows.
   */
  windowFrom: number;
  /**
   * Rounds of visits link_all makes before what is left of a long wire goes
   * on the stack as link jobs (GPUs and CPU adapters: 5; lang/bitonic-2p18
   * has wires of three to five visits, none longer).
   */
  linkRounds: number;
  /**
   * Spread of narrow rounds of long chains: a round whose window holds few
   * redexes, after a round where at least a quarter of the busy invocations
   * used their whole budget, gives each redex `s` invocations, of which
   * only the first works, so that the lanes of a subgroup do not wait on
   * each other's memory accesses and branches, and the redexes reach every
   * compute unit instead of a few (2^10 independent loops: docs/webgpu.md,
   * session 13). `s` is the
   * largest power of two up to `spreadMax` (at most `workgroupSize`; 1:
   * never) with window x s up to `spreadWidth` invocations. The GPU
   * defaults (32 and 32,768) were measured on an H200, which keeps ~84,000
   * invocations resident; a GPU that holds fewer than `spreadWidth` at once
   * wants a smaller one. The spread rounds run in a pipeline of their own
   * (the lone pipeline: no work sharing, no polling of the error flag,
   * twice the round's budget, a dispatch of `spreadWidth` invocations, so
   * no workgroup of it is idle), dispatched in a batch only after a batch
   * that ran a spread round.
   */
  spreadMax: number;
  spreadWidth: number;
}

export interface MemoryPlan {
  nodes: number;
  chunks: number;
  /** log2 of the slots in one heap binding. */
  bindingShift: number;
  /** Byte size of each heap buffer. */
  heapBufferBytes: number[];
  /** Redex pairs a bag holds. */
  bagCapacity: number;
  /** Words of the state buffer. */
  stateWords: number;
  /** Word offset of the chunk owner table in the state buffer. */
  ownerBase: number;
}

export interface DeviceLimitsLike {
  readonly maxStorageBufferBindingSize: number;
  readonly maxBufferSize: number;
  readonly maxStorageBuffersPerShaderStage: number;
}

/** Plan a heap of about `memory` bytes for a device with `limits`. */
export function planMemory(memory: number, limits: DeviceLimitsLike, kernel: KernelConfig): MemoryPlan {
  const bindingBytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const bindingShift = Math.min(29, Math.floor(Math.log2(bindingBytes / 4)));
  const slotsPerBinding = 2 ** bindingShift;
  const maxBindings = Math.min(16, limits.maxStorageBuffersPerShaderStage) - FIXED_STORAGE_BUFFERS;
  if (maxBindings < 1) throw new ShaderBuildError(`the device allows ${limits.maxStorageBuffersPerShaderStage} storage buffers per stage; at least ${FIXED_STORAGE_BUFFERS + 1} are needed`);
  const maxNodes = Math.min(VALUE_MAX + 1, (maxBindings * slotsPerBinding) / 2);
  let nodes = Math.floor(Math.min(Math.max(memory, 0) / NODE_BYTES, maxNodes));
  nodes -= nodes % CHUNK_NODES;
  nodes = Math.max(nodes, 2 * CHUNK_NODES);
  const chunks = nodes / CHUNK_NODES;
  const heapBufferBytes: number[] = [];
  for (let left = 2 * nodes; left > 0; left -= slotsPerBinding) heapBufferBytes.push(Math.min(left, slotsPerBinding) * 4);
  const bagWords = Math.floor(bindingBytes / 4) - BAG_HEADER;
  const bagCapacity = Math.min(Math.floor(bagWords / 2), Math.max(nodes >>> 2, 1 << 16));
  const ownerBase = S_ALLOC + ALLOC_WORDS * kernel.keepChunks;
  return { nodes, chunks, bindingShift, heapBufferBytes, bagCapacity, stateWords: ownerBase + chunks, ownerBase };
}

/** Chunks the bump allocator hands out before rounds take only the top `window` redexes of their bag. */
export function windowStart(plan: MemoryPlan, kernel: KernelConfig): number {
  return Math.floor(plan.chunks * kernel.windowFrom);
}

/** Redexes the next round takes from the top of a bag of `n` redexes, `active` chunks handed out. */
export function windowSize(n: number, active: number, plan: MemoryPlan, kernel: KernelConfig): number {
  return active >= windowStart(plan, kernel) ? Math.min(n, kernel.window) : n;
}

/** Workgroup memory the kernel uses besides the redex stacks (the per-workgroup sums), in bytes. */
const WORKGROUP_OVERHEAD_BYTES = 128;

/**
 * The kernel for an adapter with overrides; work sharing fills the widest
 * dispatch unless told otherwise, and the redex stacks (workgroup memory,
 * 8 bytes a pair) shrink to fit `workgroupStorageBytes`.
 */
export function kernelConfig(isCpuAdapter: boolean, overrides: Partial<KernelConfig> = {}, workgroupStorageBytes = 16384): KernelConfig {
  const base = defaultKernel(isCpuAdapter);
  const k = { ...base, ...overrides };
  k.wave = Math.min(k.wave, k.workgroupSize * k.maxWorkgroups);
  if (!(k.wave >= 1)) throw new ShaderBuildError(`wave must be at least 1 invocation, got ${k.wave}`);
  if (overrides.shareBelow === undefined) k.shareBelow = k.wave;
  if (overrides.keepChunks === undefined) k.keepChunks = (base.keepChunks / base.wave) * k.wave;
  k.keepChunks = Math.min(k.keepChunks, k.workgroupSize * k.maxWorkgroups);
  if (!(Number.isInteger(k.keepChunks) && k.keepChunks >= 0)) throw new ShaderBuildError(`keepChunks must be a whole number of invocations, got ${k.keepChunks}`);
  if (overrides.budgetMin === undefined) k.budgetMin = Math.min(k.budgetMin, k.budget);
  if (overrides.window === undefined) k.window = (base.window / base.wave) * k.wave;
  if (!(k.window >= 1)) throw new ShaderBuildError(`window must be at least 1 redex, got ${k.window}`);
  if (!(k.windowFrom >= 0 && k.windowFrom <= 1)) throw new ShaderBuildError(`windowFrom must be a fraction of the heap from 0 to 1, got ${k.windowFrom}`);
  const fits = Math.floor((workgroupStorageBytes - WORKGROUP_OVERHEAD_BYTES) / (8 * k.workgroupSize));
  if (fits < 2) throw new ShaderBuildError(`workgroups of ${k.workgroupSize} invocations need ${16 * k.workgroupSize + WORKGROUP_OVERHEAD_BYTES} bytes of workgroup memory, the device allows ${workgroupStorageBytes}; use a smaller workgroup size`);
  k.localCapacity = 2 ** Math.floor(Math.log2(Math.min(k.localCapacity, fits)));
  if (!(Number.isInteger(k.budget) && k.budget >= 1)) throw new ShaderBuildError(`budget must be a whole number of interactions from 1, got ${k.budget}`);
  if (!(Number.isInteger(k.budgetMin) && k.budgetMin >= 1 && k.budgetMin <= k.budget)) throw new ShaderBuildError(`budgetMin must be a whole number from 1 to budget (${k.budget}), got ${k.budgetMin}`);
  if (!(Number.isInteger(k.linkRounds) && k.linkRounds >= 1)) throw new ShaderBuildError(`linkRounds must be a whole number of rounds from 1, got ${k.linkRounds}`);
  if (!(Number.isInteger(Math.log2(k.spreadMax)) && k.spreadMax <= k.workgroupSize)) throw new ShaderBuildError(`spreadMax must be a power of two up to the workgroup size (${k.workgroupSize}), got ${k.spreadMax}`);
  if (!(Number.isInteger(k.spreadWidth) && k.spreadWidth >= 0)) throw new ShaderBuildError(`spreadWidth must be a whole number of invocations, got ${k.spreadWidth}`);
  for (const knob of ["shareEvery", "shareEveryWide"] as const) {
    if (!Number.isInteger(Math.log2(k[knob]))) throw new ShaderBuildError(`${knob} must be a power of two, got ${k[knob]}`);
  }
  return k;
}

/**
 * The default window, in waves: a round takes at most this many redexes per
 * invocation of a wave (GPUs: 4, session 9 of docs/webgpu.md; CPU adapters: 2).
 */
export const WINDOW_WAVES_GPU = 4;
export const WINDOW_WAVES_CPU = 2;
/** The default invocations that keep their chunk on GPUs, in waves (KernelConfig.keepChunks). */
export const KEEP_WAVES_GPU = 4;
/** The default least adaptive budget on GPUs (docs/webgpu.md, session 12). */
export const BUDGET_MIN_GPU = 32;
/** The default rounds of link_all (docs/webgpu.md, "Linking"). */
export const LINK_ROUNDS = 5;
/** The default spread of narrow rounds on GPUs (docs/webgpu.md, session 13). */
export const SPREAD_MAX_GPU = 32;
export const SPREAD_WIDTH_GPU = 32768;
/** The default heap fraction handed out before the window applies: CPU adapters, GPUs (docs/webgpu.md, session 14). */
export const WINDOW_FROM = 0.5;
export const WINDOW_FROM_GPU = 0.125;

/**
 * The default kernel geometry: small on CPU adapters (lavapipe), wide on
 * GPUs: waves of 131,072 invocations (1,024 workgroups of 128, roughly
 * what an H200 keeps resident), dispatches of up to 8 waves, a budget of 2,048
 * interactions, a window of 4 waves once an eighth of the heap is handed
 * out, and sharing every 4th step in rounds of a wave or more
 * (docs/webgpu.md, sessions 9 and 14).
 */
export function defaultKernel(isCpuAdapter: boolean): KernelConfig {
  return isCpuAdapter
    ? { workgroupSize: 64, maxWorkgroups: 32, wave: 64 * 32, keepChunks: 64 * 32, budget: 1 << 12, budgetMin: 64, localCapacity: 32, shareBelow: 64 * 32, shareEvery: 8, shareMin: 3, shareEveryWide: 8, shareWideAt: 1, shareCountsLeftovers: false, window: WINDOW_WAVES_CPU * 64 * 32, windowFrom: WINDOW_FROM, linkRounds: LINK_ROUNDS, spreadMax: 1, spreadWidth: 0 }
    : { workgroupSize: 128, maxWorkgroups: 8192, wave: 128 * 1024, keepChunks: KEEP_WAVES_GPU * 128 * 1024, budget: 1 << 11, budgetMin: BUDGET_MIN_GPU, localCapacity: 8, shareBelow: 128 * 1024, shareEvery: 1, shareMin: 3, shareEveryWide: 4, shareWideAt: 1, shareCountsLeftovers: true, window: WINDOW_WAVES_GPU * 128 * 1024, windowFrom: WINDOW_FROM_GPU, linkRounds: LINK_ROUNDS, spreadMax: SPREAD_MAX_GPU, spreadWidth: SPREAD_WIDTH_GPU };
}
