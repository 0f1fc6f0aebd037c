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
 * OUT=dir also writes dir/scale.json.
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
const started = performance.now();
const rows: unknown[] = [];
console.log(`cores ${availableParallelism()}`);
for (const name of programs) {
  const book = name.endsWith(".hvm") ? compileSource(readFileSync(`examples/${name}`, "utf8")).book : parseBook(readFileSync(`examples/${name}.hvmc`, "utf8"));
  const ref = runCompiled(compileBook(book));
  const want = printNet(ref.net) + JSON.stringify(ref.stats.byRule);
  console.log(`${name} ref ${ref.stats.seconds.toFixed(3)}s ${ref.stats.mips.toFixed(1)} MIPS rwts ${ref.stats.interactions}`);
  rows.push({ name, runtime: "cpu", seconds: ref.stats.seconds, mips: ref.stats.mips });
  for (const t of threads) {
    if (performance.now() - started > budget) break;
    const rt = createParallelCpuRuntime({ threads: t });
    const r = await rt.run(book);
    await rt.dispose();
    const same = printNet(r.net) + JSON.stringify(r.stats.byRule) === want;
    console.log(`${name} cpu-parallel T=${t} ${r.stats.seconds.toFixed(3)}s ${r.stats.mips.toFixed(1)} MIPS speedup ${(ref.stats.seconds / r.stats.seconds).toFixed(2)} same=${same}`);
    rows.push({ name, runtime: "cpu-parallel", threads: t, seconds: r.stats.seconds, mips: r.stats.mips, same });
  }
}
if (process.env.OUT) writeFileSync(`${process.env.OUT}/scale.json`, JSON.stringify(rows, null, 2));
