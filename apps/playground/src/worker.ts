/**
 * The CPU worker: runs the reference reducer off the page's thread, so the
 * page never freezes; the page stops a run by terminating this worker.
 */
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { evaluate } from "./evaluate.js";
import { toFailure, type RunRequest, type WorkerReply } from "./protocol.js";

const PROGRESS_INTERVAL_MS = 100;

const post = (reply: WorkerReply): void => (self as unknown as Worker).postMessage(reply);

self.addEventListener("message", (ev: MessageEvent<RunRequest>) => {
  const req = ev.data;
  const rt = createCpuRuntime();
  let last = 0;
  evaluate(rt, req.source, {
    file: req.file,
    entry: req.entry,
    maxInteractions: req.maxInteractions,
    memory: req.memory,
    onProgress: (progress) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      post({ type: "progress", progress });
    },
  })
    .then((outcome) => post({ type: "done", outcome }))
    .catch((e: unknown) => post({ type: "failed", failure: toFailure(e) }))
    .finally(() => void rt.dispose());
});
