/**
 * Shared-machine benchmark: alternates a fixed typed-array loop (the
 * calibration, 2e8 iterations of load/store/add) with a program run and
 * reports the program's MIPS next to the calibration's time of the same
 * moment, so runs under different machine load can be compared. Usage:
 * `pnpm bench:calibrated [depth] [rounds]` in packages/runtime-cpu.
 */
import { compileBook } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { runCompiled } from "../src/index.js";
import { sumTree } from "./programs.js";

const depth = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 5);
const h = new Uint32Array(1 << 12);
const mask = (1 << 12) - 1;

function calibrate(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const x = h[(i * 7) & mask];
    h[i & mask] = x + 1;
    s += x;
  }
  return s;
}

const book = compileBook(parseBook(sumTree(depth)));
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  calibrate(2e8);
  const cal = performance.now() - t0;
  const { stats } = runCompiled(book);
  console.log(`calibration ${cal.toFixed(0)} ms  sum-tree ${depth}: ${stats.mips.toFixed(1)} MIPS  (MIPS x calibration/1000 = ${((stats.mips * cal) / 1000).toFixed(1)})`);
}
