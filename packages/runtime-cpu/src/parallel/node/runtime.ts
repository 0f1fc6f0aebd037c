/**
 * createParallelCpuRuntime: the "cpu-parallel" Runtime (Node edge). The host
 * thread compiles the book, boots the entry, and alternates two phases until
 * the normal form: a round, where the workers reduce every redex in parallel
 * over the shared heap, and an expansion, where the host expands the REFs
 * reachable from the root through binary nodes (a DREF each).
 */
import { availableParallelism } from "node:os";
import {
  AbortedError,
  DEFAULT_ENTRY,
  DEFAULT_MEMORY,
  InteractionLimitError,
  NODE_BYTES,
  OutOfMemoryError,
  type Book,
  type CompiledBook,
  type Progress,
  ROOT_SLOT,
  RULE_CLASSES,
  type RunOptions,
  type RunResult,
  type Runtime,
  TAG_NAMES,
  Tag,
  TypeErrorPair,
  VALUE_MAX,
  compileBook,
  emptyByRule,
  port,
} from "@hvm/ir";
import { HeapExhausted } from "../core/alloc.js";
import { Ctl, type SharedState, Stat, StopCode, createSharedState, heapHighWater } from "../core/layout.js";
import { Machine, toCellBook } from "../core/machine.js";
import { expandReachable, readNet } from "../core/walk.js";
import { WorkerPool } from "./pool.js";

export interface ParallelCpuOptions {
  /** Worker threads (default: os.availableParallelism()). */
  threads?: number;
}

export interface ParallelCpuRuntime extends Runtime {
  readonly threads: number;
  /** Worker threads alive now (0 after dispose or a failed run). */
  liveThreads(): number;
}

