import { type RunOptions, type RunResult, compileBook, printNet } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { runCompiled } from "../src/index.js";

/** Parse, compile and normalise a .hvmc book; the printed normal form and the stats. */
export function run(src: string, opts: RunOptions = {}): { text: string; result: RunResult } {
  const result = runCompiled(compileBook(parseBook(src), { entry: opts.entry }), opts);
  return { text: printNet(result.net), result };
}

/** byRule with zeros filled in, for exact comparisons. */
export const counts = (c: Partial<Record<"ANNI" | "COMM" | "ERAS" | "DREF" | "OPER", number>>) => ({
  ANNI: 0,
  COMM: 0,
  ERAS: 0,
  DREF: 0,
  OPER: 0,
  ...c,
});
