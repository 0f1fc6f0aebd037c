/**
 * `bench [files...]`: run programs on one or more runtimes, --repeat times
 * each, and print interactions per second.
 *
 * Files are .hvmc books or .hvm programs (compiled as `run` compiles them,
 * their normal form read back as a term). Without files: the heavy corpus,
 * examples/heavy.txt (.hvmc) then examples/lang/heavy.txt (.hvm).
 *
 * Every run is checked. Against NAME.expected next to the file when there is
 * one (what `run -s` prints without its TIME and MIPS lines: the normal form,
 * the interaction count and the five per-rule counts), and across runtimes:
 * each must agree with the first on the normal form and every per-rule count.
 * A mismatch marks the row WRONG or DISAGREES and exits with 1.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { HvmError, compileBook, type Book, type Net, type RunResult } from "@hvm/ir";
import { BenchMismatchError } from "../errors.js";
import { addReduceFlags, parseCount, parseList, runOptions, withInterrupt, type ReduceFlags } from "../options.js";
import { DEFAULT_RUNTIME, RUNTIME_FLAGS, findRuntime, runtimeHelp } from "../runtimes.js";
import type { Io } from "../terminal.js";
import { formatResult, loadBook } from "../text.js";

interface BenchFlags extends ReduceFlags {
  readonly runtime?: string[];
  readonly repeat: number;
  readonly json?: boolean;
}

/** ok: matches NAME.expected; unchecked: no NAME.expected; WRONG: differs from it. */
export type BenchCheck = "ok" | "unchecked" | "WRONG";

export interface BenchRow {
  readonly program: string;
  /** Definitions and heap nodes of the compiled book. */
  readonly defs: number;
  readonly nodes: number;
  readonly runtime: string;
  readonly interactions: number;
  /** Best reduction time over the repeats. */
  readonly seconds: number;
  readonly mips: number;
  readonly check: BenchCheck;
  /** Why the row is WRONG: the first line that differs from NAME.expected. */
  readonly reason?: string;
  readonly agrees: boolean;
}

function listed(examples: string, list: string, ext: string): string[] {
  const file = join(examples, list);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter((l) => l.length > 0)
    .map((name) => join(dirname(file), name.endsWith(ext) ? name : `${name}${ext}`));
}

/** The heavy corpus: examples/heavy.txt and examples/lang/heavy.txt, found from the working directory up, then next to the CLI. */
export function heavyPrograms(): string[] {
  const starts = [process.cwd(), dirname(fileURLToPath(import.meta.url))];
  for (const start of starts) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const examples = join(dir, "examples");
      if (existsSync(join(examples, "heavy.txt"))) {
        return [...listed(examples, "heavy.txt", ".hvmc"), ...listed(examples, join("lang", "heavy.txt"), ".hvm")];
      }
      if (dirname(dir) === dir) break;
    }
  }
  throw new HvmError("E_FILE", "no files given and no examples/heavy.txt found from here; pass .hvmc or .hvm files to bench");
}

/** NAME.expected next to the file, without trailing newlines; undefined when there is none. */
export function expectedFor(file: string): string | undefined {
  const path = file.replace(/\.hvmc?$/, ".expected");
  return path !== file && existsSync(path) ? readFileSync(path, "utf8").replace(/\n+$/, "") : undefined;
}

/** What `run -s` prints for the result, without its TIME and MIPS lines: the .expected format. */
export function expectedText(result: RunResult, show: (net: Net) => string): string {
  return formatResult(result, true, show)
    .split("\n")
    .filter((l) => !l.startsWith("TIME   :") && !l.startsWith("MIPS   :") && l !== "")
    .join("\n");
}

/** The first line where `got` differs from `want`, for the WRONG reason. */
export function firstDifference(got: string, want: string): string {
  const [g, w] = [got.split("\n"), want.split("\n")];
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) return `line ${i + 1}: got '${g[i] ?? "end of output"}', expected '${w[i] ?? "end of file"}'`;
  }
  return "identical";
}

