import { describe, expect, it } from "vitest";
import { AccelerateError } from "../src/errors.js";
import { parseKernel } from "../src/parse.js";
import { analyzeShapes } from "../src/shapes.js";
import type { Shape } from "../src/kernel.js";

const fn = (src: string): unknown => new Function(`return ${src}`)();
const NUM = { k: "num" } as const;
const PAIR = { k: "tuple", items: [NUM, NUM] } as const;
const shape = (src: string, scope: Record<string, unknown> = {}, params: Shape[] = [NUM]) => analyzeShapes(parseKernel(fn(src), "map", 1, scope), params).result;
const problems = (src: string, scope: Record<string, unknown> = {}, params: Shape[] = [NUM]): string[] => {
  try {
    shape(src, scope, params);
  } catch (e) {
    if (e instanceof AccelerateError) return e.diagnostics.map((d) => `${d.fn}:${d.line}:${d.col} ${d.message}`);
    throw e;
  }
  return [];
};

describe("analyzeShapes", () => {
  it("infers numbers, tuples and nested tuples through const, conditions and calls", () => {
    expect(shape("x => x + 1")).toEqual({ k: "num" });
    expect(shape("x => { const t = [x, [x, 1]]; return x > 1 ? t : [0, [1, 2]]; }")).toEqual({
      k: "tuple",
      items: [{ k: "num" }, { k: "tuple", items: [{ k: "num" }, { k: "num" }] }],
    });
    const pair = fn("function pair(n) { return n === 0 ? [0, 1] : pair(n - 1); }");
    expect(shape("x => pair(x)", { pair })).toEqual({ k: "tuple", items: [{ k: "num" }, { k: "num" }] });
  });

  it("reports arrays used as numbers and branches of different shapes, each once", () => {
    expect(problems("x => { const t = [x, x]; return x ? t + 1 : [x]; }")).toEqual([
      "map:1:37 the left operand of + must be a number, this is an array [number, number]: arrays can only be bound with const and returned",
      "map:1:33 the branches have different shapes (number and [number]): every branch must return the same shape",
    ]);
    const pair = fn("(n) => [n, n]");
    expect(problems("x => pair(pair(x))", { pair })).toEqual([
      "map:1:11 argument 1 of pair must be a number, this is an array [number, number]: arrays can only be bound with const and returned",
    ]);
  });

  it("keeps a scope function named like the marked function's role apart from it", () => {
    const map = fn("(n) => [n, n]");
    expect(shape("x => map(x)[0] + 1", { map })).toEqual(NUM);
  });

  it("reads items of array parameters by literal index", () => {
    expect(shape("([a, b]) => [b, a + b]", {}, [PAIR])).toEqual(PAIR);
    expect(shape("(t) => t[1]", {}, [{ k: "tuple", items: [NUM, PAIR] }])).toEqual(PAIR);
    expect(problems("(t) => t[2] + t[0][0]", {}, [PAIR])).toEqual([
      "map:1:8 [2] reads an array of 2: only items 0..n-1 of fixed-size arrays can be read",
      "map:1:15 [0] reads a number: only items 0..n-1 of fixed-size arrays can be read",
    ]);
  });
});
