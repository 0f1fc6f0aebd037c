import { describe, expect, it } from "vitest";
import { AccelerateError } from "../src/errors.js";
import { parseKernel } from "../src/parse.js";

/** A function whose source text is exactly `src` (no transpiler in between). */
const fn = (src: string): unknown => new Function(`return ${src}`)();

function diagnostics(src: string, arity = 1, scope: Record<string, unknown> = {}): string[] {
  try {
    parseKernel(fn(src), "map", arity, scope);
  } catch (e) {
    if (e instanceof AccelerateError) return e.diagnostics.map((d) => `${d.fn}:${d.line}:${d.col} ${d.code} ${d.message}`);
    throw e;
  }
  return [];
}

describe("parseKernel accepts", () => {
  it("arithmetic on parameters as kernel expressions", () => {
    const k = parseKernel(fn("x => x * 2 + 1"), "map", 1);
    expect(k.main.params).toEqual(["x"]);
    expect(k.main.body).toMatchObject({ k: "bin", op: "+", a: { k: "bin", op: "*", a: { k: "var", name: "x" }, b: { k: "num", value: 2 } }, b: { k: "num", value: 1 } });
  });

  it("const bindings, if/return and ternaries as lets and conditions", () => {
    const k = parseKernel(fn("function (x) {\n  const y = x + 1;\n  if (y > 3) return y;\n  return y < 2 ? 0 : 1;\n}"), "map", 1);
    expect(k.main.body).toMatchObject({
      k: "let",
      name: "y",
      body: { k: "cond", test: { k: "bin", op: ">" }, then: { k: "var", name: "y" }, else: { k: "cond", then: { k: "num", value: 0 } } },
    });
  });

  it("recursive scope functions, parsed once each, and scope constants inlined", () => {
    const fib = fn("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }");
    const k = parseKernel(fn("x => fib(x) + K"), "map", 1, { fib, K: 7 });
    expect([...k.fns.keys()]).toEqual(["fib"]);
    expect(k.main.body).toMatchObject({ k: "bin", a: { k: "call", fn: "fib" }, b: { k: "num", value: 7 } });
  });

  it("array patterns in the marked function's parameters and in const, and literal indices", () => {
    const k = parseKernel(fn("([a, [b]], t) => { const [c, , d] = t; return a + b + c + d + t[1]; }"), "map2", 2);
    expect(k.main.params).toEqual(["$p0", "t"]);
    expect(k.main.body).toMatchObject({
      k: "let",
      name: "a",
      value: { k: "index", i: 0, a: { k: "var", name: "$p0" } },
      body: { k: "let", name: "b", value: { k: "index", i: 0, a: { k: "index", i: 1 } }, body: { k: "let", name: "$d1", value: { k: "var", name: "t" } } },
    });
    expect(diagnostics("(x) => x.length + x[x]")).toEqual([
      "map:1:8 E_ACC_UNSUPPORTED property access is not supported (only t[0]-style items of fixed-size arrays and Math.floor/min/max calls): pass numbers as parameters or in options.scope",
      "map:1:19 E_ACC_UNSUPPORTED property access is not supported (only t[0]-style items of fixed-size arrays and Math.floor/min/max calls): pass numbers as parameters or in options.scope",
    ]);
  });

  it("a scope function renamed by a bundler still calls itself", () => {
    const fib2 = fn("function fib2(n) { return n < 2 ? n : fib2(n - 1) + fib2(n - 2); }");
    const k = parseKernel(fn("x => fib(x)"), "map", 1, { fib: fib2 });
    expect([...k.fns.keys()]).toEqual(["fib"]);
    expect(k.fns.get("fib")!.body).toMatchObject({ k: "cond", else: { k: "bin", a: { k: "call", fn: "fib" }, b: { k: "call", fn: "fib" } } });
  });

  it("tuples, Math.floor/min/max, booleans and every operator", () => {
    const k = parseKernel(fn("(a, b) => [Math.floor(a / b), Math.min(a, b), Math.max(a, b), a % b, a & b | a ^ b, a << 1 >> 1 >>> 1, a <= b, a >= b, a === b, a !== b, !a, ~a, -a, +a, true]"), "map", 2);
    expect(k.main.body.k).toBe("tuple");
    expect(k.main.body.k === "tuple" && k.main.body.items.length).toBe(15);
  });
});

