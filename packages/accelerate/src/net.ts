/**
 * Expression -> book with an `@main` that applies the kernels to the data,
 * and normal form -> JS value. Elements are independent redexes; results
 * are gathered in a balanced tree of CON nodes, and reduce combines as a
 * balanced tree too, so every reducer sees parallel work from the start:
 *
 *   map(f, [1, 2, 3])     @main = (a (b c))
 *                           & @f ~ (#1 a)
 *                           & @f ~ (#2 b)
 *                           & @f ~ (#3 c)
 *
 *   reduce(op, 0, [1, 2, 3])   op(0, op(1, op(2, 3)))
 *
 * Array elements go in as Scott tuples, as results come out.
 */
import { con, era, mapNet, num, ref, v, withChildren, type Book, type Definition, type Net, type Redex, type Tree } from "@hvm/ir";
import { InputError, ResultShapeError } from "./errors.js";
import type { AnyExpr, ArrayInput } from "./expr.js";
import { isExpr } from "./expr.js";
import type { Shape } from "./kernel.js";
import type { CompiledExpr, CompiledKernel } from "./kernels.js";
import { checkInput, showValue, type Value } from "./values.js";

/** A book to run and how to read its normal form back. */
export interface Plan {
  readonly book: Book;
  decode(net: Net): unknown;
}

/** Build the book for a compiled expression. */
export function buildPlan(expr: AnyExpr, compiled: CompiledExpr): Plan {
  const { kernels, inputs, shapes } = compiled;
  const redexes: Redex[] = [];
  let vars = 0;
  const defs: Definition[] = [];
  const entries = new Map<CompiledKernel, string>();
  const distinct = new Set(kernels.values());
  const entryOf = (ck: CompiledKernel): string => {
    const known = entries.get(ck);
    if (known !== undefined) return known;
    const { book, entry } = ck.lowered();
    const prefix = distinct.size > 1 ? `k${entries.size}_` : "";
    const rename = (name: string): string => `${prefix}${name}`;
    for (const d of book.defs) {
      const net = prefix === "" ? d.net : mapNet(d.net, (t, kids) => (t.kind === "ref" ? ref(rename(t.name)) : withChildren(t, kids)));
      defs.push({ name: rename(d.name), net });
    }
    entries.set(ck, rename(entry));
    return rename(entry);
  };
  /** `& @f ~ (a0 (a1 .. r))`: the result wire r. */
  const apply = (f: string, args: Tree[]): Tree => {
    const r = `r${vars++}`;
    const app = args.reduceRight<Tree>((acc, a) => con(a, acc), v(r));
    redexes.push({ left: ref(f), right: app });
    return v(r);
  };
  /** A number, or the Scott tuple `((a (b .. r)) r)` of `λc (c a b ..)`. */
  const valueTree = (x: Value): Tree => {
    if (typeof x === "number") return num(x);
    const r = `r${vars++}`;
    return con(
      x.reduceRight<Tree>((acc, item) => con(valueTree(item), acc), v(r)),
      v(r),
    );
  };
  const elements = (input: ArrayInput, what: string): Tree[] => {
    if (isExpr(input)) return arrayElements(input);
    return (inputs.get(input) ?? checkInput(input, what)).values.map(valueTree);
  };
  const arrayElements = (e: AnyExpr): Tree[] => {
    const f = entryOf(kernels.get(e)!);
    switch (e.kind) {
      case "map":
        return elements(e.input, "map input").map((x) => apply(f, [x]));
      case "map2": {
        const xs = elements(e.left, "map2 first input");
        const ys = elements(e.right, "map2 second input");
        if (xs.length !== ys.length) throw new InputError(`map2 inputs must have equal lengths, got ${xs.length} and ${ys.length}`);
        return xs.map((x, i) => apply(f, [x, ys[i]]));
      }
      case "loop":
        return loopIndices(e.n).map((i) => apply(f, [num(i)]));
      case "reduce":
        throw new InputError("reduce produces a number, not an array: it can only be the outermost expression");
    }
  };

  let root: Tree;
  let decode: (net: Net) => unknown;
  if (expr.kind === "reduce") {
    const f = entryOf(kernels.get(expr)!);
    const xs = elements(expr.input, "reduce input");
    const init = valueTree(checkInput([expr.init], "reduce init").values[0]);
    const combine = (lo: number, hi: number): Tree => (hi - lo === 1 ? xs[lo] : apply(f, [combine(lo, mid(lo, hi)), combine(mid(lo, hi), hi)]));
    root = xs.length === 0 ? init : apply(f, [init, combine(0, xs.length)]);
    const shape = shapes.get(expr)!;
    decode = (net) => decodeValue(checkDone(net).root, shape);
  } else {
    const ys = arrayElements(expr);
    const shape = shapes.get(expr)!;
    const gather = (lo: number, hi: number): Tree => (hi - lo === 1 ? ys[lo] : con(gather(lo, mid(lo, hi)), gather(mid(lo, hi), hi)));
    root = ys.length === 0 ? era() : gather(0, ys.length);
    decode = (net) => decodeArray(checkDone(net).root, ys.length, shape);
  }
  return { book: { defs: [{ name: "main", net: { root, redexes } }, ...defs] }, decode };
}

const mid = (lo: number, hi: number): number => lo + ((hi - lo) >> 1);

/** `[0, 1, ..., n - 1]` after checking n. */
export function loopIndices(n: number): number[] {
  if (!Number.isInteger(n) || n < 0 || n > 0x1000000) throw new InputError(`loop count must be an integer 0..16777216, got ${showValue(n)}`);
  return Array.from({ length: n }, (_, i) => i);
}

function checkDone(net: Net): Net {
  if (net.redexes.length > 0) throw new ResultShapeError(`${net.redexes.length} redexes remain in the normal form`);
  return net;
}

/** Read n elements from the balanced CON tree `gather` built. */
export function decodeArray(root: Tree, n: number, shape: Shape): unknown[] {
  if (n === 0) return [];
  const out: unknown[] = new Array(n);
  const stack: Array<[Tree, number, number]> = [[root, 0, n]];
  while (stack.length > 0) {
    const [t, lo, hi] = stack.pop()!;
    if (hi - lo === 1) {
      out[lo] = decodeValue(t, shape);
      continue;
    }
    if (t.kind !== "ctr" || t.label !== 0) throw new ResultShapeError(`expected a pair of results for elements ${lo}..${hi - 1}, found ${t.kind}`);
    stack.push([t.left, lo, mid(lo, hi)], [t.right, mid(lo, hi), hi]);
  }
  return out;
}

/** A number, or the Scott tuple `((a (b .. r)) r)` of `λc (c a b ..)`. */
export function decodeValue(t: Tree, shape: Shape): unknown {
  if (shape.k === "num") {
    if (t.kind !== "num") throw new ResultShapeError(`expected a number, found ${t.kind}`);
    return t.value;
  }
  if (t.kind !== "ctr" || t.label !== 0 || t.right.kind !== "var") throw new ResultShapeError(`expected a tuple of ${shape.items.length}, found ${t.kind}`);
  const out: unknown[] = [];
  let cur = t.left;
  for (const item of shape.items) {
    if (cur.kind !== "ctr" || cur.label !== 0) throw new ResultShapeError(`expected a tuple of ${shape.items.length}, found a shorter one`);
    out.push(decodeValue(cur.left, item));
    cur = cur.right;
  }
  if (cur.kind !== "var" || cur.name !== t.right.name) throw new ResultShapeError(`expected a tuple of ${shape.items.length}, found a longer one`);
  return out;
}
