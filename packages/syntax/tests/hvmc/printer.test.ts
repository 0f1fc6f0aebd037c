import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bookEquals, canonicalize, con, ctr, dup, era, mat, num, op1, op2, ref, v, validateBook,
  type Book, type Net, type Tree,
} from "@hvm/ir";
import { parseBook, printBook, printNet, printTree } from "../../src/index.js";

describe("printTree", () => {
  it("prints each tree form", () => {
    expect(printTree(era())).toBe("*");
    expect(printTree(ref("f.x"))).toBe("@f.x");
    expect(printTree(num(0x1f))).toBe("#31");
    expect(printTree(con(v("a"), dup(v("b"), ctr(4, v("c"), ctr(0, v("d"), ctr(1, v("e"), v("f")))))))).toBe("(a [b {4 c (d [e f])}])");
    expect(printTree(op2(num(1), op1(5, v("r"))))).toBe("<#1 <!#5 r>>");
    expect(printTree(mat(con(num(0), era()), v("r")))).toBe("?(#0 *) r");
  });
});

describe("printNet and printBook", () => {
  it("renames variables in order of first appearance, root first, then redexes left to right", () => {
    const net = parseNet2("(out (x y)) & y ~ [p q] & #1 ~ <x <q p>>");
    expect(printNet(net)).toBe("(a (b c))\n  & c ~ [d e]\n  & #1 ~ <b <e d>>");
  });

  it("prints a book one definition per line with a final newline", () => {
    const src = "// a book\n@main = r & @id ~ (#0x3 r)\n\n\n@id = {0 k k}\n@dup = {1 a b} & {2 a b} ~ *";
    expect(printBook(parseBook(src))).toBe("@main = a\n  & @id ~ (#3 a)\n@id = (a a)\n@dup = [a b]\n  & {2 a b} ~ *\n");
  });

  it("names variables past z as aa, ab, ...", () => {
    const names = Array.from({ length: 28 }, (_, i) => `v${i}`);
    const root = names.reduceRight<Tree>((acc, n) => con(v(n), acc), era());
    const redexes = names.map((n) => ({ left: v(n), right: era() }));
    const out = printNet({ root, redexes });
    expect(out.split("\n")[0]).toBe("(a (b (c (d (e (f (g (h (i (j (k (l (m (n (o (p (q (r (s (t (u (v (w (x (y (z (aa (ab *))))))))))))))))))))))))))))");
  });

  it("prints an empty book as the empty string", () => {
    expect(printBook({ defs: [] })).toBe("");
  });
});

// Random valid books: trees over labels 0..5, numbers including 0 and
// 2^28-1, references to existing definitions, each variable exactly twice.
type Shape =
  | { k: "era" }
  | { k: "var" }
  | { k: "num"; n: number }
  | { k: "ref"; i: number }
  | { k: "ctr"; label: number; l: Shape; r: Shape }
  | { k: "op2"; l: Shape; r: Shape }
  | { k: "op1"; n: number; r: Shape }
  | { k: "mat"; l: Shape; r: Shape };

const numArb = fc.oneof(fc.constant(0), fc.constant(2 ** 28 - 1), fc.integer({ min: 0, max: 2 ** 28 - 1 }));
const { shape } = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant<Shape>({ k: "var" }),
    fc.constant<Shape>({ k: "era" }),
    numArb.map<Shape>((n) => ({ k: "num", n })),
    fc.nat().map<Shape>((i) => ({ k: "ref", i })),
    fc.record({ k: fc.constant("ctr" as const), label: fc.integer({ min: 0, max: 5 }), l: tie("shape"), r: tie("shape") }),
    fc.record({ k: fc.constant("op2" as const), l: tie("shape"), r: tie("shape") }),
    fc.record({ k: fc.constant("op1" as const), n: numArb, r: tie("shape") }),
    fc.record({ k: fc.constant("mat" as const), l: tie("shape"), r: tie("shape") }),
  ),
}));

const netShape = fc.record({
  root: shape,
  redexes: fc.array(fc.tuple(shape, shape), { maxLength: 4 }),
  prefix: fc.stringMatching(/^[A-Za-z0-9_.]{1,3}$/),
  seed: fc.nat(),
});

function buildNet(s: { root: Shape; redexes: Array<[Shape, Shape]>; prefix: string; seed: number }, defs: string[]): Net {
  const vars: number[] = [];
  let count = 0;
  const shapes = [s.root, ...s.redexes.flat()];
  const walk = (x: Shape): void => {
    if (x.k === "var") vars.push(count++);
    if ("l" in x) walk(x.l);
    if ("r" in x) walk(x.r);
  };
  shapes.forEach(walk);
  // Pair the variable occurrences by a seeded shuffle; an odd one out becomes `*`.
  let seed = s.seed;
  for (let i = vars.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [vars[i], vars[j]] = [vars[j], vars[i]];
  }
  const nameOf = new Map<number, string>();
  for (let i = 0; i + 1 < vars.length; i += 2) {
    nameOf.set(vars[i], `${s.prefix}${i >> 1}`);
    nameOf.set(vars[i + 1], `${s.prefix}${i >> 1}`);
  }
  let next = 0;
  const build = (x: Shape): Tree => {
    switch (x.k) {
      case "era":
        return era();
      case "var": {
        const name = nameOf.get(next++);
        return name === undefined ? era() : v(name);
      }
      case "num":
        return num(x.n);
      case "ref":
        return ref(defs[x.i % defs.length]);
      case "ctr":
        return ctr(x.label, build(x.l), build(x.r));
      case "op2":
        return op2(build(x.l), build(x.r));
      case "op1":
        return op1(x.n, build(x.r));
      case "mat":
        return mat(build(x.l), build(x.r));
    }
  };
  const root = build(s.root);
  return { root, redexes: s.redexes.map(([l, r]) => ({ left: build(l), right: build(r) })) };
}

const bookArb = fc
  .record({
    names: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_.]{1,6}$/), { minLength: 1, maxLength: 4 }),
    nets: fc.array(netShape, { minLength: 4, maxLength: 4 }),
  })
  .map(({ names, nets }): Book => ({ defs: names.map((name, i) => ({ name, net: buildNet(nets[i], names) })) }))
  .filter((b) => validateBook(b).length === 0);

const canonicalBook = (b: Book): Book => ({ defs: b.defs.map((d) => ({ name: d.name, net: canonicalize(d.net) })) });

describe("round trip (fast-check)", () => {
  it("parseBook(printBook(b)) equals the canonicalized book, and printing is idempotent", () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const text = printBook(b);
        const back = parseBook(text);
        expect(bookEquals(back, canonicalBook(b))).toBe(true);
        expect(printBook(back)).toBe(text);
        expect(validateBook(back)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

function parseNet2(src: string): Net {
  return parseBook(`@n = ${src}`).defs[0].net;
}
