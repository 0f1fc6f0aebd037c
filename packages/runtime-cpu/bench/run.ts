/**
 * Benchmark of the single-thread reducer: heavy programs, a few runs each,
 * interactions per second of reduction (MIPS). Run with `pnpm bench` in
 * packages/runtime-cpu (arguments: how many runs, default 3; the depth /
 * exponent of the programs, default 22). On a loaded machine, many short
 * runs (`pnpm bench 30 18`) and their best rate come closest to the
 * unloaded speed.
 *
 * Two rates per run: `wall` is stats.mips (interactions per second of
 * reduction, wall clock); `cpu` divides by the CPU time this process used
 * for the run (reduction and readback), which stays meaningful when other
 * processes share the machine.
 */
import { compileBook, printNet } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { runCompiled } from "../src/index.js";
import { churchPow, sumTree } from "./programs.js";

const runs = Number(process.argv[2] ?? 3);
const size = Number(process.argv[3] ?? 22);
const programs: Array<[string, string]> = [
  [`sum-tree depth ${size}`, sumTree(size)],
  [`church 2^${size} inc`, churchPow(size)],
];

for (const [name, src] of programs) {
  const book = compileBook(parseBook(src));
  const mips: number[] = [];
  const cpuMips: number[] = [];
  let line = "";
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    const { net, stats } = runCompiled(book);
    const used = process.cpuUsage(before);
    mips.push(stats.mips);
    cpuMips.push(stats.interactions / ((used.user + used.system) / 1e6) / 1e6);
    line = `${printNet(net)}  interactions=${stats.interactions} ${JSON.stringify(stats.byRule)} peakNodes=${stats.peakNodes}`;
  }
  const show = (xs: number[]): string => `${xs.map((m) => m.toFixed(1)).join(" ")} (best ${Math.max(...xs).toFixed(1)})`;
  console.log(`${name}: ${line}`);
  console.log(`  MIPS wall: ${show(mips)}  cpu: ${show(cpuMips)}`);
}
