/**
 * Messages between the host (the thread that called run) and its workers.
 * The heap, control block and statistics are SharedArrayBuffers; messages
 * only start runs and rounds and report how a round ended.
 */
import type { CellDef } from "./cellform.js";
import type { SharedState } from "./layout.js";

export type HostMessage =
  /** A new run: build a WorkerLoop over these buffers. maxInteractions < 0: no limit. */
  | { type: "run"; state: SharedState; defs: CellDef[]; id: number; maxInteractions: number }
  /** Reduce these redexes (pairs of main ports) and everything they lead to. */
  | { type: "round"; redexes: Int32Array };

export type WorkerMessage =
  /** The worker has started and listens. */
  | { type: "ready" }
  /** The round is over for this worker; `stop` is the StopCode it raised (0: none). */
  | { type: "done"; stop: number }
  /** An unexpected failure inside the worker (a bug): its message and stack. */
  | { type: "crash"; message: string; stack?: string };

