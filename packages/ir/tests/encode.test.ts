import { describe, expect, it } from "vitest";
import {
  ErrorCode, Tag, ValidationError, compileBook, compileNet, con, dup, era, mat, num, op1, op2, port, ref, shiftPort, v,
  type Net, type Tree,
} from "../src/index.js";

const net = (root: Tree, ...redexes: Array<[Tree, Tree]>): Net => ({ root, redexes: redexes.map(([left, right]) => ({ left, right })) });
const NO_REFS = new Map<string, number>();
const compiled = (n: Net, index: ReadonlyMap<string, number> = NO_REFS) => {
  const c = compileNet("t", n, index);
  return { nodes: [...c.nodes], redexes: [...c.redexes], root: c.root, size: c.size };
};

// Port shorthands: VR1/VR2 of a node, CTi/OP2/OP1/MAT main ports, numbers.
const vr1 = (n: number) => port(Tag.VR1, n);
const vr2 = (n: number) => port(Tag.VR2, n);
const ct = (l: number, n: number) => port(Tag.CT0 + l, n);
const N = (x: number) => port(Tag.NUM, x);
const ERA = Tag.ERA as number;

describe("compileNet", () => {
  it("(a a): one node, its two aux ports wired to each other", () => {
    expect(compiled(net(con(v("a"), v("a"))))).toEqual({ nodes: [vr2(0), vr1(0)], redexes: [], root: ct(0, 0), size: 1 });
  });

  it("a & #1 ~ <#10 <#2 a>>: nodes in pre-order, the slot wired to the root holds ERA", () => {
    expect(compiled(net(v("a"), [num(1), op2(num(10), op2(num(2), v("a")))]))).toEqual({
      nodes: [N(10), port(Tag.OP2, 1), N(2), ERA],
      redexes: [N(1), port(Tag.OP2, 0)],
      root: vr2(1),
      size: 2,
    });
  });

  it("`& x ~ T` links x's other end to T's main port; var ~ var chains are followed", () => {
    const n = net(con(v("a"), v("b")), [v("a"), num(5)], [v("b"), v("c")], [v("c"), con(v("d"), v("d"))]);
    expect(compiled(n)).toEqual({ nodes: [N(5), ct(0, 1), vr2(1), vr1(1)], redexes: [], root: ct(0, 0), size: 2 });
  });

  it("a chain from the root through var ~ var redexes to a tree becomes the root", () => {
    expect(compiled(net(v("r"), [v("r"), v("s")], [v("s"), num(7)]))).toEqual({ nodes: [], redexes: [], root: N(7), size: 0 });
    expect(compiled(net(v("r"), [v("s"), v("r")], [dup(v("x"), v("x")), v("s")]))).toEqual({
      nodes: [vr2(0), vr1(0)],
      redexes: [],
      root: ct(1, 0),
      size: 1,
    });
  });

  it("two trees joined by a var ~ var chain make one redex", () => {
    const n = net(era(), [con(v("a"), v("a")), v("x")], [v("x"), v("y")], [v("y"), dup(v("b"), v("b"))]);
    expect(compiled(n)).toEqual({ nodes: [vr2(0), vr1(0), vr2(1), vr1(1)], redexes: [ct(0, 0), ct(1, 1)], root: ERA, size: 2 });
  });

  it("the root wired straight to an aux slot", () => {
    const n = net(v("r"), [con(v("r"), era()), ref("f")]);
    expect(compiled(n, new Map([["f", 3]]))).toEqual({ nodes: [ERA, ERA], redexes: [ct(0, 0), port(Tag.REF, 3)], root: vr1(0), size: 1 });
  });

  it("OP1 stores its number in aux 1; MAT and labelled nodes get their tags", () => {
    const n = net(mat(con(v("z"), v("s")), op1(42, dup(v("z"), v("s")))));
    expect(compiled(n)).toEqual({
      nodes: [ct(0, 1), port(Tag.OP1, 2), vr1(3), vr2(3), N(42), ct(1, 3), vr1(1), vr2(1)],
      redexes: [],
      root: port(Tag.MAT, 0),
      size: 4,
    });
  });

  it("shiftPort adds the offset only to ports that carry a node index", () => {
    expect(shiftPort(vr2(1), 10)).toBe(vr2(11));
    expect(shiftPort(ct(3, 0), 5)).toBe(ct(3, 5));
    expect(shiftPort(port(Tag.OP1, 2), 1)).toBe(port(Tag.OP1, 3));
    expect(shiftPort(N(7), 100)).toBe(N(7));
    expect(shiftPort(port(Tag.REF, 2), 100)).toBe(port(Tag.REF, 2));
    expect(shiftPort(ERA, 100)).toBe(ERA);
  });
});

describe("compileBook", () => {
  it("indexes definitions by position and resolves references", () => {
    const b = compileBook({ defs: [{ name: "main", net: net(v("r"), [ref("id"), con(num(3), v("r"))]) }, { name: "id", net: net(con(v("x"), v("x"))) }] }, { entry: "main" });
    expect(b.names).toEqual(["main", "id"]);
    expect(b.index.get("id")).toBe(1);
    expect([...b.defs[0].redexes]).toEqual([port(Tag.REF, 1), ct(0, 0)]);
    expect(b.defs[0].root).toBe(vr2(0));
  });

  it("throws a ValidationError with every problem of an invalid book", () => {
    let caught: unknown;
    try {
      compileBook({ defs: [{ name: "f", net: net(v("x"), [v("a"), v("a")]) }] }, { entry: "main" });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).diagnostics.map((d) => d.code)).toEqual([ErrorCode.VAR_UNBOUND, ErrorCode.VAR_LOOP, ErrorCode.ENTRY_MISSING]);
  });
});
