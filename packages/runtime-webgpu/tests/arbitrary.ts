/**
 * fast-check arbitraries for random valid books: random trees (all node
 * kinds, OP1 included), variables paired by a seeded shuffle, redexes, and
 * references between definitions (recursion included).
 */
import type { Book, Definition, Tree } from "@hvm/ir";
import fc from "fast-check";

export const NAMES = ["main", "f", "g"];

type Shape = { k: "era" } | { k: "num"; v: number } | { k: "ref"; i: number } | { k: "var" } | { k: "op1"; v: number; r: Shape } | { k: "bin"; t: "ctr" | "op2" | "mat"; label: number; l: Shape; r: Shape };

const shape = fc.letrec<{ tree: Shape }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 4, depthIdentifier: "t" },
    fc.constant<Shape>({ k: "var" }),
    fc.constant<Shape>({ k: "era" }),
    fc.record({ k: fc.constant("num" as const), v: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 0xfffffff })) }),
    fc.record({ k: fc.constant("ref" as const), i: fc.integer({ min: 0, max: NAMES.length - 1 }) }),
    fc.record({ k: fc.constant("op1" as const), v: fc.integer({ min: 0, max: 0xfffffff }), r: tie("tree") }),
    fc.record({ k: fc.constant("bin" as const), t: fc.constantFrom("ctr" as const, "ctr" as const, "op2" as const, "mat" as const), label: fc.integer({ min: 0, max: 2 }), l: tie("tree"), r: tie("tree") }),
    fc.constant<Shape>({ k: "var" }),
  ),
})).tree;

const netShape = fc.record({ root: shape, redexes: fc.array(fc.tuple(shape, shape), { maxLength: 4 }), seed: fc.integer() });

/** Turn shapes into a net: placeholders become variables paired by a seeded shuffle (an odd one out becomes ERA). */
function toDefinition(name: string, s: { root: Shape; redexes: [Shape, Shape][]; seed: number }): Definition {
  let holes = 0;
  const count = (t: Shape): void => {
    if (t.k === "var") holes++;
    else if (t.k === "op1") count(t.r);
    else if (t.k === "bin") (count(t.l), count(t.r));
  };
  count(s.root);
  s.redexes.forEach(([a, b]) => (count(a), count(b)));
  const order = Array.from({ length: holes }, (_, i) => i);
  let x = s.seed >>> 0;
  for (let i = order.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nameOf = new Map<number, string>();
  for (let i = 0; i + 1 < order.length; i += 2) {
    nameOf.set(order[i], `x${i}`);
    nameOf.set(order[i + 1], `x${i}`);
  }
  let hole = 0;
  const build = (t: Shape): Tree => {
    switch (t.k) {
      case "var": {
        const n = nameOf.get(hole++);
        return n === undefined ? { kind: "era" } : { kind: "var", name: n };
      }
      case "era":
        return { kind: "era" };
      case "num":
        return { kind: "num", value: t.v };
      case "ref":
        return { kind: "ref", name: NAMES[t.i] };
      case "op1":
        return { kind: "op1", value: t.v, right: build(t.r) };
      case "bin": {
        const left = build(t.l);
        const right = build(t.r);
        return t.t === "ctr" ? { kind: "ctr", label: t.label, left, right } : { kind: t.t, left, right };
      }
    }
  };
  const root = build(s.root);
  const redexes = s.redexes.map(([a, b]) => ({ left: build(a), right: build(b) }));
  return { name, net: { root, redexes } };
}

export const books = fc.array(netShape, { minLength: NAMES.length, maxLength: NAMES.length }).map((nets): Book => ({ defs: nets.map((n, i) => toDefinition(NAMES[i], n)) }));

