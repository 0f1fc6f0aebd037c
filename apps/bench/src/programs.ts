/**
 * Node-only: the corpus programs of the suite, read from the examples
 * directory (found from the working directory upwards, then from this
 * module's location, or given with --examples) with their reference normal
 * forms and interaction counts from the .expected files.
 *
 *   full suite   the heavy corpus (examples/heavy.txt, over 10M interactions)
 *   --quick      the light corpus programs of at least QUICK_MIN interactions
 *   --big        adds examples/bench/ (GPU-sized, hundreds of millions)
 *
 * then the hvm-lang programs of examples/lang/ (lang.ts).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBook } from "@hvm/syntax";
import { loadCorpus, parseExpected, type CorpusExpected } from "../../../examples/corpus.js";
import { ProgramLoadError } from "./errors.js";
import { bookSize, loadLangPrograms } from "./lang.js";
import type { BenchProgram } from "./model.js";

/** Light programs below this many interactions measure nothing but overhead. */
export const QUICK_MIN = 100_000;

const isExamples = (dir: string): boolean => existsSync(join(dir, "heavy.txt")) && existsSync(join(dir, "corpus.ts"));

/** The examples directory: `given`, or searched upwards from the working directory and from this module. */
export function findExamples(given?: string): string {
  if (given !== undefined) {
    const dir = resolve(given);
    if (!isExamples(dir)) throw new ProgramLoadError(dir, "not an examples directory (no heavy.txt and corpus.ts there)");
    return dir;
  }
  for (const start of [process.cwd(), dirname(fileURLToPath(import.meta.url))]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (isExamples(join(dir, "examples"))) return join(dir, "examples");
      if (dirname(dir) === dir) break;
    }
  }
  throw new ProgramLoadError("corpus", "no examples/ directory found from here; run inside the repository or pass --examples <dir>");
}

function program(name: string, file: string, source: string, expected: CorpusExpected): BenchProgram {
  try {
    const book = parseBook(source, file);
    return {
      name,
      origin: "corpus",
      book,
      expected: expected.normalForm,
      expectedInteractions: expected.rwts,
      expectedByRule: expected.byRule,
      size: bookSize(book),
    };
  } catch (e) {
    throw new ProgramLoadError(name, e instanceof Error ? e.message : String(e));
  }
}

/** The GPU-sized programs of examples/bench/. */
function bigPrograms(dir: string): BenchProgram[] {
  const big = join(dir, "bench");
  if (!existsSync(big)) return [];
  return readdirSync(big)
    .filter((f) => f.endsWith(".hvmc"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".hvmc".length);
      const expected = parseExpected(readFileSync(join(big, `${name}.expected`), "utf8"), `${name}.expected`);
      return program(name, join(big, f), readFileSync(join(big, f), "utf8"), expected);
    });
}

export function loadPrograms(opts: { dir: string; quick: boolean; big: boolean }): BenchProgram[] {
  const corpus = loadCorpus(opts.dir).filter((p) => (opts.quick ? !p.heavy && p.expected.rwts >= QUICK_MIN : p.heavy));
  const out = corpus.map((p) => program(p.name, p.file, p.source, p.expected));
  const lang = loadLangPrograms({ examples: opts.dir, quick: opts.quick, big: opts.big });
  return [...out, ...(opts.big ? bigPrograms(opts.dir) : []), ...lang];
}
