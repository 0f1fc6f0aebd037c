import { describe, expect, it } from "vitest";
import { runDebug, runSequential } from "../src/debug.js";
import { map, map2, reduce, loop } from "../src/expr.js";
import { compileExpr } from "../src/kernels.js";
import type { AnyExpr } from "../src/expr.js";

const checked = (e: AnyExpr, samples?: number) => runDebug(e, compileExpr(e, {}), samples);

describe("runSequential", () => {
  it("is the plain JS meaning, booleans as 0/1, inner expressions first", () => {
    expect(runSequential(map((x: number) => x > 1, map((x: number) => x * 2, [0, 1])))).toEqual([0, 1]);
    expect(runSequential(map2((a: number, b: number) => [a, b], [1], [2]))).toEqual([[1, 2]]);
    expect(runSequential(reduce((a: number, b: number) => a - b, 10, [1, 2]))).toBe(7);
    expect(runSequential(loop(3, (i: number) => i * 10))).toEqual([0, 10, 20]);
  });
});

describe("runDebug", () => {
  it("returns the checked result with the number of checks and sampled triples", () => {
    const r = checked(reduce((a: number, b: number) => a + b, 0, [1, 2, 3]), 8);
    expect(r).toEqual({ value: 6, checked: expect.any(Number), triples: 8 });
    expect(r.checked).toBeGreaterThanOrEqual(3 + 8 * 4);
  });

  it("checks outputs, including tuples, and inputs of inner expressions", () => {
    expect(checked(map((x: number) => [x, x + 1], [1])).value).toEqual([[1, 2]]);
    expect(() => checked(map((x: number) => x, map((x: number) => x + 16777215, [1])))).toThrow(/the result of \+ is 16777216/);
  });
});
