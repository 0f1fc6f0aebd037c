/**
 * `@hvm/runtime-cpu/internal`: the reducer's building blocks, for this
 * project's tests and benchmarks. Not a stable API: anything here may change
 * in a patch release. Users want `@hvm/runtime-cpu` (createCpuRuntime,
 * runCompiled) instead.
 *
 * - `reducer`  Reducer: boot, reduce, expand reachable REFs, readback, stats
 * - `rules`    one function per interaction rule
 * - `dispatch` the single dispatcher and hot loop (reduceChunk)
 * - `core`     heap, free list, redex stack, alloc, free, link, expand
 */
export * from "./reducer.js";
export * from "./rules.js";
export * from "./dispatch.js";
export * from "./core.js";
