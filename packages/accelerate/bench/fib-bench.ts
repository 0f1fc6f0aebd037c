/**
 * Wall time of `map(x => fib(x), xs)` with a recursive fib, xs all equal to
 * N (default 20), over growing array sizes, on: sequential JS, the reference
 * CPU reducer, the parallel CPU reducer and the WebGPU reducer.
 *
 *   node packages/accelerate/bench/build.mjs
 *   node packages/accelerate/.bundle/bench/fib-bench.mjs --out fib.json
 *
 * Flags: --sizes 1000,10000,100000  --n 20  --runtimes sequential,cpu,cpu-parallel,gpu
 *        --threads <n> (default: all cores)  --budget <seconds> (default 600)
 *        --memory <bytes>  --out <file.json>
 * A runtime skips the sizes whose time, extrapolated linearly from its last
 * size, would exceed the budget; skipped rows say so in the JSON.
 * Wall time covers compiling the book, reduction and readback; runtime and
 * device creation, and one warm-up run of 8 elements (JIT, GPU pipelines),
 * happen before the first size and are not counted.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus, platform, release } from "node:os";
import type { Runtime } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";
import { createNodeWebGpuRuntime } from "@hvm/runtime-webgpu/node";
import { accelerate, map, type AccelerateOptions } from "../src/node.js";

function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

interface Row {
  runtime: string;
  name: string;
  size: number;
  wallSeconds?: number;
  reductionSeconds?: number;
  interactions?: number;
  mips?: number;
  correct?: boolean;
  skipped?: string;
  error?: string;
}

const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};

const sizes = flag("sizes", "1000,10000,100000").split(",").map(Number);
const n = Number(flag("n", "20"));
const runtimes = flag("runtimes", "sequential,cpu,cpu-parallel,gpu").split(",");
const threads = Number(flag("threads", String(availableParallelism())));
const budget = Number(flag("budget", "600"));
const memory = process.argv.includes("--memory") ? Number(flag("memory", "0")) : undefined;
const out = flag("out", "");
const expected = fib(n);

async function create(kind: string): Promise<Runtime | null> {
  if (kind === "cpu") return createCpuRuntime();
  if (kind === "cpu-parallel") return createParallelCpuRuntime({ threads });
  if (kind === "gpu") return createNodeWebGpuRuntime();
  return null;
}

async function measure(kind: string, runtime: Runtime | null, size: number): Promise<Row> {
  const xs = new Array<number>(size).fill(n);
  const expr = map((x: number) => fib(x), xs);
  const options: AccelerateOptions = { scope: { fib }, mode: runtime ? "cpu" : "sequential" };
  if (runtime) options.runtime = runtime;
  if (memory !== undefined) options.memory = memory;
  const t0 = performance.now();
  const run = await accelerate.run(expr, options);
  const wallSeconds = (performance.now() - t0) / 1000;
  const values = run.value as number[];
  const correct = values.length === size && values.every((v) => v === expected);
  const row: Row = { runtime: kind, name: run.runtime ?? "javascript", size, wallSeconds, correct };
  if (run.stats) Object.assign(row, { reductionSeconds: run.stats.seconds, interactions: run.stats.interactions, mips: run.stats.mips });
  return row;
}

const rows: Row[] = [];
for (const kind of runtimes) {
  let runtime: Runtime | null = null;
  try {
    runtime = await create(kind);
  } catch (e) {
    for (const size of sizes) rows.push({ runtime: kind, name: kind, size, error: `runtime creation failed: ${(e as Error).message}` });
    continue;
  }
  try {
    await measure(kind, runtime, 8);
  } catch (e) {
    process.stdout.write(`${kind}: warm-up failed: ${(e as Error).message}\n`);
  }
  let last: Row | null = null;
  for (const size of sizes) {
    if (last?.wallSeconds !== undefined) {
      const predicted = (last.wallSeconds * size) / last.size;
      if (predicted > budget) {
        rows.push({ runtime: kind, name: last.name, size, skipped: `predicted ${predicted.toFixed(0)} s > budget ${budget} s` });
        continue;
      }
    } else if (last !== null) {
      rows.push({ runtime: kind, name: last.name, size, skipped: "a smaller size failed" });
      continue;
    }
    let row: Row;
    try {
      row = await measure(kind, runtime, size);
    } catch (e) {
      row = { runtime: kind, name: runtime?.name ?? kind, size, error: (e as Error).message };
    }
    rows.push(row);
    last = row;
    const cells = row.error ? `error: ${row.error}` : `${row.wallSeconds!.toFixed(3)} s${row.mips !== undefined ? `, ${row.mips.toFixed(1)} MIPS` : ""}${row.correct ? "" : ", WRONG RESULT"}`;
    process.stdout.write(`${kind.padEnd(13)} ${String(size).padStart(7)}  ${cells}\n`);
  }
  await runtime?.dispose();
}

const report = {
  bench: `map(fib) with fib(${n}) = ${expected} per element`,
  date: new Date().toISOString(),
  node: process.version,
  platform: `${platform()} ${release()}`,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: availableParallelism(),
  threads,
  budgetSeconds: budget,
  rows,
};
if (out) writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.exitCode = rows.some((r) => r.correct === false) ? 1 : 0;
