/**
 * `hvm-cli bench [files...]`: run programs (default: the heavy corpus listed
 * in examples/heavy.txt) on one or more runtimes, --repeat times each, and
 * print interactions per second. Runtimes must agree on the normal form and
 * on every per-rule count; a disagreement is reported and exits with 1.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { RULE_CLASSES, type Book, type RunResult } from "@hvm/ir";
import { printNet } from "@hvm/syntax";
import { HvmError } from "@hvm/ir";
import type { Io } from "../io.js";
import { parseCount, parseList } from "../options.js";
import { DEFAULT_RUNTIME, findRuntime, runtimeHelp } from "../runtimes.js";
import { loadBook } from "../source.js";
import { addReduceFlags, runOptions, withInterrupt, type ReduceFlags } from "./shared.js";

interface BenchFlags extends ReduceFlags {
  readonly runtime?: string[];
  readonly repeat: number;
  readonly json?: boolean;
}

export interface BenchRow {
  readonly program: string;
  readonly runtime: string;
  readonly interactions: number;
  /** Best reduction time over the repeats. */
  readonly seconds: number;
  readonly mips: number;
  readonly agrees: boolean;
}

/** The heavy corpus: examples/heavy.txt, found from the working directory up, then next to the CLI. */
export function heavyPrograms(): string[] {
  const starts = [process.cwd(), dirname(fileURLToPath(import.meta.url))];
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const list = join(dir, "examples", "heavy.txt");
      if (existsSync(list)) {
        return readFileSync(list, "utf8")
          .split("\n")
          .map((l) => l.replace(/#.*/, "").trim())
          .filter((l) => l.length > 0)
          .map((name) => join(dir, "examples", name.endsWith(".hvmc") ? name : `${name}.hvmc`));
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new HvmError("E_FILE", "no files given and no examples/heavy.txt found from here; pass .hvmc files to bench");
}

const signature = (r: RunResult): string => `${printNet(r.net)}|${RULE_CLASSES.map((c) => r.stats.byRule[c]).join(",")}`;

async function benchOne(book: Book, runtimeName: string, flags: BenchFlags): Promise<{ best: RunResult; sig: string }> {
  const runtime = await findRuntime(runtimeName).create(flags as unknown as Record<string, unknown>);
  try {
    let best: RunResult | undefined;
    for (let i = 0; i < flags.repeat; i++) {
      const result = await withInterrupt((signal) => runtime.run(book, runOptions(flags, { signal })));
      if (!best || result.stats.seconds < best.stats.seconds) best = result;
    }
    return { best: best!, sig: signature(best!) };
  } finally {
    await runtime.dispose();
  }
}

const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

export function registerBench(program: Command, io: Io): void {
  const cmd = program
    .command("bench")
    .description("measure interactions per second on the heavy corpus (or the given files), per runtime")
    .argument("[files...]", ".hvmc files (default: the programs listed in examples/heavy.txt)")
    .option("-r, --runtime <names>", `runtimes to compare, comma-separated or repeated: ${runtimeHelp()}`, parseList)
    .option("--repeat <n>", "runs per program and runtime; the best time is reported", parseCount, 1)
    .option("--json", "print the rows as one JSON array");
  addReduceFlags(cmd).action(async (files: string[], flags: BenchFlags) => {
    const runtimes = flags.runtime ?? [DEFAULT_RUNTIME];
    for (const name of runtimes) findRuntime(name);
    const programs = files.length > 0 ? files : heavyPrograms();
    const rows: BenchRow[] = [];
    let disagreements = 0;
    if (!flags.json) io.stdout(`${pad("program", 24)} ${pad("runtime", 16)} ${lpad("interactions", 14)} ${lpad("seconds", 9)} ${lpad("MIPS", 9)}\n`);
    for (const file of programs) {
      const { book } = loadBook(file, flags.entry, io.stderr);
      let reference: string | undefined;
      for (const name of runtimes) {
        const { best, sig } = await benchOne(book, name, flags);
        reference ??= sig;
        const agrees = sig === reference;
        if (!agrees) disagreements++;
        const row: BenchRow = {
          program: basename(file, ".hvmc"),
          runtime: name,
          interactions: best.stats.interactions,
          seconds: best.stats.seconds,
          mips: best.stats.mips,
          agrees,
        };
        rows.push(row);
        if (!flags.json) {
          const mark = agrees ? "" : "  DISAGREES with the first runtime";
          io.stdout(`${pad(row.program, 24)} ${pad(row.runtime, 16)} ${lpad(String(row.interactions), 14)} ${lpad(row.seconds.toFixed(3), 9)} ${lpad(row.mips.toFixed(2), 9)}${mark}\n`);
        }
      }
    }
    if (flags.json) io.stdout(`${JSON.stringify(rows)}\n`);
    if (disagreements > 0) {
      throw new HvmError("E_BENCH_MISMATCH", `${disagreements} run(s) disagree with the first runtime on the normal form or the per-rule counts`);
    }
  });
}
