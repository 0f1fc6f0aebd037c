/**
 * The data model of a benchmark run: programs, runtime targets, per-case
 * results and the report written as JSON.
 */
import type { Book, Net, RuleClass, Runtime } from "@hvm/ir";
import type { Summary } from "./stats.js";

/** The size of a compiled book: its definitions and their binary nodes (what a REF expansion copies). */
export interface BookSize {
  readonly defs: number;
  readonly nodes: number;
}

/** One program of the suite with its reference normal form. */
export interface BenchProgram {
  readonly name: string;
  /** Where it comes from: the .hvmc corpus, an hvm-lang program (examples/lang) or an accelerate workload. */
  readonly origin: "corpus" | "lang" | "accelerate";
  readonly book: Book;
  readonly entry?: string;
  /** The reference normal form, printed the way `show` (or the suite's printer) prints it. */
  readonly expected: string;
  /** How this program's normal form prints; the suite's printer when absent. An hvm-lang program reads it back as a term. */
  readonly show?: PrintNet;
  /** Reference interaction count, when known. */
  readonly expectedInteractions?: number;
  /** Reference per-rule counts, when known. */
  readonly expectedByRule?: Readonly<Record<RuleClass, number>>;
  /** The compiled book's size. */
  readonly size?: BookSize;
}

/** What a WebGPU adapter says about itself (GPUAdapterInfo plus the backend). */
export interface AdapterInfo {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** Driver name and version: Dawn writes them into the adapter's description. */
  readonly driver: string;
  /** The adapter limits that size the reducer's heap and dispatches. */
  readonly limits?: Readonly<Record<string, number>>;
  readonly features?: readonly string[];
}

/** A runtime the suite can run on; `create` is called once per target. */
export interface RuntimeTarget {
  /** Unique id in the report: "cpu", "cpu-parallel:4", "webgpu:0". */
  readonly id: string;
  readonly kind: "cpu" | "cpu-parallel" | "webgpu";
  readonly threads?: number;
  readonly adapter?: AdapterInfo;
  create(): Promise<Runtime>;
}

/**
 * ok: the normal form matched the reference. WRONG: it did not (no time is
 * shown). error: the runtime threw or could not be created.
 */
export type CaseStatus = "ok" | "WRONG" | "error";

export interface CaseResult {
  readonly program: string;
  readonly runtime: string;
  readonly status: CaseStatus;
  /** Why the case is WRONG or an error. */
  readonly reason?: string;
  readonly interactions: number;
  readonly byRule: Record<RuleClass, number>;
  /** Reduction seconds reported by the runtime, over the measured repetitions. */
  readonly seconds: Summary;
  /** Each measured run's reduction seconds, in order. */
  readonly samples: readonly number[];
  /** Wall seconds of each `run` call (parse excluded, readback included). */
  readonly wall: Summary;
  /** interactions / median reduction seconds. */
  readonly interactionsPerSecond: number;
  readonly peakNodes: number;
  /** Checksum of the printed normal form of the first run. */
  readonly checksum: string;
  readonly expectedChecksum: string;
}

export interface MachineInfo {
  readonly platform: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly node: string;
  readonly hostname: string;
}

export interface BenchOptions {
  readonly quick: boolean;
  readonly warmup: number;
  readonly reps: number;
  /** Soft wall-time budget per case; repetitions stop early past it (at least one is measured). */
  readonly budgetSeconds: number;
  /** Longest a single run may take before the case is reported as an error. */
  readonly timeoutSeconds: number;
  readonly memory?: number;
  readonly maxInteractions?: number;
}

export interface BenchReport {
  readonly tool: "@hvm/bench";
  readonly version: 1;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly options: BenchOptions;
  readonly machine: MachineInfo;
  readonly runtimes: ReadonlyArray<{ id: string; kind: string; threads?: number; adapter?: AdapterInfo; error?: string }>;
  readonly programs: ReadonlyArray<{ name: string; origin: string; expectedChecksum: string; size?: BookSize }>;
  readonly results: readonly CaseResult[];
}

/** Turns a normal form into its canonical text (the syntax package's printer). */
export type PrintNet = (net: Net) => string;
