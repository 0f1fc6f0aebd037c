import { describe, expect, it } from "vitest";
import { printBook } from "@hvm/ir";
import { lowerKernel } from "../src/lower.js";
import { parseKernel } from "../src/parse.js";

const fn = (src: string): unknown => new Function(`return ${src}`)();
const lowered = (src: string, scope: Record<string, unknown> = {}) => {
  const { book, entry } = lowerKernel(parseKernel(fn(src), "map", 1, scope));
  return { text: printBook(book), entry };
};

describe("lowerKernel", () => {
  it("lowers operators, derived comparisons, unary forms, conditions and tuples", () => {
    expect(lowered("x => { const y = x + 1; return y <= 3 ? [y, -y] : [~y, !y]; }")).toEqual({
      entry: "acc_map",
      text: [
        "@acc_map = (a b)",
        "  & #16777217 ~ <a [c [d [e [f g]]]]>",
        "  & #134217731 ~ <c h>",
        "  & #201326593 ~ <h ?(((i (j k)) k) (* ((f (l m)) m))) b>",
        "  & #218103808 ~ <d i>",
        "  & #100663296 ~ <e j>",
        "  & #33554432 ~ <g l>",
        "",
      ].join("\n"),
    });
  });

  it("makes each scope function a definition and lifts recursive branches", () => {
    const fib = fn("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }");
    const { book } = lowerKernel(parseKernel(fn("x => fib(x)"), "map", 1, { fib }));
    expect(book.defs.map((d) => d.name)).toEqual(["acc_map", "fib", "fib.0", "fib.1"]);
    const text = printBook(book);
    expect(text).toMatch(/^@acc_map = \(a b\)\n {2}& @fib ~ \(a b\)\n/);
    expect(text).toContain("?(@fib.0 @fib.1) (b c)");
    expect(text).toContain("@fib.1 = (* (a a))\n");
  });

  it("renames scope functions whose names are not .hvmc names or clash with main", () => {
    const main = fn("(n) => n + 1");
    const $odd = fn("(n) => n & 1");
    expect(lowered("x => main($odd(x))", { main, $odd }).text).toMatch(/^@acc_map = \(a b\)\n {2}& @_odd ~ \(a c\)\n {2}& @main_1 ~ \(c b\)\n/);
  });
});
