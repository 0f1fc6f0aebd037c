/**
 * The parallel reducer's pure core: cell form, concurrent take/link, rules,
 * the worker loop and readback. No Node APIs; the Node edge is ./node.
 */
export { toCellBook, toCellDef, type CellDef } from "./core/cellform.js";
export { Ctl, QUEUE_PAIRS, Stat, StopCode, createSharedState, type SharedState } from "./core/layout.js";
export { Machine } from "./core/machine.js";
export { interact } from "./core/rules.js";
export { WorkerLoop } from "./core/scheduler.js";
export { createWorkerHandler } from "./core/serve.js";
export type { HostMessage, WorkerMessage } from "./core/protocol.js";
export { expandReachable, follow, readNet } from "./core/walk.js";