describe("parseKernel reports every problem at once", () => {
  it("lists each unsupported construct with line:col within the function", () => {
    const src = [
      "function (x) {", //
      "  let y = x;",
      "  for (let i = 0; i < 3; i++) y += i;",
      '  const s = "abc";',
      "  const o = { a: 1 };",
      "  const f = (z) => z + 1;",
      "  return y + k + this.z;",
      "}",
    ].join("\n");
    expect(diagnostics(src)).toEqual([
      "map:2:3 E_ACC_UNSUPPORTED `let` and `var` bindings are mutable: use const",
      "map:3:3 E_ACC_UNSUPPORTED loops with side effects are not supported: use loop(n, i => ...) for data-parallel iteration, or a recursive function passed in options.scope",
      "map:4:13 E_ACC_UNSUPPORTED strings are not supported: accelerated functions compute u24 numbers",
      "map:5:13 E_ACC_UNSUPPORTED objects are not supported: return a number or a fixed-size array such as [a, b]",
      "map:6:13 E_ACC_UNSUPPORTED nested functions (closures) are not supported: define the function at top level and pass it in options.scope",
      "map:7:14 E_ACC_FREE_IDENTIFIER free identifier 'k': it is not a parameter or a const, pass it in options.scope ({ scope: { k } })",
      "map:7:18 E_ACC_UNSUPPORTED property access is not supported (only t[0]-style items of fixed-size arrays and Math.floor/min/max calls): pass numbers as parameters or in options.scope",
    ]);
  });

  it("reports async, arity, out-of-range literals and bad scope values", () => {
    expect(diagnostics("async (x, y) => x + 16777216 + g(x) + h(1, 2) + q", 1, { h: fn("(a) => a"), q: [1] })).toEqual([
      "map:1:1 E_ACC_UNSUPPORTED async code is not supported: accelerated functions must be synchronous",
      "map:1:1 E_ACC_ARITY map takes a function of 1 parameter, this one has 2",
      "map:1:21 E_ACC_RANGE number 16777216 is outside the u24 model: literals must be integers 0..16777215",
      "map:1:32 E_ACC_FREE_IDENTIFIER free identifier 'g': pass the function in options.scope ({ scope: { g } })",
      "map:1:49 E_ACC_UNSUPPORTED scope value 'q' is an array: only functions and integers 0..16777215 can be passed in scope",
      "map:1:39 E_ACC_ARITY h takes 1 argument(s), called with 2",
    ]);
  });

  it("reports problems inside scope functions under their scope name", () => {
    expect(diagnostics("x => helper(x)", 1, { helper: fn("function (n) {\n  while (n > 0) n--;\n  return `n`;\n}") })).toEqual([
      "helper:2:3 E_ACC_UNSUPPORTED loops with side effects are not supported: use loop(n, i => ...) for data-parallel iteration, or a recursive function passed in options.scope",
      "helper:3:10 E_ACC_UNSUPPORTED strings are not supported: accelerated functions compute u24 numbers",
    ]);
  });

  it("reports a path that does not return and methods it cannot parse", () => {
    expect(diagnostics("function (x) { if (x) return 1; }")).toEqual(["map:1:1 E_ACC_UNSUPPORTED not every path returns a value: end every branch with return"]);
    const method = { twice(x: number) { return x * 2; } }.twice;
    expect(diagnostics("x => x", 1).length).toBe(0);
    expect(() => parseKernel(method, "map", 1)).toThrow(/methods, classes and native functions cannot be accelerated/);
    expect(diagnostics("function (x) {\n  return x;\n  x + 1;\n}")).toContain("map:3:3 E_ACC_UNSUPPORTED unreachable code after return: remove it");
    const broken = Object.assign(() => 0, { toString: () => "x => {" });
    expect(() => parseKernel(broken, "map", 1)).toThrow(/map:1:7: cannot parse the function's source \(Unexpected token\)/);
    expect(diagnostics("x => {x}")[0]).toMatch(/^map:1:7 E_ACC_UNSUPPORTED expression statements only have side effects/);
  });
});
