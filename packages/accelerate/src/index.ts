/**
 * @hvm/accelerate: data-parallel map/map2/reduce/loop over arrow functions,
 * compiled to interaction nets and reduced on the WebGPU or CPU reducers.
 *
 *   const ys = await accelerate(map((x) => x * 2 + 1, [1, 2, 3]));   // [3, 5, 7]
 */
export { accelerate, accelerateRun, explain, type Accelerate, type AccelerateOptions, type AccelerateRun, type Mode } from "./accelerate.js";
export { map, map2, reduce, loop, isExpr, type AnyExpr, type ArrayExpr, type ArrayInput, type Expr, type ResultOf } from "./expr.js";
export {
  AccelerateCode,
  AccelerateError,
  DebugCheckError,
  InputError,
  MissingRuntimeError,
  NoAdapterError,
  ResultShapeError,
  formatDiagnostic,
  type AccelerateDiagnostic,
} from "./errors.js";
export { disposeRuntimes, hasGpuAdapter, registerProviders, type Providers } from "./backends.js";
export { cachedKernels, clearKernelCache } from "./kernels.js";
export type { Scope } from "./parse.js";
export { U24_MAX } from "./values.js";
