/**
 * The parallel reducer's pure core: cell form, concurrent take/link, rules,
 * the hot loop,
 * the worker loop and readback. No Node APIs; the Node edge is ./node.
 */
export { Ctl, QUEUE_PAIRS, Stat, StopCode, createSharedState, type SharedState } from "./core/layout.js";
export { Machine, toCellBook, toCellDef, type CellDef } from "./core/machine.js";
export { link } from "./core/link.js";
export { reduceSome } from "./core/loop.js";
export { WorkerLoop, createWorkerHandler, type HostMessage, type WorkerMessage } from "./core/scheduler.js";
export { expandReachable, follow, readNet } from "./core/walk.js";
