/**
 * One run of a heavy program at one size, for instruction counting: run it
 * under valgrind at two sizes and divide the difference of the instruction
 * counts by the difference of the interaction counts (startup cancels).
 * `bench/icount.sh` does that. Arguments: program (sum | church | bitonic), size.
 */
import { compileBook, printNet } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { runCompiled } from "../src/index.js";
import { readFileSync } from "node:fs";
import { compileSource } from "@hvm/syntax";
import { bitonicOf, churchPow, sumTree } from "./programs.js";

const program = process.argv[2] ?? "sum";
const size = Number(process.argv[3] ?? 15);
const book =
  program === "bitonic"
    ? compileSource(bitonicOf(readFileSync("../../examples/lang/bitonic.hvm", "utf8"), size)).book
    : parseBook(program === "church" ? churchPow(size) : sumTree(size));
const { net, stats } = runCompiled(compileBook(book), { memory: 1 << 27 });
console.log(`${program} ${size}: ${printNet(net)} interactions=${stats.interactions}`);
