import { describe, expect, it } from "vitest";
import {
  ErrorCode, ValidationError, assertValidBook, con, ctr, era, num, op1, ref, v, validateBook, validateNet,
  type Book, type Net, type Span, type Tree,
} from "../src/index.js";

const at = (line: number, col: number, start = 0, end = start + 1): Span => ({ start, end, line, col });
const withSpan = (t: Tree, span: Span): Tree => ({ ...t, span });
const book = (...defs: Array<[string, Net, Span?]>): Book => ({ defs: defs.map(([name, net, span]) => ({ name, net, span })) });
const net = (root: Tree, ...redexes: Array<[Tree, Tree]>): Net => ({ root, redexes: redexes.map(([left, right]) => ({ left, right })) });

describe("validateBook", () => {
  it("accepts a valid book", () => {
    const b = book(["main", net(v("r"), [ref("id"), con(num(3), v("r"))])], ["id", net(con(v("x"), v("x")))]);
    expect(validateBook(b, { entry: "main" })).toEqual([]);
    expect(() => assertValidBook(b)).not.toThrow();
  });

  it("E_VAR_UNBOUND: a variable that occurs once", () => {
    const x = withSpan(v("x"), at(1, 10, 9));
    expect(validateBook(book(["main", net(con(x, era()))]))).toEqual([
      { code: ErrorCode.VAR_UNBOUND, message: "unbound variable 'x': it occurs once, every variable must occur exactly twice", span: at(1, 10, 9), def: "main" },
    ]);
  });

  it("E_VAR_THRICE: a variable that occurs three times, reported at the third", () => {
    const third = withSpan(v("x"), at(1, 14, 13));
    expect(validateBook(book(["main", net(con(v("x"), con(v("x"), third)))]))).toEqual([
      {
        code: ErrorCode.VAR_THRICE,
        message: "variable 'x' occurs 3 times, every variable must occur exactly twice (use a DUP node to share it)",
        span: at(1, 14, 13),
        def: "main",
      },
    ]);
  });

  it("E_VAR_LOOP: `& a ~ a` and var ~ var chains that close on themselves", () => {
    const loop = { root: era(), redexes: [{ left: v("a"), right: v("a"), span: at(1, 12, 11) }] };
    expect(validateBook(book(["main", loop]))).toEqual([
      {
        code: ErrorCode.VAR_LOOP,
        message: "variable 'a' is used on both sides of var ~ var redexes that close on themselves: the wire forms a loop with no node",
        span: at(1, 12, 11),
        def: "main",
      },
    ]);
    const chain = net(era(), [v("a"), v("b")], [v("b"), v("c")], [v("c"), v("a")]);
    expect(validateBook(book(["main", chain])).map((d) => d.code)).toEqual([ErrorCode.VAR_LOOP]);
    const open = net(v("r"), [v("r"), v("s")], [v("s"), num(1)]);
    expect(validateBook(book(["main", open]))).toEqual([]);
  });

  it("E_REF_UNKNOWN: a reference to no definition", () => {
    expect(validateBook(book(["main", net(withSpan(ref("nope"), at(1, 9, 8, 13)))]))).toEqual([
      { code: ErrorCode.REF_UNKNOWN, message: "unknown reference @nope", span: at(1, 9, 8, 13), def: "main" },
    ]);
  });

  it("E_DEF_DUPLICATE: a second definition of a name", () => {
    expect(validateBook(book(["f", net(era()), at(1, 1, 0, 2)], ["f", net(era()), at(2, 1, 7, 9)]))).toEqual([
      { code: ErrorCode.DEF_DUPLICATE, message: "duplicate definition @f (first defined at line 1)", span: at(2, 1, 7, 9), def: "f" },
    ]);
  });

  it("E_LABEL_RANGE: labels outside 0..5", () => {
    const diags = validateBook(book(["main", net(con(withSpan(ctr(6, era(), era()), at(1, 2, 1)), withSpan(ctr(-1, era(), era()), at(1, 9, 8))))]));
    expect(diags).toEqual([
      { code: ErrorCode.LABEL_RANGE, message: "label 6 out of range: labels are 0..5", span: at(1, 2, 1), def: "main" },
      { code: ErrorCode.LABEL_RANGE, message: "label -1 out of range: labels are 0..5", span: at(1, 9, 8), def: "main" },
    ]);
  });

  it("E_NUM_RANGE: numbers and OP1 operands outside 0..2^28-1", () => {
    const diags = validateBook(book(["main", net(con(withSpan(num(2 ** 28), at(1, 2, 1)), withSpan(op1(-1, era()), at(1, 12, 11))))]));
    expect(diags).toEqual([
      { code: ErrorCode.NUM_RANGE, message: "number 268435456 out of range: numbers are 0..268435455 (2^28 - 1)", span: at(1, 2, 1), def: "main" },
      { code: ErrorCode.NUM_RANGE, message: "number -1 out of range: numbers are 0..268435455 (2^28 - 1)", span: at(1, 12, 11), def: "main" },
    ]);
    expect(validateBook(book(["main", net(con(num(0), num(2 ** 28 - 1)))]))).toEqual([]);
  });

  it("E_ENTRY_MISSING: the entry is not defined", () => {
    expect(validateBook(book(["f", net(era())], ["g", net(era())]), { entry: "main" })).toEqual([
      { code: ErrorCode.ENTRY_MISSING, message: "missing entry: no definition @main; definitions: @f, @g" },
    ]);
    expect(validateBook(book(), { entry: "main" })).toEqual([{ code: ErrorCode.ENTRY_MISSING, message: "missing entry: no definition @main; the book is empty" }]);
    expect(validateBook(book())).toEqual([]);
  });

  it("reports every problem at once (spanless ones in tree order, variables last) and assertValidBook throws them all", () => {
    const b = book(["main", net(con(v("x"), ref("g")), [num(-5), ctr(9, era(), era())])]);
    expect(validateBook(b, { entry: "start" }).map((d) => d.code)).toEqual([
      ErrorCode.REF_UNKNOWN,
      ErrorCode.NUM_RANGE,
      ErrorCode.LABEL_RANGE,
      ErrorCode.VAR_UNBOUND,
      ErrorCode.ENTRY_MISSING,
    ]);
    let caught: unknown;
    try {
      assertValidBook(b);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).code).toBe(ErrorCode.REF_UNKNOWN);
    expect((caught as ValidationError).diagnostics.length).toBe(4);
  });

  it("validateNet takes the resolver of references", () => {
    expect(validateNet(net(ref("a")), (n) => n === "a")).toEqual([]);
  });
});
