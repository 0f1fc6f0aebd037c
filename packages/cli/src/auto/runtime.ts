/**
 * `--runtime auto`: every program runs on the single-thread reference, and
 * moves to a parallel runtime (the "engine": WebGPU on a hardware adapter,
 * else cpu-parallel) only while its net is wide, taking the partially
 * reduced net along. The rule (docs/runtimes.md, "auto"):
 *
 *   boot on cpu ──> reduce the first `probe` interactions (16M) ──> normal form? ──> done (cpu)
 *                      │ no
 *                      v
 *   every `checkEvery` interactions: measure the width (live.ts)
 *      narrow ──> keep reducing on cpu (nothing restarts, nothing is started)
 *      wide   ──> first time: start making the engine in the background
 *                 (device, pipelines, a warm-up run), and keep reducing on cpu
 *                 engine ready, net under 4M nodes ──> hand the net over (handover.ts), the engine finishes it
 *
 * A sequential program therefore runs exactly as on `--runtime cpu`, plus
 * one scan of the new part of the redex stack per check. Checks count
 * interactions, not time, so where a run switches depends only on the
 * program and the options.
 */
import { type Book, DEFAULT_ENTRY, InteractionLimitError, type RunOptions, type RunResult, type RunStats, type Runtime, compileBook } from "@hvm/ir";
import { MissingEntryError } from "@hvm/runtime-cpu";
import { type Before, handoverBook, handoverOptions, joinStats } from "./handover.js";
import { DEFAULT_WIDTH, type WidthRule, measureWidth } from "./live.js";
import { ReferenceProbe } from "./probe.js";

/**
 * Interactions every program first runs on the reference, with no width
 * check and no engine: about 0.4 s of the reference. A program that ends
 * within them never pays an engine's start-up (WebGPU: 1.5-3 s on an H200,
 * spent in the background but waited for at exit).
 */
export const AUTO_PROBE_INTERACTIONS = 1 << 24;
/** Interactions between two width checks. */
export const AUTO_CHECK_INTERACTIONS = 1_000_000;
/**
 * Largest net (live nodes) handed over: it travels as an AST through the
 * engine's book encoder. A wider net that is larger stays on the reference.
 */
export const AUTO_HANDOVER_NODES = 1 << 22;
/** Milliseconds between progress reports. */
const PROGRESS_MS = 100;

/** Makes the runtime that takes wide nets over, for this heap size; undefined when there is none here. */
export type EngineFactory = (memory: number | undefined) => Promise<Runtime | undefined>;

export interface AutoOptions {
  readonly engine: EngineFactory;
  readonly probe?: number;
  readonly checkEvery?: number;
  readonly width?: WidthRule;
  /** Largest net (live nodes) handed over (default AUTO_HANDOVER_NODES). */
  readonly handoverNodes?: number;
}

/** How an auto run went (`stats.auto`). */
export interface AutoRoute {
  /** The runtimes that reduced the net, in order: "cpu", then the engine's name, then its fallback's. */
  readonly runtimes: string[];
  /** Interactions done on the reference (before the handover, or all of them). */
  readonly reference: number;
  /** The most live redexes seen at a check. */
  readonly widest: number;
}

export type AutoStats = RunStats & { auto: AutoRoute };

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createAutoRuntime(options: AutoOptions): Runtime {
  const probeSize = options.probe ?? AUTO_PROBE_INTERACTIONS;
  const checkEvery = options.checkEvery ?? AUTO_CHECK_INTERACTIONS;
  const width = options.width ?? DEFAULT_WIDTH;
  const handoverNodes = options.handoverNodes ?? AUTO_HANDOVER_NODES;
  let making: Promise<Runtime | undefined> | undefined;
  let engine: Runtime | undefined;
  let noEngine = false;

  const startEngine = (memory: number | undefined): void => {
    if (making) return;
    making = options.engine(memory).catch(() => undefined);
    void making.then((e) => {
      engine = e;
      noEngine = e === undefined;
    });
  };

  return {
    name: "auto",
    async run(book: Book, opts: RunOptions = {}): Promise<RunResult> {
      const entry = opts.entry ?? DEFAULT_ENTRY;
      const compiled = compileBook(book, { entry });
      const index = compiled.index.get(entry);
      if (index === undefined) throw new MissingEntryError(entry, compiled.names);
      const probe = new ReferenceProbe(compiled, index, opts);
      let widest = 0;
      let shown = performance.now();
      for (;;) {
        if (probe.advance(checkEvery)) {
          const r = probe.result();
          const stats: AutoStats = { ...r.stats, auto: { runtimes: ["cpu"], reference: r.stats.interactions, widest } };
          return { net: r.net, stats };
        }
        await nextTurn();
        if (opts.onProgress && performance.now() - shown >= PROGRESS_MS) {
          shown = performance.now();
          opts.onProgress({ interactions: probe.interactions, byRule: probe.reducer.byRule(), seconds: probe.seconds, nodes: probe.reducer.core.live });
        }
        if (noEngine || probe.interactions < probeSize) continue;
        const w = measureWidth(probe, width);
        widest = Math.max(widest, w.live);
        if (!w.wide) continue;
        startEngine(opts.memory);
        if (engine && probe.reducer.core.live <= handoverNodes) return handOver(engine, probe, book, opts, widest);
      }
    },
    async dispose(): Promise<void> {
      const e = await making;
      await e?.dispose();
    },
  };
}

/** Read the net back, run it to its normal form on `engine`, add the counts up. */
async function handOver(engine: Runtime, probe: ReferenceProbe, book: Book, opts: RunOptions, widest: number): Promise<RunResult> {
  const { net, erased } = probe.partialNet();
  const byRule = probe.reducer.byRule();
  byRule.ERAS += erased;
  const before: Before = { interactions: probe.interactions + erased, byRule, seconds: probe.seconds, peakNodes: probe.reducer.core.peak };
  const next = handoverBook(book, net);
  let result: RunResult;
  try {
    result = await engine.run(next.book, handoverOptions(opts, next.entry, before));
  } catch (e) {
    if (e instanceof InteractionLimitError && opts.maxInteractions !== undefined) throw new InteractionLimitError(opts.maxInteractions);
    throw e;
  }
  const fallback = (result.stats as { fallback?: string }).fallback;
  const runtimes = ["cpu", engine.name, ...(fallback ? [fallback.split(" ")[0]] : [])];
  const stats: AutoStats = { ...joinStats(before, result.stats), auto: { runtimes, reference: before.interactions, widest } };
  return { net: result.net, stats };
}
