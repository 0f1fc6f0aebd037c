/**
 * Messages between the page and the CPU worker, and the outcome of a run
 * on either runtime.
 */
import type { Diagnostic, Net, Progress, RunStats } from "@hvm/ir";

export interface RunRequest {
  readonly type: "run";
  readonly source: string;
  readonly file: string;
  readonly entry: string;
  readonly maxInteractions?: number;
  /** Heap limit in bytes. */
  readonly memory?: number;
}

/** A finished run: the normal form, its stats, and the nets to draw. */
export interface RunOutcome {
  readonly runtime: string;
  readonly normalForm: string;
  readonly stats: RunStats;
  /** The entry definition as written. */
  readonly before: Net;
  readonly after: Net;
}

/** Why a run produced no normal form. */
export interface RunFailure {
  readonly code: string;
  readonly message: string;
  /** Source problems, located; empty for runtime errors. */
  readonly diagnostics: readonly Diagnostic[];
}

export type WorkerReply =
  | { readonly type: "progress"; readonly progress: Progress }
  | { readonly type: "done"; readonly outcome: RunOutcome }
  | { readonly type: "failed"; readonly failure: RunFailure };

/** Turn anything thrown into a RunFailure (ValidationError carries diagnostics). */
export function toFailure(e: unknown): RunFailure {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const diagnostics = "diagnostics" in e && Array.isArray(e.diagnostics) ? (e.diagnostics as Diagnostic[]) : [];
    return { code: String(e.code), message: String(e.message), diagnostics };
  }
  return { code: "E_INTERNAL", message: e instanceof Error ? e.message : String(e), diagnostics: [] };
}
