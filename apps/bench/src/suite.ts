/**
 * The suite: every program on every runtime target. Each case gets its own
 * runtime, disposed before the next one starts, so GPU devices and worker
 * pools never compete with the runtime being measured.
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
  /** Runtimes found missing while discovering (reported, not measured). */
  readonly unavailable?: ReadonlyArray<{ id: string; kind: string; error: string }>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A fresh runtime per case, so a run that timed out or crashed cannot slow down the next case. */
async function runTargetCase(input: SuiteInput, target: RuntimeTarget, program: BenchProgram, events: SuiteEvents): Promise<CaseResult> {
  const rt = await target.create();
  try {
    return await runCase(rt, target.id, program, input.options, input.print, { onRun: events.onRun, signal: input.signal });
  } finally {
    await disposeWithin(rt, DISPOSE_SECONDS);
  }
}

/** Seconds a runtime gets to release its workers or device before the suite moves on. */
const DISPOSE_SECONDS = 10;

async function disposeWithin(rt: Runtime, seconds: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, seconds * 1000);
  });
  await Promise.race([rt.dispose().catch(() => undefined), late]);
  clearTimeout(timer);
}

export async function runSuite(input: SuiteInput, events: SuiteEvents = {}): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const results: CaseResult[] = [];
  const runtimes: BenchReport["runtimes"][number][] = (input.unavailable ?? []).map((u) => ({ id: u.id, kind: u.kind, error: `not measured: ${u.error}` }));
  for (const target of input.targets) {
    let createError: string | undefined;
    for (const program of input.programs) {
      events.onCaseStart?.(program, target);
      const result = await runTargetCase(input, target, program, events).catch((e: unknown) => {
        createError ??= `runtime unavailable: ${message(e)}`;
        return failedCase(program, target.id, `runtime unavailable: ${message(e)}`);
      });
      results.push(result);
      events.onCaseDone?.(result);
    }
    runtimes.push({ id: target.id, kind: target.kind, threads: target.threads, adapter: target.adapter, error: createError });
  }
  return {
    tool: "@hvm/bench",
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    options: input.options,
    machine: input.machine,
    runtimes,
    programs: input.programs.map((p) => ({ name: p.name, origin: p.origin, expectedChecksum: checksum(p.expected), ...(p.size ? { size: p.size } : {}) })),
    results,
  };
}
