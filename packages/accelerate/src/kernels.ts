/**
 * Static compilation of marked functions, cached per function source,
 * role and scope: parse (every unsupported construct at once), shape
 * analysis, and on first compiled run the lowering to an ir book.
 */
import { AccelerateError, type AccelerateDiagnostic } from "./errors.js";
import type { AnyExpr } from "./expr.js";
import { ARITY, isExpr } from "./expr.js";
import type { Kernel, Shape } from "./kernel.js";
import { lowerKernel, type LoweredKernel } from "./lower.js";
import { parseKernel, type Scope } from "./parse.js";
import { analyzeShapes } from "./shapes.js";

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

/** The compiled kernel of one marked function; throws AccelerateError on static problems. */
export function compileKernel(fn: unknown, role: AnyExpr["kind"], scope: Scope): CompiledKernel {
  const key = `${role}\u0000${typeof fn === "function" ? fn.toString() : String(fn)}\u0000${scopeKey(scope)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const kernel = parseKernel(fn, role, ARITY[role], scope);
  const shape = analyzeShapes(kernel);
  let lowered: LoweredKernel | null = null;
  const ck: CompiledKernel = { key, kernel, shape, lowered: () => (lowered ??= lowerKernel(kernel)) };
  cache.set(key, ck);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return ck;
}

/** The sub-expressions an expression reads from (inner array expressions). */
export function innerExprs(e: AnyExpr): AnyExpr[] {
  const ins = e.kind === "map" || e.kind === "reduce" ? [e.input] : e.kind === "map2" ? [e.left, e.right] : [];
  return ins.filter(isExpr) as AnyExpr[];
}

/** Compile every kernel of an expression tree, reporting all static problems of all kernels together. */
export function compileExpr(expr: AnyExpr, scope: Scope): Map<AnyExpr, CompiledKernel> {
  const out = new Map<AnyExpr, CompiledKernel>();
  const diags: AccelerateDiagnostic[] = [];
  const stack: AnyExpr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    try {
      out.set(e, compileKernel(e.fn, e.kind, scope));
    } catch (err) {
      if (!(err instanceof AccelerateError)) throw err;
      diags.push(...err.diagnostics);
    }
    stack.push(...innerExprs(e));
  }
  for (const [e, ck] of out) {
    for (const inner of innerExprs(e)) {
      const s = out.get(inner)?.shape;
      if (s && s.k !== "num") {
        diags.push({ code: "E_ACC_SHAPE", fn: e.kind, line: 1, col: 1, message: `its input is an expression producing arrays: ${e.kind} inputs must be numbers` });
      }
    }
    if (e.kind === "reduce" && ck.shape.k !== "num") {
      diags.push({ code: "E_ACC_SHAPE", fn: "reduce", line: 1, col: 1, message: "the reduce operator must return a number" });
    }
  }
  if (diags.length > 0) throw new AccelerateError(diags);
  return out;
}