interface Measured {
  readonly best: RunResult;
  /** Each run's output in the .expected format. */
  readonly texts: readonly string[];
}

async function benchOne(book: Book, show: (net: Net) => string, runtimeName: string, flags: BenchFlags): Promise<Measured> {
  const runtime = await findRuntime(runtimeName).create(flags as unknown as Record<string, unknown>);
  try {
    let best: RunResult | undefined;
    const texts: string[] = [];
    for (let i = 0; i < flags.repeat; i++) {
      const result = await withInterrupt((signal) => runtime.run(book, runOptions(flags, { signal })));
      texts.push(expectedText(result, show));
      if (!best || result.stats.seconds < best.stats.seconds) best = result;
    }
    return { best: best!, texts };
  } finally {
    await runtime.dispose();
  }
}

const row = (cells: readonly string[]): string =>
  `${cells[0].padEnd(24)} ${cells[1].padStart(10)} ${cells[2].padEnd(16)} ${cells[3].padStart(14)} ${cells[4].padStart(9)} ${cells[5].padStart(9)}  ${cells[6]}`.trimEnd();

const programName = (file: string): string => basename(file).replace(/\.hvmc?$/, "");

export function registerBench(program: Command, io: Io): void {
  const cmd = program
    .command("bench")
    .description("measure interactions per second on the heavy corpus (or the given files), per runtime, checking every run")
    .argument("[files...]", ".hvmc or .hvm files (default: the programs listed in examples/heavy.txt and examples/lang/heavy.txt)")
    .option("-r, --runtime <names>", `runtimes to compare, comma-separated or repeated: ${runtimeHelp()}`, parseList)
    .option("--repeat <n>", "runs per program and runtime; the best time is reported", parseCount, 1)
    .option("--json", "print the rows as one JSON array");
  addReduceFlags(cmd, RUNTIME_FLAGS).action(async (files: string[], flags: BenchFlags) => {
    const runtimes = flags.runtime ?? [DEFAULT_RUNTIME];
    for (const name of runtimes) findRuntime(name);
    const programs = files.length > 0 ? files : heavyPrograms();
    const rows: BenchRow[] = [];
    if (!flags.json) io.stdout(`${row(["program", "defs/nodes", "runtime", "interactions", "seconds", "MIPS", "result"])}\n`);
    for (const file of programs) {
      const { book, show } = loadBook(file, flags.entry, io.stderr);
      const compiled = compileBook(book, { entry: flags.entry }).defs;
      const size = { defs: compiled.length, nodes: compiled.reduce((n, d) => n + d.size, 0) };
      const want = expectedFor(file);
      let reference: string | undefined;
      for (const name of runtimes) {
        const { best, texts } = await benchOne(book, show, name, flags);
        reference ??= texts[0];
        const wrong = want === undefined ? undefined : texts.find((t) => t !== want);
        const r: BenchRow = {
          program: programName(file),
          ...size,
          runtime: name,
          interactions: best.stats.interactions,
          seconds: best.stats.seconds,
          mips: best.stats.mips,
          check: want === undefined ? "unchecked" : wrong === undefined ? "ok" : "WRONG",
          ...(wrong !== undefined ? { reason: firstDifference(wrong, want!) } : {}),
          agrees: texts.every((t) => t === reference),
        };
        rows.push(r);
        if (!flags.json) {
          const result = r.check === "WRONG" ? `WRONG (${r.reason})` : r.agrees ? r.check : "DISAGREES with the first runtime";
          const cells = [r.program, `${r.defs}/${r.nodes}`, r.runtime, String(r.interactions), r.seconds.toFixed(3), r.mips.toFixed(2), result];
          io.stdout(`${row(cells)}\n`);
        }
      }
    }
    if (flags.json) io.stdout(`${JSON.stringify(rows)}\n`);
    const wrong = rows.filter((r) => r.check === "WRONG").length;
    const disagreements = rows.filter((r) => !r.agrees).length;
    if (wrong > 0 || disagreements > 0) throw new BenchMismatchError(wrong, disagreements);
  });
}
