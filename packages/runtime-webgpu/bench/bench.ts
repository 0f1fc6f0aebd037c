/**
 * Bench: programs x {webgpu, cpu reference}, interactions/s with the time
 * split (setup/upload/reduction/readback), checked against NAME.expected.
 * Bundled with esbuild (platform node, `webgpu` external) to run on the GPU
 * machine:  node bench.mjs [--runtime webgpu,cpu] [--memory BYTES]
 *           [--wg N] [--max-wg N] [--wave N] [--keep-chunks N] [--budget N] [--budget-min N] [--share-below N]
 *           [--share-every N] [--share-every-wide N] [--share-wide-at F]
 *           [--share-counts-leftovers 0|1] [--share-min N] [--local N] [--window N] [--window-from F] [--link-rounds N]
 *           [--spread-max N] [--spread-width N]
 *           [--fallback] [--trace]
 *           [--out FILE] files...
 * --fallback gives the WebGPU runtime the CPU reference as its fallback for
 * programs with little parallelism (what `hvm-cli --runtime auto` does).
 * --trace runs one dispatch per host round trip and adds each round's
 * profile (pending redexes, interactions, busy invocations, allocator
 * sweeps, work sharing) to the row: slower, for finding where time goes.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { compileBook } from "@hvm/ir";
import { createCpuRuntime, runCompiled } from "@hvm/runtime-cpu";
import { parseBook, printNet } from "@hvm/syntax";
import { listAdapters, requestNodeDevice } from "../src/node.js";
import type { KernelConfig } from "../src/layout.js";
import type { RoundTrace } from "../src/profile.js";
import { createWebGpuRuntime } from "../src/runtime.js";

interface Args {
  runtimes: string[];
  memory: number;
  kernel: Partial<KernelConfig>;
  out?: string;
  trace: boolean;
  fallback: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const a: Args = { runtimes: ["webgpu", "cpu"], memory: 1 << 30, kernel: {}, trace: false, fallback: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = (): string => argv[++i];
    if (k === "--runtime") a.runtimes = next().split(",");
    else if (k === "--memory") a.memory = Number(next());
    else if (k === "--wg") a.kernel.workgroupSize = Number(next());
    else if (k === "--max-wg") a.kernel.maxWorkgroups = Number(next());
    else if (k === "--wave") a.kernel.wave = Number(next());
    else if (k === "--keep-chunks") a.kernel.keepChunks = Number(next());
    else if (k === "--budget") a.kernel.budget = Number(next());
    else if (k === "--budget-min") a.kernel.budgetMin = Number(next());
    else if (k === "--share-below") a.kernel.shareBelow = Number(next());
    else if (k === "--share-every") a.kernel.shareEvery = Number(next());
    else if (k === "--local") a.kernel.localCapacity = Number(next());
    else if (k === "--share-every-wide") a.kernel.shareEveryWide = Number(next());
    else if (k === "--share-wide-at") a.kernel.shareWideAt = Number(next());
    else if (k === "--share-counts-leftovers") a.kernel.shareCountsLeftovers = next() === "1";
    else if (k === "--share-min") a.kernel.shareMin = Number(next());
    else if (k === "--window") a.kernel.window = Number(next());
    else if (k === "--window-from") a.kernel.windowFrom = Number(next());
    else if (k === "--link-rounds") a.kernel.linkRounds = Number(next());
    else if (k === "--spread-max") a.kernel.spreadMax = Number(next());
    else if (k === "--spread-width") a.kernel.spreadWidth = Number(next());
    else if (k === "--trace") a.trace = true;
    else if (k === "--fallback") a.fallback = true;
    else if (k === "--out") a.out = next();
    else a.files.push(k);
  }
  return a;
}

const args = parseArgs(process.argv.slice(2));
const rows: Record<string, unknown>[] = [];
const adapters = args.runtimes.includes("webgpu") ? await listAdapters() : [];
const acquired = args.runtimes.includes("webgpu") ? await requestNodeDevice() : undefined;
const trace: RoundTrace[] = [];
const onRound = args.trace ? (r: RoundTrace): number => trace.push(r) : undefined;
const rt = acquired ? createWebGpuRuntime({ device: acquired.device, adapterInfo: acquired.adapterInfo, kernel: args.kernel, onRound, fallback: args.fallback ? createCpuRuntime() : undefined }) : undefined;

for (const file of args.files) {
  const book = parseBook(readFileSync(file, "utf8"), file);
  const expFile = file.replace(/\.hvmc$/, ".expected");
  const expected = existsSync(expFile) ? readFileSync(expFile, "utf8") : undefined;
  const check = (nf: string, rwts: number): boolean | undefined =>
    expected === undefined ? undefined : expected.startsWith(`${nf}\nRWTS   : ${rwts}\n`);
  for (const runtime of args.runtimes) {
    try {
      if (runtime === "webgpu" && rt) {
        trace.length = 0;
        const t = performance.now();
        const r = await rt.run(book, { memory: args.memory });
        const wall = (performance.now() - t) / 1000;
        const nf = printNet(r.net);
        rows.push({ file, runtime: rt.name, kernel: rt.kernel, interactions: r.stats.interactions, byRule: r.stats.byRule, seconds: r.stats.seconds, gips: r.stats.interactions / r.stats.seconds / 1e9, wall, timing: r.stats.timing, rounds: r.stats.rounds, spreadRounds: r.stats.spreadRounds, loneRounds: r.stats.loneRounds, live: r.stats.liveSlots, batches: r.stats.batches, profile: r.stats.profile, fallback: r.stats.fallback, correct: check(nf, r.stats.interactions), nf: nf.slice(0, 80), ...(args.trace ? { trace: [...trace] } : {}) });
      } else if (runtime === "cpu") {
        const t = performance.now();
        const r = runCompiled(compileBook(book), { memory: args.memory });
        const wall = (performance.now() - t) / 1000;
        const nf = printNet(r.net);
        rows.push({ file, runtime: "cpu", interactions: r.stats.interactions, seconds: r.stats.seconds, gips: r.stats.interactions / r.stats.seconds / 1e9, wall, correct: check(nf, r.stats.interactions), nf: nf.slice(0, 80) });
      }
    } catch (e) {
      rows.push({ file, runtime, error: (e as Error).message });
    }
    console.log(JSON.stringify(rows[rows.length - 1]));
    if (args.out) writeFileSync(args.out, JSON.stringify({ adapters, rows }, null, 2));
  }
}
acquired?.device.destroy();
