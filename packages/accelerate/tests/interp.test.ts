import { describe, expect, it } from "vitest";
import { DebugCheckError } from "../src/errors.js";
import { Interpreter } from "../src/interp.js";
import { parseKernel } from "../src/parse.js";

const fn = (src: string): unknown => new Function(`return ${src}`)();
const interp = (src: string, scope: Record<string, unknown> = {}, arity = 1) => new Interpreter(parseKernel(fn(src), "map", arity, scope));

describe("Interpreter", () => {
  it("evaluates with JavaScript semantics and counts checked values", () => {
    const it = interp("x => { const y = x * 3; if (y > 10) return [y, y % 7]; return Math.floor(y / 2) + ((y / 4) | 0); }");
    expect(it.run([5])).toEqual([15, 1]);
    expect(it.run([3])).toBe(6);
    expect(it.checked).toBeGreaterThan(0);
  });

  it("runs recursive scope functions", () => {
    const fib = fn("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }");
    expect(interp("x => fib(x)", { fib }).run([20])).toBe(6765);
  });

  it("keeps booleans as JS does and rejects leaving u24 with a located message", () => {
    expect(interp("x => x > 1 && x < 5").run([3])).toBe(true);
    expect(() => interp("x => x * 4096 * 4096").run([1])).toThrow(
      new DebugCheckError("E_ACC_RANGE", "map:1:6: the result of * is 16777216, outside the u24 model (integers 0..16777215): too large: arithmetic wraps modulo 2^24 in compiled modes"),
    );
    expect(() => interp("x => ~x").run([1])).toThrow(/the result of unary ~ is -2/);
    expect(() => interp("(a, b) => Math.floor(a / b)", {}, 2).run([1, 0])).toThrow(/map:1:22: division by zero/);
    expect(() => interp("x => x % 0").run([1])).toThrow(/is NaN.*division or remainder by zero/);
  });
});
