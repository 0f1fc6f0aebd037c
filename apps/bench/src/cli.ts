/**
 * The bench entry point (Node): discover runtimes, load programs, run the
 * suite with progress, print the table, write bench.json and bench.svg.
 * Exit status: 0 when every case matched its reference, 1 when any case was
 * WRONG or failed, 2 on a usage or setup error.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { printNet } from "@hvm/ir";
import { NoProgramsError, NoRuntimesError } from "./errors.js";
import { machineInfo } from "./machine.js";
import type { BenchProgram, BenchReport, RuntimeTarget } from "./model.js";
import { buildCommand, readOptions, type CliOptions } from "./options.js";
import { findExamples, loadPrograms } from "./programs.js";
import { createProgress } from "./progress.js";
import { runSuite } from "./suite.js";
import { renderChart } from "./svg.js";
import { renderHeader, renderProblems, renderTable } from "./table.js";
import { defaultThreadCounts, discoverTargets } from "./targets.js";
import { loadWorkloads } from "./workloads.js";

export interface BenchOutcome {
  readonly report: BenchReport;
  readonly jsonPath: string;
  readonly svgPath: string;
  readonly exitCode: number;
}

/** A --runtimes entry selects a target by id ("webgpu:1") or by kind ("cpu-parallel"). */
const selects = (filter: string, t: RuntimeTarget): boolean => t.id === filter || t.kind === filter;

const matches = (name: string, filters: readonly string[] | undefined): boolean => !filters || filters.some((f) => name.includes(f));

async function programsFor(opts: CliOptions): Promise<BenchProgram[]> {
  const all = loadPrograms({ dir: findExamples(opts.examples), quick: opts.bench.quick, big: opts.big });
  if (opts.workloads) {
    const reference = createCpuRuntime();
    try {
      all.push(...(await loadWorkloads(reference, opts.bench.quick)));
    } finally {
      await reference.dispose();
    }
  }
  const chosen = all.filter((p) => matches(p.name, opts.programs));
  if (chosen.length === 0) throw new NoProgramsError(opts.programs?.join(",") ?? "", all.map((p) => p.name));
  return chosen;
}

/** Run the bench as the command line says; writes the outputs and returns the report. */
export async function runBench(argv: readonly string[], out: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<BenchOutcome> {
  const cmd = buildCommand();
  cmd.parse([...argv], { from: "user" });
  const opts = readOptions(cmd);
  const machine = machineInfo();
  const found = await discoverTargets({
    threads: opts.threads ?? (opts.bench.quick ? [1, 2] : defaultThreadCounts(machine.cpus)),
    want: (kind) => !opts.runtimes || opts.runtimes.some((f) => f.split(":")[0] === kind),
    softwareGpu: opts.softwareGpu,
  });
  for (const u of found.unavailable) out.stderr.write(`${u.id}: not measured: ${u.error}\n`);
  const targets = found.targets.filter((t) => !opts.runtimes || opts.runtimes.some((f) => selects(f, t)));
  if (targets.length === 0) throw new NoRuntimesError(opts.runtimes?.join(",") ?? "", found.targets.map((t) => t.id));
  const programs = await programsFor(opts);
  out.stderr.write(`${programs.length} programs x ${targets.length} runtimes (${targets.map((t) => t.id).join(", ")})\n`);
  const progress = createProgress(programs.length * targets.length, out.stderr, opts.progress && out.stderr.isTTY === true);
  let report: BenchReport;
  try {
    report = await runSuite({ programs, targets, options: opts.bench, machine, print: printNet, unavailable: found.unavailable }, progress);
  } finally {
    progress.stop();
  }
  const dir = resolve(opts.out);
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, "bench.json");
  const svgPath = join(dir, "bench.svg");
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(svgPath, renderChart(report));
  out.stdout.write(`${renderHeader(report)}\n\n${renderTable(report.results, report.programs)}\n`);
  const problems = renderProblems(report.results);
  if (problems !== "") out.stdout.write(`\n${problems}\n`);
  out.stdout.write(`\nwrote ${jsonPath}\nwrote ${svgPath}\n`);
  return { report, jsonPath, svgPath, exitCode: report.results.every((r) => r.status === "ok") ? 0 : 1 };
}
