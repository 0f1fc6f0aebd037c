/**
 * The book of one instruction-counting program at one size (icount.ts and
 * parallel-core.ts): sum (sumTree), church (churchPow) or bitonic (the
 * hvm-lang bitonic sort of examples/lang/bitonic.hvm over 2^size numbers,
 * read relative to packages/runtime-cpu, where bench/icount.sh runs).
 */
import { readFileSync } from "node:fs";
import type { Book } from "@hvm/ir";
import { compileSource, parseBook } from "@hvm/syntax";
import { bitonicOf, churchPow, sumTree } from "./programs.js";

export function benchBook(program: string, size: number): Book {
  if (program === "bitonic") return compileSource(bitonicOf(readFileSync("../../examples/lang/bitonic.hvm", "utf8"), size)).book;
  return parseBook(program === "church" ? churchPow(size) : sumTree(size));
}
