/**
 * Static shape analysis of a kernel: numbers flow through operators,
 * conditions and calls; fixed-size arrays (tuples) may be bound with const,
 * chosen between by a condition, read by a literal index and returned. Every misuse is a
 * diagnostic; the shape of the marked function's result is what readback
 * expects at each element.
 */
import { AccelerateCode, AccelerateError, type AccelerateDiagnostic } from "./errors.js";
import { NUM_SHAPE, shapeEquals, showShape, type KExpr, type KFunction, type Kernel, type Shape } from "./kernel.js";

/** Unknown while a recursive call is being analysed. */
type MaybeShape = Shape | null;

interface Scope {
  readonly name: string;
  readonly shape: MaybeShape;
  readonly next: Scope | null;
}

export interface ShapeInfo {
  /** Shape of the marked function's result. */
  readonly result: Shape;
  /** Length of the array each `t[i]` reads from (lowering needs it). */
  readonly arities: ReadonlyMap<KExpr, number>;
}

/**
 * Shapes given the marked function's parameter shapes (scope functions take
 * numbers). Throws AccelerateError on misuse.
 */
export function analyzeShapes(kernel: Kernel, paramShapes: readonly Shape[] = []): ShapeInfo {
  const diags: AccelerateDiagnostic[] = [];
  const arities = new Map<KExpr, number>();
  const results = new Map<KFunction, MaybeShape>();
  const inProgress = new Set<KFunction>();
  const report = (f: KFunction, e: KExpr, message: string): void => {
    if (!diags.some((d) => d.fn === f.name && d.line === e.loc.line && d.col === e.loc.col)) {
      diags.push({ code: AccelerateCode.SHAPE, fn: f.name, line: e.loc.line, col: e.loc.col, message });
    }
  };

  const fnShape = (f: KFunction): MaybeShape => {
    if (results.has(f)) return results.get(f)!;
    if (inProgress.has(f)) return null;
    inProgress.add(f);
    let scope: Scope | null = null;
    f.params.forEach((p, i) => (scope = { name: p, shape: (f === kernel.main ? paramShapes[i] : undefined) ?? NUM_SHAPE, next: scope }));
    const s = shapeOf(f, f.body, scope);
    inProgress.delete(f);
    results.set(f, s);
    return s;
  };

  const needNum = (f: KFunction, e: KExpr, scope: Scope | null, what: string): void => {
    const s = shapeOf(f, e, scope);
    if (s !== null && s.k !== "num") report(f, e, `${what} must be a number, this is an array ${showShape(s)}: arrays can only be bound with const and returned`);
  };

  const shapeOf = (f: KFunction, e: KExpr, scope: Scope | null): MaybeShape => {
    switch (e.k) {
      case "num":
        return NUM_SHAPE;
      case "var": {
        for (let s = scope; s !== null; s = s.next) if (s.name === e.name) return s.shape;
        return NUM_SHAPE;
      }
      case "bin":
        needNum(f, e.a, scope, `the left operand of ${e.op}`);
        needNum(f, e.b, scope, `the right operand of ${e.op}`);
        return NUM_SHAPE;
      case "un":
      case "floor":
        needNum(f, e.a, scope, "the operand");
        return NUM_SHAPE;
      case "cond": {
        needNum(f, e.test, scope, "the condition");
        const a = shapeOf(f, e.then, scope);
        const b = shapeOf(f, e.else, scope);
        if (a !== null && b !== null && !shapeEquals(a, b)) {
          report(f, e, `the branches have different shapes (${showShape(a)} and ${showShape(b)}): every branch must return the same shape`);
        }
        return a ?? b;
      }
      case "let":
        return shapeOf(f, e.body, { name: e.name, shape: shapeOf(f, e.value, scope), next: scope });
      case "tuple": {
        const items: Shape[] = [];
        let known = true;
        for (const x of e.items) {
          const s = shapeOf(f, x, scope);
          if (s === null) known = false;
          else items.push(s);
        }
        return known ? { k: "tuple", items } : null;
      }
      case "index": {
        const t = shapeOf(f, e.a, scope);
        if (t === null) return null;
        if (t.k !== "tuple" || e.i >= t.items.length) {
          report(f, e, `[${e.i}] reads ${t.k === "num" ? "a number" : `an array of ${t.items.length}`}: only items 0..n-1 of fixed-size arrays can be read`);
          return NUM_SHAPE;
        }
        arities.set(e, t.items.length);
        return t.items[e.i];
      }
      case "call": {
        e.args.forEach((a, i) => needNum(f, a, scope, `argument ${i + 1} of ${e.fn}`));
        const g = kernel.fns.get(e.fn);
        return g ? fnShape(g) : NUM_SHAPE;
      }
    }
  };

  for (const g of kernel.fns.values()) fnShape(g);
  const result = fnShape(kernel.main) ?? NUM_SHAPE;
  if (diags.length > 0) throw new AccelerateError(diags);
  return { result, arities };
}
