import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ROOT_PORT, arrayHeap, canonicalize, compileNet, ctr, era, isVar, mat, netEquals, num, op1, op2, readback, ref, shiftPort, slotOf, tagOf, v,
  validateNet, type Net, type Tree,
} from "../src/index.js";

// Random closed nets whose redexes join two trees (no `& x ~ T` links, which
// compileNet resolves away): compiling, instantiating and reading back must
// give the same net up to canonical variable names.
type Shape =
  | { k: "leaf"; leaf: "era" | "var" | "const"; n: number }
  | { k: "ctr"; label: number; l: Shape; r: Shape }
  | { k: "op2" | "mat"; l: Shape; r: Shape }
  | { k: "op1"; n: number; r: Shape };

const numArb = fc.oneof(fc.constant(0), fc.constant(2 ** 28 - 1), fc.integer({ min: 0, max: 2 ** 28 - 1 }));
const { shape, node } = fc.letrec<{ shape: Shape; node: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ k: fc.constant("leaf" as const), leaf: fc.constantFrom("era" as const, "var" as const, "var" as const, "const" as const), n: numArb }),
    tie("node"),
  ),
  node: fc.oneof(
    fc.record({ k: fc.constant("ctr" as const), label: fc.integer({ min: 0, max: 5 }), l: tie("shape"), r: tie("shape") }),
    fc.record({ k: fc.constantFrom("op2" as const, "mat" as const), l: tie("shape"), r: tie("shape") }),
    fc.record({ k: fc.constant("op1" as const), n: numArb, r: tie("shape") }),
  ),
}));

const NAMES = ["f", "g"];

function build(root: Shape, redexes: Array<[Shape, Shape]>, seed: number): Net {
  const shapes = [root, ...redexes.flat()];
  let vars = 0;
  const count = (s: Shape): void => {
    if (s.k === "leaf") vars += s.leaf === "var" ? 1 : 0;
    else {
      if ("l" in s) count(s.l);
      count(s.r);
    }
  };
  shapes.forEach(count);
  const order = Array.from({ length: vars }, (_, i) => i);
  let x = seed;
  for (let i = order.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nameOf = new Map<number, string>();
  for (let i = 0; i + 1 < order.length; i += 2) {
    nameOf.set(order[i], `w${i}`);
    nameOf.set(order[i + 1], `w${i}`);
  }
  let next = 0;
  const tree = (s: Shape): Tree => {
    switch (s.k) {
      case "leaf": {
        if (s.leaf === "era") return era();
        if (s.leaf === "const") return s.n % 3 === 0 ? num(s.n) : ref(NAMES[s.n % 2]);
        const name = nameOf.get(next++);
        return name === undefined ? era() : v(name);
      }
      case "ctr":
        return ctr(s.label, tree(s.l), tree(s.r));
      case "op2":
        return op2(tree(s.l), tree(s.r));
      case "mat":
        return mat(tree(s.l), tree(s.r));
      case "op1":
        return op1(s.n, tree(s.r));
    }
  };
  const rootTree = tree(root);
  return { root: rootTree, redexes: redexes.map(([l, r]) => ({ left: tree(l), right: tree(r) })) };
}

const netArb = fc
  .record({ root: shape, redexes: fc.array(fc.tuple(node, node), { maxLength: 3 }), seed: fc.nat() })
  .map(({ root, redexes, seed }) => build(root, redexes, seed));

describe("compileNet then readback (fast-check)", () => {
  it("gives back the same net up to canonical names", () => {
    const index = new Map(NAMES.map((n, i) => [n, i]));
    fc.assert(
      fc.property(netArb, (n) => {
        expect(validateNet(n, (name) => index.has(name))).toEqual([]);
        const c = compileNet("t", n, index);
        const heap = new Uint32Array(2 * (c.size + 1));
        for (let i = 0; i < c.nodes.length; i++) heap[2 + i] = shiftPort(c.nodes[i], 1);
        heap[1] = shiftPort(c.root, 1);
        // The slot wired to the root holds ERA until instantiation links it.
        if (isVar(tagOf(heap[1]))) heap[slotOf(heap[1])] = ROOT_PORT;
        const redexes = Array.from(c.redexes, (p) => shiftPort(p, 1));
        const back = readback(arrayHeap(heap), NAMES, redexes);
        expect(netEquals(canonicalize(back), canonicalize(n))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
