/**
 * Command-line options of the bench, parsed and checked into BenchOptions
 * plus the selection filters.
 */
import { Command, InvalidArgumentError } from "commander";
import { parseMemorySize } from "@hvm/ir";
import type { BenchOptions } from "./model.js";

export interface CliOptions {
  readonly bench: BenchOptions;
  /** Substrings; a program runs when its name contains one of them. */
  readonly programs?: readonly string[];
  /** Runtime id prefixes: "cpu", "cpu-parallel", "webgpu", "webgpu:1". */
  readonly runtimes?: readonly string[];
  readonly threads?: readonly number[];
  readonly out: string;
  readonly progress: boolean;
  readonly workloads: boolean;
  readonly big: boolean;
  readonly softwareGpu: boolean;
  readonly examples?: string;
}

const count = (min: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer >= ${min}`);
  return n;
};

const seconds = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of seconds");
  return n;
};

const list = (value: string): string[] => value.split(",").map((s) => s.trim()).filter((s) => s !== "");
const countList = (value: string): number[] => list(value).map(count(1));

const memorySize = (value: string): number => {
  const bytes = parseMemorySize(value);
  if (bytes === undefined) throw new InvalidArgumentError("expected a size like 512M, 4G or a number of bytes (8 at least)");
  return bytes;
};

export const QUICK = { warmup: 2, reps: 3, budgetSeconds: 5, timeoutSeconds: 20 } as const;
export const FULL = { warmup: 2, reps: 7, budgetSeconds: 60, timeoutSeconds: 600 } as const;

export function buildCommand(): Command {
  return new Command("hvm-bench")
    .description("Run the benchmark suite (heavy corpus + accelerate workloads) on every available runtime: cpu, cpu-parallel (1..N threads), webgpu per adapter.")
    .option("--quick", "small programs, fewer repetitions: under a minute on a 2-core machine")
    .option("-p, --programs <names>", "comma-separated substrings of program names to run", list)
    .option("-r, --runtimes <ids>", "comma-separated runtime id prefixes (cpu, cpu-parallel, webgpu, webgpu:1)", list)
    .option("-t, --threads <counts>", "thread counts for cpu-parallel (default: 1, 2, 4, ... up to the CPU count)", countList)
    .option("--warmup <n>", `warm-up runs per case (default ${FULL.warmup}, quick ${QUICK.warmup})`, count(0))
    .option("--reps <n>", `measured runs per case (default ${FULL.reps}, quick ${QUICK.reps})`, count(1))
    .option("--budget <seconds>", `stop repeating a case after this much wall time (default ${FULL.budgetSeconds}, quick ${QUICK.budgetSeconds})`, seconds)
    .option("--timeout <seconds>", `give up on a run after this long (default ${FULL.timeoutSeconds}, quick ${QUICK.timeoutSeconds})`, seconds)
    .option("--memory <size>", "heap limit per run: 512M, 4G or bytes (default: each runtime's)", memorySize)
    .option("--max-interactions <n>", "stop a run past this many interactions", count(1))
    .option("--no-workloads", "leave out the accelerate workloads")
    .option("--no-software-gpu", "leave out software WebGPU adapters (llvmpipe, lavapipe, SwiftShader)")
    .option("--big", "add the GPU-sized programs of examples/bench/ (hundreds of millions of interactions)")
    .option("--examples <dir>", "the examples directory (default: found from here upwards)")
    .option("-o, --out <dir>", "directory for bench.json and bench.svg", "bench-results")
    .option("--no-progress", "print one line per finished case instead of a progress bar");
}

export function readOptions(cmd: Command): CliOptions {
  const o = cmd.opts<{
    quick?: boolean; programs?: string[]; runtimes?: string[]; threads?: number[]; warmup?: number; reps?: number;
    budget?: number; timeout?: number; memory?: number; maxInteractions?: number; workloads: boolean; big?: boolean; softwareGpu: boolean; examples?: string; out: string; progress: boolean;
  }>();
  const base = o.quick ? QUICK : FULL;
  return {
    bench: {
      quick: o.quick === true,
      warmup: o.warmup ?? base.warmup,
      reps: o.reps ?? base.reps,
      budgetSeconds: o.budget ?? base.budgetSeconds,
      timeoutSeconds: o.timeout ?? base.timeoutSeconds,
      memory: o.memory,
      maxInteractions: o.maxInteractions,
    },
    programs: o.programs,
    runtimes: o.runtimes,
    threads: o.threads,
    out: o.out,
    progress: o.progress,
    workloads: o.workloads,
    big: o.big === true,
    softwareGpu: o.softwareGpu,
    examples: o.examples,
  };
}
