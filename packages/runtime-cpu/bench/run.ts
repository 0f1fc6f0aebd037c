/**
 * Benchmark of the single-thread reducer: heavy programs, a few runs each,
 * interactions per second of reduction (MIPS). Run with `pnpm bench` in
 * packages/runtime-cpu (arguments: how many runs, default 3).
 */
import { compileBook, printNet } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { runCompiled } from "../src/index.js";
import { churchPow, sumTree } from "./programs.js";

const runs = Number(process.argv[2] ?? 3);
const programs: Array<[string, string]> = [
  ["sum-tree depth 22", sumTree(22)],
  ["church 2^22 inc", churchPow(22)],
];

for (const [name, src] of programs) {
  const book = compileBook(parseBook(src));
  const mips: number[] = [];
  let line = "";
  for (let i = 0; i < runs; i++) {
    const { net, stats } = runCompiled(book);
    mips.push(stats.mips);
    line = `${printNet(net)}  interactions=${stats.interactions} ${JSON.stringify(stats.byRule)} peakNodes=${stats.peakNodes}`;
  }
  const best = Math.max(...mips);
  console.log(`${name}: ${line}`);
  console.log(`  MIPS per run: ${mips.map((m) => m.toFixed(1)).join(" ")}  best ${best.toFixed(1)}`);
}
