/**
 * The commands that reduce programs.
 *
 * `run <file>`: reduce the entry to normal form and print it, with the stats
 * (-s) or as one JSON object (--json).
 *
 * `bench [files...]`: run programs (default: the heavy corpus listed in
 * examples/heavy.txt) on one or more runtimes, --repeat times each, and print
 * interactions per second. Runtimes must agree on the normal form and on
 * every per-rule count; a disagreement is reported and exits with 1.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { HvmError, RULE_CLASSES, type Book, type RunResult } from "@hvm/ir";
import { printNet } from "@hvm/syntax";
import { addReduceFlags, parseCount, parseList, runOptions, withInterrupt, type ReduceFlags } from "../options.js";
import { DEFAULT_RUNTIME, RUNTIME_FLAGS, findRuntime, runtimeHelp } from "../runtimes.js";
import { progressLine, type Io } from "../terminal.js";
import { formatJson, formatResult, loadBook } from "../text.js";

interface RunFlags extends ReduceFlags {
  readonly stats?: boolean;
  readonly json?: boolean;
  readonly net?: boolean;
  readonly runtime: string;
}

export function registerRun(program: Command, io: Io): void {
  const cmd = program
    .command("run")
    .description("reduce a program to normal form and print it")
    .argument("<file>", "a .hvmc book or a .hvm program")
    .option("-s, --stats", "print interaction counts, time and MIPS after the normal form")
    .option("--json", "print one JSON object {normalForm, stats, runtime}")
    .option("--net", "for a .hvm program: print the raw normal-form net instead of the term")
    .option("-r, --runtime <name>", `reducer to use: ${runtimeHelp()}`, DEFAULT_RUNTIME);
  addReduceFlags(cmd, RUNTIME_FLAGS).action(async (file: string, flags: RunFlags) => {
    const entry = findRuntime(flags.runtime);
    const loaded = loadBook(file, flags.entry, io.stderr);
    const { book } = loaded;
    const show = flags.net ? printNet : loaded.show;
    const runtime = await entry.create(flags as unknown as Record<string, unknown>);
    const progress = progressLine(io);
    try {
      const result = await withInterrupt((signal) => runtime.run(book, runOptions(flags, { signal, onProgress: progress.onProgress })));
      progress.done();
      io.stdout(flags.json ? formatJson(result, runtime.name, show) : formatResult(result, flags.stats === true, show));
    } finally {
      progress.done();
      await runtime.dispose();
    }
  });
}

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

const row = (cells: readonly string[]): string =>
  `${cells[0].padEnd(24)} ${cells[1].padEnd(16)} ${cells[2].padStart(14)} ${cells[3].padStart(9)} ${cells[4].padStart(9)}`;

export function registerBench(program: Command, io: Io): void {
  const cmd = program
    .command("bench")
    .description("measure interactions per second on the heavy corpus (or the given files), per runtime")
    .argument("[files...]", ".hvmc files (default: the programs listed in examples/heavy.txt)")
    .option("-r, --runtime <names>", `runtimes to compare, comma-separated or repeated: ${runtimeHelp()}`, parseList)
    .option("--repeat <n>", "runs per program and runtime; the best time is reported", parseCount, 1)
    .option("--json", "print the rows as one JSON array");
  addReduceFlags(cmd, RUNTIME_FLAGS).action(async (files: string[], flags: BenchFlags) => {
    const runtimes = flags.runtime ?? [DEFAULT_RUNTIME];
    for (const name of runtimes) findRuntime(name);
    const programs = files.length > 0 ? files : heavyPrograms();
    const rows: BenchRow[] = [];
    if (!flags.json) io.stdout(`${row(["program", "runtime", "interactions", "seconds", "MIPS"])}\n`);
    for (const file of programs) {
      const { book } = loadBook(file, flags.entry, io.stderr);
      let reference: string | undefined;
      for (const name of runtimes) {
        const { best, sig } = await benchOne(book, name, flags);
        reference ??= sig;
        const r: BenchRow = {
          program: basename(file, ".hvmc"),
          runtime: name,
          interactions: best.stats.interactions,
          seconds: best.stats.seconds,
          mips: best.stats.mips,
          agrees: sig === reference,
        };
        rows.push(r);
        if (!flags.json) {
          const mark = r.agrees ? "" : "  DISAGREES with the first runtime";
          io.stdout(`${row([r.program, r.runtime, String(r.interactions), r.seconds.toFixed(3), r.mips.toFixed(2)])}${mark}\n`);
        }
      }
    }
    if (flags.json) io.stdout(`${JSON.stringify(rows)}\n`);
    const disagreements = rows.filter((r) => !r.agrees).length;
    if (disagreements > 0) {
      throw new HvmError("E_BENCH_MISMATCH", `${disagreements} run(s) disagree with the first runtime on the normal form or the per-rule counts`);
    }
  });
}
