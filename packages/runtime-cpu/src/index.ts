/**
 * @hvm/runtime-cpu: the single-thread reference reducer, the executable spec
 * every other runtime is compared against.
 *
 * - `runtime`  createCpuRuntime (ir's Runtime), runCompiled, runCompiledAsync
 * - `reducer`  Reducer: boot, reduce, expand reachable REFs, readback, stats
 * - `rules`    one function per interaction rule and the dispatcher
 * - `core`     heap, allocator, redex stack, link, instantiate
 * - `errors`   the errors a run can throw
 */
export * from "./runtime.js";
export * from "./reducer.js";
export * from "./rules.js";
export * from "./core.js";
export * from "./errors.js";
