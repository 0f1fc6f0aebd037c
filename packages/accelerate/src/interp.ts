/**
 * The debug interpreter: evaluates a kernel with JavaScript semantics (the
 * real JS operators on JS numbers and booleans) and checks every
 * intermediate value against the u24 model, so whatever it accepts computes
 * the same in the compiled net. A failed check names the function, the
 * line:col of the expression, the value and what to change.
 */
import { AccelerateCode, DebugCheckError } from "./errors.js";
import type { KExpr, KFunction, Kernel } from "./kernel.js";
import { U24_MAX, showValue } from "./values.js";

type JsValue = number | boolean | readonly JsValue[];

interface Env {
  readonly name: string;
  readonly value: JsValue;
  readonly next: Env | null;
}

const lookup = (env: Env | null, name: string): JsValue => {
  for (let e = env; e !== null; e = e.next) if (e.name === name) return e.value;
  throw new DebugCheckError(AccelerateCode.FREE_IDENTIFIER, `unbound variable '${name}'`);
};

const JS_BIN: Readonly<Record<string, (a: number, b: number) => number | boolean>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "%": (a, b) => a % b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
  "<": (a, b) => a < b,
  ">": (a, b) => a > b,
  "<=": (a, b) => a <= b,
  ">=": (a, b) => a >= b,
  "&": (a, b) => a & b,
  "|": (a, b) => a | b,
  "^": (a, b) => a ^ b,
  "<<": (a, b) => a << b,
  ">>": (a, b) => a >> b,
};

function hint(v: number): string {
  if (!Number.isFinite(v)) return "a division or remainder by zero: guard it with a condition";
  if (!Number.isInteger(v)) return "a fractional result: write Math.floor(a / b) for integer division";
  if (v < 0) return "a negative number: subtraction wraps modulo 2^24 in compiled modes, reorder or guard it";
  return "too large: arithmetic wraps modulo 2^24 in compiled modes";
}

export class Interpreter {
  /** Intermediate values checked so far (for reports and tests). */
  checked = 0;

  constructor(private readonly kernel: Kernel) {}

  /** Apply the marked function to its arguments. */
  run(args: readonly JsValue[]): JsValue {
    return this.apply(this.kernel.main, args);
  }

  private apply(f: KFunction, args: readonly JsValue[]): JsValue {
    let env: Env | null = null;
    f.params.forEach((p, i) => (env = { name: p, value: args[i], next: env }));
    return this.eval(f, f.body, env);
  }

  private check(f: KFunction, e: KExpr, v: JsValue, what: string): JsValue {
    this.checked++;
    if (typeof v === "boolean") return v;
    if (typeof v !== "number") return v;
    if (Number.isInteger(v) && v >= 0 && v <= U24_MAX) return v;
    throw new DebugCheckError(
      AccelerateCode.RANGE,
      `${f.name}:${e.loc.line}:${e.loc.col}: ${what} is ${v}, outside the u24 model (integers 0..${U24_MAX}): ${hint(v)}`,
    );
  }

  private num(f: KFunction, e: KExpr, v: JsValue): number | boolean {
    if (Array.isArray(v)) {
      throw new DebugCheckError(AccelerateCode.SHAPE, `${f.name}:${e.loc.line}:${e.loc.col}: the array ${showValue(v)} is used as a number`);
    }
    return v as number | boolean;
  }

  private eval(f: KFunction, e: KExpr, env: Env | null): JsValue {
    switch (e.k) {
      case "num":
        return e.value;
      case "var":
        return lookup(env, e.name);
      case "bin": {
        if (e.a.k === "bin" && e.a.op === "/" && (e.op === "|" || e.op === ">>") && e.b.k === "num" && e.b.value === 0) {
          const q = this.div(f, e.a, env);
          return this.check(f, e, Math.trunc(q), "the integer quotient");
        }
        const a = this.num(f, e.a, this.eval(f, e.a, env));
        const b = this.num(f, e.b, this.eval(f, e.b, env));
        if ((e.op === "==" || e.op === "!=") && typeof a !== typeof b) {
          throw new DebugCheckError(
            AccelerateCode.SHAPE,
            `${f.name}:${e.loc.line}:${e.loc.col}: ${e.op === "==" ? "===" : "!=="} compares a boolean with a number; compiled booleans are 0/1, so write Number(...) or compare booleans with booleans`,
          );
        }
        return this.check(f, e, JS_BIN[e.op](a as number, b as number), `the result of ${e.op}`);
      }
      case "un": {
        const a = this.num(f, e.a, this.eval(f, e.a, env)) as number;
        const v = e.op === "-" ? -a : e.op === "~" ? ~a : !a;
        return this.check(f, e, v === 0 ? 0 : v, `the result of unary ${e.op}`);
      }
      case "floor": {
        const v = e.a.k === "bin" && e.a.op === "/" ? this.div(f, e.a, env) : (this.num(f, e.a, this.eval(f, e.a, env)) as number);
        return this.check(f, e, Math.floor(v), "the result of Math.floor");
      }
      case "cond": {
        const t = this.check(f, e.test, this.num(f, e.test, this.eval(f, e.test, env)), "the condition");
        return t ? this.eval(f, e.then, env) : this.eval(f, e.else, env);
      }
      case "let":
        return this.eval(f, e.body, { name: e.name, value: this.eval(f, e.value, env), next: env });
      case "tuple":
        return e.items.map((x) => this.eval(f, x, env));
      case "index": {
        const t = this.eval(f, e.a, env);
        if (!Array.isArray(t) || e.i >= t.length) {
          throw new DebugCheckError(AccelerateCode.SHAPE, `${f.name}:${e.loc.line}:${e.loc.col}: [${e.i}] of ${showValue(t)} is not an item of a fixed-size array`);
        }
        return t[e.i] as JsValue;
      }
      case "call": {
        const g = this.kernel.fns.get(e.fn)!;
        const args = e.args.map((a) => this.check(f, a, this.eval(f, a, env), `argument of ${e.fn}`));
        return this.check(f, e, this.apply(g, args), `the result of ${e.fn}(...)`);
      }
    }
  }

  /** a / b where only the floored quotient must fit: b must not be zero. */
  private div(f: KFunction, e: KExpr & { k: "bin" }, env: Env | null): number {
    const a = this.num(f, e.a, this.eval(f, e.a, env)) as number;
    const b = this.num(f, e.b, this.eval(f, e.b, env)) as number;
    if (!b) {
      throw new DebugCheckError(AccelerateCode.RANGE, `${f.name}:${e.loc.line}:${e.loc.col}: division by zero: ${hint(Infinity)}`);
    }
    return a / b;
  }
}
