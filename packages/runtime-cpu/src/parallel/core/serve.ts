/**
 * The worker side of the protocol, independent of how messages travel
 * (worker_threads in Node, a Web Worker elsewhere).
 */
import type { HostMessage, WorkerMessage } from "./protocol.js";
import { WorkerLoop } from "./scheduler.js";

/** A message handler holding the worker's state between messages. */
export function createWorkerHandler(): (msg: HostMessage) => WorkerMessage | undefined {
  let loop: WorkerLoop | undefined;
  return (msg) => {
    try {
      if (msg.type === "run") {
        loop = new WorkerLoop(msg.state, msg.defs, msg.id, msg.maxInteractions);
        return undefined;
      }
      if (!loop) return { type: "crash", message: "round before run" };
      return { type: "done", stop: loop.round(msg.redexes) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return { type: "crash", message: err.message, stack: err.stack };
    }
  };
}
