/**
 * Node edge of @hvm/runtime-cpu's parallel reducer (`@hvm/runtime-cpu/node`):
 * worker_threads, os and fs live only here.
 */
export { createParallelCpuRuntime, type ParallelCpuOptions, type ParallelCpuRuntime } from "./runtime.js";
export { PREBUILT_WORKER, workerScript } from "./pool.js";
