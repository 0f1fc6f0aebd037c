/**
 * The JavaScript side of accelerate: `sequential` mode runs the plain
 * functions; `debug` mode's dynamic checks run them checked.
 *
 * `sequential`: `map` is `xs.map(x => f(x))`, `reduce` is `xs.reduce(op,
 * init)`, `loop` is `[f(0) .. f(n - 1)]`; booleans in results come back as
 * 0/1, as in the compiled modes.
 *
 * `debug`: every input is checked against the u24
 * model; every element runs through the kernel interpreter, which checks
 * every intermediate value; every output is checked and compared with the
 * real JavaScript function's result; a reduce operator is tested for
 * associativity on sampled triples. The checked sequential result is what
 * the compiled run must reproduce.
 */
import { AccelerateCode, DebugCheckError, InputError } from "./errors.js";
import type { AnyExpr, ArrayInput } from "./expr.js";
import { isExpr } from "./expr.js";
import { Interpreter } from "./interp.js";
import type { CompiledExpr } from "./kernels.js";
import { loopIndices } from "./net.js";
import { checkInput, isU24, normalize, showValue, valueEquals, type Value } from "./values.js";

const plainArray = (input: ArrayInput): unknown[] => (isExpr(input) ? (runSequential(input) as unknown[]) : Array.from(input));

export function runSequential(expr: AnyExpr): unknown {
  switch (expr.kind) {
    case "map":
      return plainArray(expr.input).map((x) => normalize(expr.fn(x)));
    case "map2": {
      const xs = plainArray(expr.left);
      const ys = plainArray(expr.right);
      if (xs.length !== ys.length) throw new InputError(`map2 inputs must have equal lengths, got ${xs.length} and ${ys.length}`);
      return xs.map((x, i) => normalize(expr.fn(x, ys[i])));
    }
    case "loop":
      return loopIndices(expr.n).map((i) => normalize(expr.fn(i)));
    case "reduce":
      return normalize(plainArray(expr.input).reduce((a, b) => normalize(expr.fn(a, b)), expr.init));
  }
}

export interface DebugReport {
  /** The checked sequential result. */
  readonly value: unknown;
  /** Intermediate values checked. */
  readonly checked: number;
  /** Associativity triples tested. */
  readonly triples: number;
}

/** A small deterministic generator (mulberry32), so debug runs are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkOutput(v: unknown, where: string): void {
  const ok = (x: unknown): boolean => isU24(x) || (Array.isArray(x) && x.length > 0 && x.every(ok));
  if (!ok(v)) throw new DebugCheckError(AccelerateCode.RANGE, `${where}: the result ${showValue(v)} is not a u24 number or a fixed-size array of them`);
}

export function runDebug(expr: AnyExpr, compiled: CompiledExpr, samples = 64): DebugReport {
  const { kernels, inputs } = compiled;
  let checked = 0;
  let triples = 0;
  const interpreters = new Map<AnyExpr, Interpreter>();
  const interp = (e: AnyExpr): Interpreter => {
    let it = interpreters.get(e);
    if (!it) interpreters.set(e, (it = new Interpreter(kernels.get(e)!.kernel)));
    return it;
  };
  /** Apply a marked function in the interpreter and in JS; both must agree. */
  const call = (e: AnyExpr, args: Value[]): Value => {
    const where = `${e.kind}(${args.map(showValue).join(", ")})`;
    const v = normalize(interp(e).run(args)) as Value;
    checkOutput(v, where);
    const js = normalize(e.fn(...args));
    if (!valueEquals(v, js)) {
      throw new DebugCheckError(AccelerateCode.MISMATCH, `${where}: the checked evaluation gives ${showValue(v)} but JavaScript gives ${showValue(js)}`);
    }
    return v;
  };
  const array = (input: ArrayInput, what: string): Value[] => (isExpr(input) ? (run(input) as Value[]) : [...(inputs.get(input) ?? checkInput(input, what)).values]);
  const run = (e: AnyExpr): unknown => {
    switch (e.kind) {
      case "map":
        return array(e.input, "map input").map((x) => call(e, [x]));
      case "map2": {
        const xs = array(e.left, "map2 first input");
        const ys = array(e.right, "map2 second input");
        if (xs.length !== ys.length) throw new InputError(`map2 inputs must have equal lengths, got ${xs.length} and ${ys.length}`);
        return xs.map((x, i) => call(e, [x, ys[i]]));
      }
      case "loop":
        return loopIndices(e.n).map((i) => call(e, [i]));
      case "reduce": {
        const xs = array(e.input, "reduce input");
        const init = checkInput([e.init], "reduce init").values[0];
        const pool = [init, ...xs];
        const next = rng(0x5eed ^ pool.length);
        const pick = (): Value => pool[Math.floor(next() * pool.length)];
        const n = pool.length < 2 ? 0 : samples;
        for (let s = 0; s < n; s++) {
          const [a, b, c] = [pick(), pick(), pick()];
          const left = call(e, [call(e, [a, b]), c]);
          const right = call(e, [a, call(e, [b, c])]);
          triples++;
          if (!valueEquals(left, right)) {
            const [sa, sb, sc] = [a, b, c].map(showValue);
            throw new DebugCheckError(
              AccelerateCode.ASSOCIATIVITY,
              `the reduce operator is not associative: op(op(${sa}, ${sb}), ${sc}) = ${showValue(left)} but op(${sa}, op(${sb}, ${sc})) = ${showValue(right)}; ` +
                `accelerated reduce combines elements as a balanced tree, so use an associative operator or mode "sequential"`,
            );
          }
        }
        return xs.reduce<Value>((acc, x) => call(e, [acc, x]), init);
      }
    }
  };
  const value = run(expr);
  for (const it of interpreters.values()) checked += it.checked;
  return { value, checked, triples };
}
