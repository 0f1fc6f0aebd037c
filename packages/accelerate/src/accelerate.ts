/**
 * `accelerate(expr, options)`: run a lazy map/map2/reduce/loop expression.
 *
 *   mode "sequential"  plain JavaScript, no compilation
 *   mode "cpu"         compile to a net, reduce on the reference CPU reducer
 *                      (threads > 1: the worker_threads reducer)
 *   mode "gpu"         compile to a net, reduce on the WebGPU reducer
 *   mode "debug"       static checks + checked interpretation + associativity
 *                      samples, then a compiled run compared with it
 *
 * Without a mode: gpu when a WebGPU adapter exists, else cpu.
 */
import type { Progress, RunOptions, RunStats, Runtime } from "@hvm/ir";
import { printBook } from "@hvm/ir";
import { cpuRuntime, disposeRuntimes, dropSharedGpu, gpuRuntime, hasGpuAdapter, type Lease } from "./backends.js";
import { runDebug, runSequential } from "./debug.js";
import { AccelerateCode, DebugCheckError, InputError } from "./errors.js";
import type { AnyExpr, ResultOf } from "./expr.js";
import { compileExpr, type CompiledExpr } from "./kernels.js";
import { buildPlan, type Plan } from "./net.js";
import type { Scope } from "./parse.js";
import { showValue, valueEquals } from "./values.js";

export type Mode = "gpu" | "cpu" | "sequential" | "debug";

export interface AccelerateOptions {
  /** Default: "gpu" when a WebGPU adapter exists, else "cpu". */
  mode?: Mode;
  /** Free identifiers of the functions: functions they call (compiled to definitions) and u24 constants. */
  scope?: Scope;
  /** Any ir Runtime to reduce on (overrides the mode's own; not disposed). */
  runtime?: Runtime;
  /** A GPUDevice for mode "gpu". */
  device?: unknown;
  /** Worker threads for mode "cpu" (> 1 uses the parallel CPU reducer). */
  threads?: number;
  /** Heap limit in bytes. */
  memory?: number;
  maxInteractions?: number;
  signal?: AbortSignal;
  /** Progress reports of the reducer, passed through. */
  onProgress?: (p: Progress) => void;
  /** Associativity triples sampled by mode "debug" (default 64). */
  samples?: number;
}

export interface AccelerateRun<T> {
  readonly value: T;
  readonly mode: Mode;
  /** The runtime that reduced the net; absent for "sequential". */
  readonly runtime?: string;
  /** Reduction statistics; absent for "sequential". */
  readonly stats?: RunStats;
  /** Debug mode: intermediate values checked and associativity triples tested. */
  readonly checked?: number;
  readonly triples?: number;
}

const MODES: readonly Mode[] = ["gpu", "cpu", "sequential", "debug"];

async function resolveMode(options: AccelerateOptions): Promise<Mode> {
  if (options.mode !== undefined) {
    if (!MODES.includes(options.mode)) throw new InputError(`unknown mode ${JSON.stringify(options.mode)}: use one of ${MODES.map((m) => `"${m}"`).join(", ")}`);
    return options.mode;
  }
  if (options.device) return "gpu";
  return (await hasGpuAdapter()) ? "gpu" : "cpu";
}

async function runCompiled(
  expr: AnyExpr,
  compiled: CompiledExpr,
  options: AccelerateOptions,
  lease: Lease,
): Promise<{ value: unknown; stats: RunStats; runtime: string }> {
  let plan: Plan;
  try {
    plan = buildPlan(expr, compiled);
  } catch (e) {
    if (lease.owned) await lease.runtime.dispose();
    throw e;
  }
  const runOpts: RunOptions = { entry: "main" };
  if (options.memory !== undefined) runOpts.memory = options.memory;
  if (options.maxInteractions !== undefined) runOpts.maxInteractions = options.maxInteractions;
  if (options.signal !== undefined) runOpts.signal = options.signal;
  if (options.onProgress !== undefined) runOpts.onProgress = options.onProgress;
  try {
    const result = await lease.runtime.run(plan.book, runOpts);
    return { value: plan.decode(result.net), stats: result.stats, runtime: lease.runtime.name };
  } catch (e) {
    await dropSharedGpu(lease.runtime);
    throw e;
  } finally {
    if (lease.owned) await lease.runtime.dispose();
  }
}

/** Run an expression and report how: value, mode, runtime and statistics. */
export async function accelerateRun<E extends AnyExpr>(expr: E, options: AccelerateOptions = {}): Promise<AccelerateRun<ResultOf<E>>> {
  const mode = await resolveMode(options);
  if (mode === "sequential") return { value: runSequential(expr) as ResultOf<E>, mode };
  const compiledExpr = compileExpr(expr, options.scope ?? {});
  if (mode === "debug") {
    const report = runDebug(expr, compiledExpr, options.samples);
    const compiled = await runCompiled(expr, compiledExpr, options, await cpuRuntime(options));
    if (!valueEquals(compiled.value, report.value)) {
      throw new DebugCheckError(
        AccelerateCode.MISMATCH,
        `the compiled run on ${compiled.runtime} gives ${showValue(compiled.value)} but the checked sequential run gives ${showValue(report.value)}`,
      );
    }
    return { value: compiled.value as ResultOf<E>, mode, runtime: compiled.runtime, stats: compiled.stats, checked: report.checked, triples: report.triples };
  }
  const lease = mode === "gpu" ? await gpuRuntime(options) : await cpuRuntime(options);
  const compiled = await runCompiled(expr, compiledExpr, options, lease);
  return { value: compiled.value as ResultOf<E>, mode, runtime: compiled.runtime, stats: compiled.stats };
}

/** The generated .hvmc program of an expression (data included), canonically printed. */
export function explain(expr: AnyExpr, options: Pick<AccelerateOptions, "scope"> = {}): string {
  return printBook(buildPlan(expr, compileExpr(expr, options.scope ?? {})).book);
}

export interface Accelerate {
  <E extends AnyExpr>(expr: E, options?: AccelerateOptions): Promise<ResultOf<E>>;
  /** The generated .hvmc text. */
  explain(expr: AnyExpr, options?: Pick<AccelerateOptions, "scope">): string;
  /** Like the call, with the mode, runtime and statistics of the run. */
  run<E extends AnyExpr>(expr: E, options?: AccelerateOptions): Promise<AccelerateRun<ResultOf<E>>>;
  /** Release the GPU runtime that gpu-mode runs share (it is created again when needed). */
  dispose(): Promise<void>;
}

/** Compile and run a lazy expression; see the module comment for modes. */
export const accelerate: Accelerate = Object.assign(
  async <E extends AnyExpr>(expr: E, options: AccelerateOptions = {}): Promise<ResultOf<E>> => (await accelerateRun(expr, options)).value,
  { explain, run: accelerateRun, dispose: disposeRuntimes },
);
