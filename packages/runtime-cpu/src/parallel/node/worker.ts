/**
 * Worker thread entry (Node edge): forwards host messages to the pure
 * worker handler and posts its replies.
 */
import { parentPort } from "node:worker_threads";
import { type HostMessage, createWorkerHandler } from "../core/scheduler.js";

const port = parentPort;
if (port) {
  const handle = createWorkerHandler();
  port.on("message", (msg: HostMessage) => {
    const reply = handle(msg);
    if (reply) port.postMessage(reply);
  });
  port.postMessage({ type: "ready" });
}
