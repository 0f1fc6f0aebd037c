/**
 * Scaling driver (not a test): the reference, then cpu-parallel at each
 * thread count, on corpus programs; prints MIPS and checks the results are
 * identical. Bundle and run from the repository root:
 *
 *   npx esbuild packages/runtime-cpu/tests/parallel/scale.ts --bundle --platform=node \
 *     --format=esm --outfile=.bundle/parallel/scale.mjs
 *   npx esbuild packages/runtime-cpu/src/parallel/node/worker.ts --bundle --platform=node \
 *     --format=esm --outfile=.bundle/parallel/cpu-parallel-worker.js
 *   PROGRAMS=heavy-tree-sum,lang/bitonic.hvm THREADS=1,2,4 node .bundle/parallel/scale.mjs
 *
 * OUT=dir also writes dir/scale.json. REPS=n runs each case n times (one
 * runtime, warm workers after the first run) and reports the median time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { compileBook, printNet } from "@hvm/ir";
import { compileSource, parseBook } from "@hvm/syntax";
import { runCompiled } from "@hvm/runtime-cpu";
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";

const programs = (process.env.PROGRAMS ?? "heavy-tree-sum,heavy-loops,heavy-rec-sum").split(",");
const threads = (process.env.THREADS ?? "1,2,4,8,16").split(",").map(Number);
const budget = Number(process.env.BUDGET_S ?? 150) * 1000;
const reps = Math.max(1, Number(process.env.REPS ?? 1));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const started = performance.now();
const rows: unknown[] = [];
console.log(`cores ${availableParallelism()}`);
for (const name of programs) {
  const book = name.endsWith(".hvm") ? compileSource(readFileSync(`examples/${name}`, "utf8")).book : parseBook(readFileSync(`examples/${name}.hvmc`, "utf8"));
  const compiled = compileBook(book);
  const ref = runCompiled(compiled);
  const want = printNet(ref.net) + JSON.stringify(ref.stats.byRule);
  const refTimes = [ref.stats.seconds];
  for (let i = 1; i < reps; i++) refTimes.push(runCompiled(compiled).stats.seconds);
  const refSeconds = median(refTimes);
  const refMips = ref.stats.interactions / refSeconds / 1e6;
  console.log(`${name} ref ${refSeconds.toFixed(3)}s ${refMips.toFixed(1)} MIPS rwts ${ref.stats.interactions}`);
  rows.push({ name, runtime: "cpu", seconds: refSeconds, mips: refMips, runs: refTimes });
  for (const t of threads) {
    if (performance.now() - started > budget) break;
    const rt = createParallelCpuRuntime({ threads: t });
    const times: number[] = [];
    let same = true;
    for (let i = 0; i < reps; i++) {
      const r = await rt.run(book);
      same &&= printNet(r.net) + JSON.stringify(r.stats.byRule) === want;
      times.push(r.stats.seconds);
    }
    await rt.dispose();
    const seconds = median(times);
    const mips = ref.stats.interactions / seconds / 1e6;
    console.log(`${name} cpu-parallel T=${t} ${seconds.toFixed(3)}s ${mips.toFixed(1)} MIPS speedup ${(refSeconds / seconds).toFixed(2)} same=${same}`);
    rows.push({ name, runtime: "cpu-parallel", threads: t, seconds, mips, same, runs: times });
  }
}
if (process.env.OUT) writeFileSync(`${process.env.OUT}/scale.json`, JSON.stringify(rows, null, 2));
