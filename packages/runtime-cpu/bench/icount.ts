/**
 * One run of a heavy program at one size, for instruction counting: run it
 * under valgrind at two sizes and divide the difference of the instruction
 * counts by the difference of the interaction counts (startup cancels).
 * `bench/icount.sh` does that. Arguments: program (sum | church | bitonic), size.
 */
import { compileBook, printNet } from "@hvm/ir";
import { runCompiled } from "../src/index.js";
import { benchBook } from "./book.js";

const program = process.argv[2] ?? "sum";
const size = Number(process.argv[3] ?? 15);
const book = benchBook(program, size);
const { net, stats } = runCompiled(compileBook(book), { memory: 1 << 27 });
console.log(`${program} ${size}: ${printNet(net)} interactions=${stats.interactions}`);
