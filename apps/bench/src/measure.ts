/**
 * One case: a program on one runtime. Warm-up runs, then measured
 * repetitions; every run's normal form is checked against the reference, so
 * a wrong result is reported as WRONG and never as a time.
 */
import { RULE_CLASSES, emptyByRule, type RunResult, type Runtime } from "@hvm/ir";
import { checksum } from "./checksum.js";
import { RunTimeoutError } from "./errors.js";
import type { BenchOptions, BenchProgram, CaseResult, PrintNet } from "./model.js";
import { summarize } from "./stats.js";

export interface CaseHooks {
  /** Called after each run (warm-up or measured). */
  onRun?(done: number, total: number): void;
  signal?: AbortSignal;
}

type RunOutcome = { result: RunResult; wall: number; text: string };

/**
 * One run, aborted after opts.timeoutSeconds. The race also covers a runtime
 * that does not check its signal: the bench moves on and the suite disposes
 * that runtime.
 */
async function runOnce(rt: Runtime, program: BenchProgram, opts: BenchOptions, print: PrintNet, signal?: AbortSignal): Promise<RunOutcome> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  signal?.addEventListener("abort", stop);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new RunTimeoutError(opts.timeoutSeconds));
    }, opts.timeoutSeconds * 1000);
  });
  const t0 = performance.now();
  try {
    const run = rt.run(program.book, {
      entry: program.entry,
      memory: opts.memory,
      maxInteractions: opts.maxInteractions,
      signal: controller.signal,
    });
    run.catch(() => undefined);
    const result = await Promise.race([run, timeout]);
    const wall = (performance.now() - t0) / 1000;
    return { result, wall, text: (program.show ?? print)(result.net) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
  }
}

const empty = summarize([]);

export function failedCase(program: BenchProgram, runtime: string, reason: string): CaseResult {
  return {
    program: program.name,
    runtime,
    status: "error",
    reason,
    interactions: 0,
    byRule: emptyByRule(),
    seconds: empty,
    samples: [],
    wall: empty,
    interactionsPerSecond: 0,
    peakNodes: 0,
    checksum: "",
    expectedChecksum: checksum(program.expected),
  };
}

/** The reason a run's result is wrong, or undefined when it matches the reference. */
function wrongness(program: BenchProgram, out: RunOutcome, first: RunOutcome | undefined): string | undefined {
  if (out.text !== program.expected) {
    return `normal form differs from the reference (checksum ${checksum(out.text)}, expected ${checksum(program.expected)})`;
  }
  const n = out.result.stats.interactions;
  if (program.expectedInteractions !== undefined && n !== program.expectedInteractions) {
    return `${n} interactions, the reference reports ${program.expectedInteractions}`;
  }
  const want = program.expectedByRule;
  const off = want === undefined ? [] : RULE_CLASSES.filter((c) => out.result.stats.byRule[c] !== want[c]);
  if (off.length > 0) {
    return `per-rule counts differ from the reference: ${off.map((c) => `${c} ${out.result.stats.byRule[c]} (expected ${want![c]})`).join(", ")}`;
  }
  if (first && n !== first.result.stats.interactions) {
    return `interaction count changed between runs (${first.result.stats.interactions}, then ${n})`;
  }
  return undefined;
}

export async function runCase(
  rt: Runtime,
  runtimeId: string,
  program: BenchProgram,
  opts: BenchOptions,
  print: PrintNet,
  hooks: CaseHooks = {},
): Promise<CaseResult> {
  const total = opts.warmup + opts.reps;
  const expectedChecksum = checksum(program.expected);
  const measured: RunOutcome[] = [];
  let first: RunOutcome | undefined;
  let spent = 0;
  let done = 0;
  try {
    for (let i = 0; i < total; i++) {
      const warm = i < opts.warmup;
      if (!warm && measured.length > 0 && spent > opts.budgetSeconds) break;
      const out = await runOnce(rt, program, opts, print, hooks.signal);
      spent += out.wall;
      const bad = wrongness(program, out, first);
      first ??= out;
      if (bad !== undefined) {
        return { ...failedCase(program, runtimeId, bad), status: "WRONG", checksum: checksum(out.text), interactions: out.result.stats.interactions, byRule: out.result.stats.byRule };
      }
      if (!warm) measured.push(out);
      hooks.onRun?.(++done, total);
    }
  } catch (e) {
    return failedCase(program, runtimeId, e instanceof Error ? e.message : String(e));
  }
  hooks.onRun?.(total, total);
  const stats = measured[0].result.stats;
  const samples = measured.map((m) => m.result.stats.seconds);
  const seconds = summarize(samples);
  return {
    program: program.name,
    runtime: runtimeId,
    status: "ok",
    interactions: stats.interactions,
    byRule: stats.byRule,
    seconds,
    samples,
    wall: summarize(measured.map((m) => m.wall)),
    interactionsPerSecond: seconds.median > 0 ? stats.interactions / seconds.median : 0,
    peakNodes: Math.max(...measured.map((m) => m.result.stats.peakNodes)),
    checksum: checksum(measured[0].text),
    expectedChecksum,
  };
}
