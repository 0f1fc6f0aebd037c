/**
 * @hvm/runtime-cpu: the single-thread reference reducer, the executable spec
 * every other runtime is compared against.
 *
 * - `runtime`  createCpuRuntime (ir's Runtime), runCompiled, runCompiledAsync
 * - `errors`   the errors a run can throw
 *
 * The reducer's building blocks (Reducer, the rule functions and dispatcher,
 * the heap core) are not public API: they live in `./internal.js`, exported
 * as `@hvm/runtime-cpu/internal` for this project's tests and benchmarks.
 */
export * from "./runtime.js";
export * from "./errors.js";
