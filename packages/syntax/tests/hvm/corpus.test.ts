/**
 * The .hvm corpus (examples/lang): each NAME.hvm compiles, runs on the
 * reference reducer, and reads back as NAME.expected says (the term, then
 * RWTS and the five per-rule counts). Programs listed in
 * examples/lang/heavy.txt run only with HVM_HEAVY=1.
 *
 * @hvm/runtime-cpu is imported by relative path: as a devDependency of
 * @hvm/syntax it would close a package cycle (its tests use @hvm/syntax).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBook } from "@hvm/ir";
import { readbackTerm, showTerm } from "@hvm/lang";
import { runCompiled } from "../../../runtime-cpu/src/index.js";
import { parseExpected } from "../../../../examples/corpus.js";
import { compileSource } from "../../src/index.js";

const DIR = join(import.meta.dirname, "../../../../examples/lang");
const heavy = new Set(
  readFileSync(join(DIR, "heavy.txt"), "utf8")
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter((l) => l.length > 0),
);
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".hvm"))
  .map((f) => f.slice(0, -4))
  .sort();

describe("examples/lang corpus on the reference reducer", () => {
  it("has the programs the language is meant to show", () => {
    expect(names).toEqual(["add", "bitonic", "church", "data", "heavy-bitonic", "map-fold", "merge-sort", "op-chain", "patterns", "sort", "sum-fib", "tree-sum"]);
  });

  for (const name of names) {
    it.skipIf(heavy.has(name) && !process.env.HVM_HEAVY)(name, () => {
      const source = readFileSync(join(DIR, `${name}.hvm`), "utf8");
      const expected = parseExpected(readFileSync(join(DIR, `${name}.expected`), "utf8"), name);
      const { program, book } = compileSource(source, `${name}.hvm`);
      const r = runCompiled(compileBook(book, { entry: "main" }), { memory: 2 ** 31 });
      expect(showTerm(readbackTerm(r.net, program))).toBe(expected.normalForm);
      expect(r.stats.byRule).toEqual(expected.byRule);
      expect(r.stats.interactions).toBe(expected.rwts);
    });
  }
});
