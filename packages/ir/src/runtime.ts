/**
 * The Runtime interface every reducer implements (DESIGN §2).
 */
import type { Book, Net } from "./ast.js";
import type { RuleClass } from "./rules.js";

export interface Progress {
  readonly interactions: number;
  readonly byRule: Record<RuleClass, number>;
  /** Seconds of reduction so far. */
  readonly seconds: number;
  /** Nodes in use now. */
  readonly nodes: number;
}

export interface RunOptions {
  /** Entry definition name (default "main"). */
  entry?: string;
  /** Heap limit in bytes (8 bytes a node). */
  memory?: number;
  /** Stop with InteractionLimitError past this many interactions. */
  maxInteractions?: number;
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
}

export interface RunStats {
  interactions: number;
  byRule: Record<RuleClass, number>;
  /** Reduction only. */
  seconds: number;
  /** Millions of interactions per second of reduction. */
  mips: number;
  peakNodes: number;
}

export interface RunResult {
  /** Normal form, as an AST (canonical names). */
  net: Net;
  stats: RunStats;
}

export interface Runtime {
  readonly name: string;
  run(book: Book, opts?: RunOptions): Promise<RunResult>;
  dispose(): Promise<void>;
}

export const DEFAULT_ENTRY = "main";
/** Default heap limit: 1 GiB (2^27 nodes). */
export const DEFAULT_MEMORY = 1 << 30;
/** Bytes per node. */
export const NODE_BYTES = 8;

export const emptyByRule = (): Record<RuleClass, number> => ({ ANNI: 0, COMM: 0, ERAS: 0, DREF: 0, OPER: 0 });

const SIZE_UNITS: Record<string, number> = { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/**
 * A memory size as users write it for `memory`: `512K`, `512M`, `4G`,
 * `1.5G` or a number of bytes (binary units; an optional `B`/`iB` suffix).
 * Returns the bytes, or undefined when the text is not a size or is below
 * one node (NODE_BYTES).
 */
export function parseMemorySize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?$/i.exec(text.trim());
  if (!m) return undefined;
  const bytes = Math.floor(Number(m[1]) * SIZE_UNITS[m[2].toUpperCase()]);
  return Number.isSafeInteger(bytes) && bytes >= NODE_BYTES ? bytes : undefined;
}
