/**
 * The parallel reducer's pure core: cell form, the shared memory layout,
 * the wasm kernel (rules, linking and the hot loop), the worker loop and
 * readback. No Node APIs; the Node edge is ./node.
 */
export { Ctl, QUEUE_PAIRS, Stat, StopCode, createSharedState, type SharedState } from "./core/layout.js";
export { Machine, TypeStop, toCellBook, toCellDef, type CellDef } from "./core/machine.js";
export { WorkerLoop, createWorkerHandler, type HostMessage, type WorkerMessage } from "./core/scheduler.js";
export { expandReachable, follow, readNet } from "./core/walk.js";
