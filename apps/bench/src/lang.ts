/**
 * Node-only: the hvm-lang programs of the suite (examples/lang/*.hvm). Each
 * is compiled the way `hvm-cli run prog.hvm` compiles it (@hvm/syntax's
 * compileSource) and its normal form is read back as a term and shown by
 * @hvm/lang (readbackTerm, showTerm), so a run is checked against the
 * .expected file exactly as `hvm-cli run -s` prints it: the term, the
 * interaction count and the five per-rule counts.
 *
 *   full suite   examples/lang/heavy.txt (the parallel hvm-lang programs)
 *   --quick      examples/lang/quick.txt (small enough for CI)
 *   --big        adds examples/lang/bench/*.hvm (GPU-sized)
 *
 * Their names carry a `lang/` prefix, so `--programs lang/` selects them all.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compileBook, type Book } from "@hvm/ir";
import { readbackTerm, showTerm } from "@hvm/lang";
import { compileSource } from "@hvm/syntax";
import { parseExpected } from "../../../examples/corpus.js";
import { ProgramLoadError } from "./errors.js";
import type { BenchProgram, BookSize } from "./model.js";

/** Name prefix of the hvm-lang programs. */
export const LANG_PREFIX = "lang/";

/** Definitions, and heap nodes over every compiled definition (@hvm/ir's compileBook). */
export function bookSize(book: Book): BookSize {
  const { defs } = compileBook(book);
  return { defs: defs.length, nodes: defs.reduce((n, d) => n + d.size, 0) };
}

/** The names listed in a list file (one a line, comments after #); empty when the file is missing. */
export function listedNames(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter((l) => l.length > 0);
}

/** Compile `dir/name.hvm` and read its reference from `dir/name.expected`. */
export function langProgram(dir: string, name: string): BenchProgram {
  const file = join(dir, `${name}.hvm`);
  const label = `${LANG_PREFIX}${name}`;
  try {
    const { program, book } = compileSource(readFileSync(file, "utf8"), file);
    const expected = parseExpected(readFileSync(join(dir, `${name}.expected`), "utf8"), `${name}.expected`);
    return {
      name: label,
      origin: "lang",
      book,
      expected: expected.normalForm,
      show: (net) => showTerm(readbackTerm(net, program)),
      expectedInteractions: expected.rwts,
      expectedByRule: expected.byRule,
      size: bookSize(book),
    };
  } catch (e) {
    throw new ProgramLoadError(label, e instanceof Error ? e.message : String(e));
  }
}

/** The hvm-lang programs of a suite; `examples` is the examples directory. */
export function loadLangPrograms(opts: { examples: string; quick: boolean; big: boolean }): BenchProgram[] {
  const dir = join(opts.examples, "lang");
  if (!existsSync(dir)) return [];
  const names = listedNames(join(dir, opts.quick ? "quick.txt" : "heavy.txt"));
  const out = names.map((name) => langProgram(dir, name));
  const big = join(dir, "bench");
  if (opts.big && existsSync(big)) {
    const bigNames = readdirSync(big)
      .filter((f) => f.endsWith(".hvm"))
      .sort()
      .map((f) => f.slice(0, -".hvm".length));
    out.push(...bigNames.map((name) => langProgram(big, name)));
  }
  return out;
}
