/**
 * The suite: every program on every runtime target. Targets are created one
 * at a time and disposed before the next, so GPU devices and worker pools do
 * not compete with the runtime being measured.
 */
import type { Runtime } from "@hvm/ir";
import { checksum } from "./checksum.js";
import { failedCase, runCase } from "./measure.js";
import type { BenchOptions, BenchProgram, BenchReport, CaseResult, MachineInfo, PrintNet, RuntimeTarget } from "./model.js";

export interface SuiteEvents {
  /** A case starts: program `p` on target `t`. */
  onCaseStart?(program: BenchProgram, target: RuntimeTarget): void;
  /** A run of the current case finished (warm-ups included). */
  onRun?(done: number, total: number): void;
  onCaseDone?(result: CaseResult): void;
}

export interface SuiteInput {
  readonly programs: readonly BenchProgram[];
  readonly targets: readonly RuntimeTarget[];
  readonly options: BenchOptions;
  readonly machine: MachineInfo;
  readonly print: PrintNet;
  readonly signal?: AbortSignal;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function runSuite(input: SuiteInput, events: SuiteEvents = {}): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const results: CaseResult[] = [];
  const runtimes: BenchReport["runtimes"][number][] = [];
  for (const target of input.targets) {
    let rt: Runtime | undefined;
    let createError: string | undefined;
    try {
      rt = await target.create();
    } catch (e) {
      createError = `runtime unavailable: ${message(e)}`;
    }
    runtimes.push({ id: target.id, kind: target.kind, threads: target.threads, adapter: target.adapter, error: createError });
    try {
      for (const program of input.programs) {
        events.onCaseStart?.(program, target);
        const result = rt
          ? await runCase(rt, target.id, program, input.options, input.print, { onRun: events.onRun, signal: input.signal })
          : failedCase(program, target.id, createError ?? "runtime unavailable");
        results.push(result);
        events.onCaseDone?.(result);
      }
    } finally {
      await rt?.dispose();
    }
  }
  return {
    tool: "@hvm/bench",
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    options: input.options,
    machine: input.machine,
    runtimes,
    programs: input.programs.map((p) => ({ name: p.name, origin: p.origin, expectedChecksum: checksum(p.expected) })),
    results,
  };
}
