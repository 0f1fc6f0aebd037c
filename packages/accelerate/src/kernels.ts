/**
 * Static compilation of marked functions, cached per function source,
 * role, parameter shapes and scope: parse (every unsupported construct at once), shape
 * analysis, and on first compiled run the lowering to an ir book.
 */
import { AccelerateCode, AccelerateError, type AccelerateDiagnostic } from "./errors.js";
import type { AnyExpr, ArrayInput } from "./expr.js";
import { ARITY, isExpr } from "./expr.js";
import { NUM_SHAPE, shapeEquals, showShape, type Kernel, type Shape } from "./kernel.js";
import { lowerKernel, type LoweredKernel } from "./lower.js";
import { parseKernel, type Scope } from "./parse.js";
import { analyzeShapes } from "./shapes.js";
import { checkInput, type CheckedInput } from "./values.js";

export interface CompiledKernel {
  /** The cache key: role, source and scope. */
  readonly key: string;
  readonly kernel: Kernel;
  /** Shape of the marked function's result. */
  readonly shape: Shape;
  /** The ir book, built on first use. */
  lowered(): LoweredKernel;
}

const CACHE_LIMIT = 256;
const cache = new Map<string, CompiledKernel>();

const scopeKey = (scope: Scope): string =>
  Object.keys(scope)
    .sort()
    .map((k) => {
      const v = scope[k];
      return `${k}=${typeof v === "function" ? v.toString() : String(v)}`;
    })
    .join("\u0001");

/** Number of cached kernels (for tests and diagnostics). */
export const cachedKernels = (): number => cache.size;

/** Drop every cached kernel. */
export const clearKernelCache = (): void => cache.clear();

/** The compiled kernel of one marked function for these parameter shapes; throws AccelerateError on static problems. */
export function compileKernel(fn: unknown, role: AnyExpr["kind"], scope: Scope, paramShapes: readonly Shape[]): CompiledKernel {
  const source = typeof fn === "function" ? fn.toString() : String(fn);
  const key = `${role}\u0000${source}\u0000${paramShapes.map(showShape).join(",")}\u0000${scopeKey(scope)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const kernel = parseKernel(fn, role, ARITY[role], scope);
  const { result, arities } = analyzeShapes(kernel, paramShapes);
  let lowered: LoweredKernel | null = null;
  const ck: CompiledKernel = { key, kernel, shape: result, lowered: () => (lowered ??= lowerKernel(kernel, arities)) };
  cache.set(key, ck);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return ck;
}

/** An expression tree checked and compiled: kernels, checked input arrays, element shapes. */
export interface CompiledExpr {
  readonly kernels: ReadonlyMap<AnyExpr, CompiledKernel>;
  readonly inputs: ReadonlyMap<ArrayInput, CheckedInput>;
  /** Element shape of array expressions, result shape of reduce. */
  readonly shapes: ReadonlyMap<AnyExpr, Shape>;
}

const shapeDiag = (fn: string, message: string): AccelerateDiagnostic => ({ code: AccelerateCode.SHAPE, fn, line: 1, col: 1, message });

/**
 * Check the inputs and compile every kernel of an expression tree; all
 * static problems of all kernels are reported together. Input problems
 * (values outside u24, mixed shapes) throw InputError first.
 */
export function compileExpr(expr: AnyExpr, scope: Scope): CompiledExpr {
  const kernels = new Map<AnyExpr, CompiledKernel>();
  const inputs = new Map<ArrayInput, CheckedInput>();
  const shapes = new Map<AnyExpr, Shape>();
  const diags: AccelerateDiagnostic[] = [];
  const shapeOfInput = (input: ArrayInput, what: string): Shape => {
    if (isExpr(input)) return visit(input);
    const checked = checkInput(input, what);
    inputs.set(input, checked);
    return checked.shape;
  };
  const compile = (e: AnyExpr, params: Shape[]): Shape => {
    try {
      const ck = compileKernel(e.fn, e.kind, scope, params);
      kernels.set(e, ck);
      return ck.shape;
    } catch (err) {
      if (!(err instanceof AccelerateError)) throw err;
      diags.push(...err.diagnostics);
      return NUM_SHAPE;
    }
  };
  const visit = (e: AnyExpr): Shape => {
    let shape: Shape;
    switch (e.kind) {
      case "map":
        shape = compile(e, [shapeOfInput(e.input, "map input")]);
        break;
      case "map2":
        shape = compile(e, [shapeOfInput(e.left, "map2 first input"), shapeOfInput(e.right, "map2 second input")]);
        break;
      case "loop":
        shape = compile(e, [NUM_SHAPE]);
        break;
      case "reduce": {
        const init = checkInput([e.init], "reduce init").shape;
        const input = shapeOfInput(e.input, "reduce input");
        const empty = !isExpr(e.input) && inputs.get(e.input)!.values.length === 0;
        const element = empty ? init : input;
        if (!shapeEquals(init, element)) diags.push(shapeDiag("reduce", `init has shape ${showShape(init)} but the elements have ${showShape(element)}`));
        shape = compile(e, [element, element]);
        if (kernels.has(e) && !shapeEquals(shape, element)) {
          diags.push(shapeDiag("reduce", `the operator returns ${showShape(shape)} but the elements are ${showShape(element)}: it must return what it takes`));
        }
        break;
      }
    }
    shapes.set(e, shape);
    return shape;
  };
  visit(expr);
  if (diags.length > 0) throw new AccelerateError(diags);
  return { kernels, inputs, shapes };
}