export function createParallelCpuRuntime(opts: ParallelCpuOptions = {}): ParallelCpuRuntime {
  const threads = opts.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`cpu-parallel: threads must be a positive integer, got ${threads}`);
  let pool: WorkerPool | undefined;
  /** Runs on one runtime are queued: the pool serves one run at a time. */
  let queue: Promise<unknown> = Promise.resolve();

  const kill = async (): Promise<void> => {
    const p = pool;
    pool = undefined;
    if (p) await p.terminate();
  };

  return {
    name: "cpu-parallel",
    threads,
    liveThreads: () => pool?.liveThreads ?? 0,
    run(book: Book, ro: RunOptions = {}): Promise<RunResult> {
      const entry = ro.entry ?? DEFAULT_ENTRY;
      const result = queue.then(async () => {
        const compiled = compileBook(book, { entry });
        try {
          pool ??= await WorkerPool.create(threads);
          return await runOn(pool, compiled, entry, ro);
        } catch (e) {
          await kill();
          throw e;
        } finally {
          pool?.unref();
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    dispose: kill,
  };
}

async function runOn(pool: WorkerPool, compiled: CompiledBook, entry: string, ro: RunOptions): Promise<RunResult> {
  const defs = toCellBook(compiled);
  /** The heap limit in nodes, as the reference counts it (node 0 included). */
  const limitNodes = Math.min(VALUE_MAX + 1, Math.floor((ro.memory ?? DEFAULT_MEMORY) / NODE_BYTES));
  const nodes = Math.max(2, limitNodes);
  const oom = (): OutOfMemoryError => new OutOfMemoryError(limitNodes, limitNodes * NODE_BYTES);
  const limit = ro.maxInteractions ?? -1;
  const state = createSharedState(nodes, pool.size, defs);
  const ctl = new Int32Array(state.ctl);
  const stats = new Float64Array(state.stats);
  const host = new Machine(state, defs, state.threads);
  const hostStats = stats.subarray(pool.size * Stat.SIZE, (pool.size + 1) * Stat.SIZE);
  pool.ref();
  for (let i = 0; i < pool.size; i++) pool.post(i, { type: "run", state, defs, id: i, maxInteractions: limit });

  const started = performance.now();
  const onAbort = (): void => raiseStop(ctl, StopCode.ABORT);
  ro.signal?.addEventListener("abort", onAbort);
  const ticker = ro.onProgress ? setInterval(() => ro.onProgress!(progress(stats, pool.size, started, heapHighWater(state, ctl))), 100) : undefined;
  try {
    host.heap[ROOT_SLOT] = port(Tag.REF, compiled.index.get(entry)!);
    let from = [ROOT_SLOT];
    for (;;) {
      if (ro.signal?.aborted) throw new AbortedError();
      let expanded: number[];
      try {
        expanded = expandReachable(host, from);
      } catch (e) {
        throw e instanceof HeapExhausted ? oom() : e;
      }
      hostStats.set(host.classCounts());
      if (expanded.length === 0) break;
      if (limit >= 0 && totalOf(stats, pool.size) > limit) throw new InteractionLimitError(limit);
      const redexes = host.drain();
      if (redexes.length > 0) await round(pool, state, redexes);
      const stop = ctl[Ctl.STOP];
      if (stop !== StopCode.NONE) throw stop === StopCode.OUT_OF_MEMORY ? oom() : stopError(stop, ctl, limit);
      if (limit >= 0 && totalOf(stats, pool.size) > limit) throw new InteractionLimitError(limit);
      from = expanded;
    }
    const seconds = (performance.now() - started) / 1000;
    const net = readNet(host.heap, compiled.names, ROOT_SLOT);
    const byRule = byRuleOf(stats, pool.size);
    const interactions = RULE_CLASSES.reduce((t, k) => t + byRule[k], 0);
    return {
      net,
      stats: { interactions, byRule, seconds, mips: seconds > 0 ? interactions / seconds / 1e6 : 0, peakNodes: heapHighWater(state, ctl) },
    };
  } finally {
    ro.signal?.removeEventListener("abort", onAbort);
    if (ticker) clearInterval(ticker);
  }
}

/** One round: spread the redexes over the workers and wait until all of them are idle. */
async function round(pool: WorkerPool, state: SharedState, redexes: Int32Array): Promise<void> {
  const ctl = new Int32Array(state.ctl);
  const n = pool.size;
  ctl[Ctl.QHEAD] = 0;
  ctl[Ctl.QSIZE] = 0;
  ctl[Ctl.DONE] = 0;
  ctl[Ctl.THREADS] = n;
  Atomics.store(ctl, Ctl.ACTIVE, n);
  const parts: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i + 1 < redexes.length; i += 2) parts[(i >> 1) % n].push(redexes[i], redexes[i + 1]);
  const replies = await Promise.all(parts.map((p, i) => pool.request(i, { type: "round", redexes: Int32Array.from(p) })));
  for (const r of replies) {
    if (r.type === "crash") throw new Error(`cpu-parallel: worker failed: ${r.message}${r.stack ? `\n${r.stack}` : ""}`);
  }
}

function raiseStop(ctl: Int32Array, code: number): void {
  Atomics.compareExchange(ctl, Ctl.STOP, 0, code);
  Atomics.add(ctl, Ctl.SIGNAL, 1);
  Atomics.notify(ctl, Ctl.SIGNAL);
}

function stopError(stop: number, ctl: Int32Array, limit: number): Error {
  switch (stop) {
    case StopCode.TYPE:
      return new TypeErrorPair(TAG_NAMES[ctl[Ctl.STOP_A]], TAG_NAMES[ctl[Ctl.STOP_B]]);
    case StopCode.LIMIT:
      return new InteractionLimitError(limit);
    default:
      return new AbortedError();
  }
}

function byRuleOf(stats: Float64Array, threads: number): ReturnType<typeof emptyByRule> {
  const byRule = emptyByRule();
  for (let w = 0; w <= threads; w++) RULE_CLASSES.forEach((k, i) => (byRule[k] += stats[w * Stat.SIZE + i]));
  return byRule;
}

function totalOf(stats: Float64Array, threads: number): number {
  const b = byRuleOf(stats, threads);
  return RULE_CLASSES.reduce((t, k) => t + b[k], 0);
}


function progress(stats: Float64Array, threads: number, started: number, nodes: number): Progress {
  const byRule = byRuleOf(stats, threads);
  return { interactions: RULE_CLASSES.reduce((t, k) => t + byRule[k], 0), byRule, seconds: (performance.now() - started) / 1000, nodes };
}
