/**
 * `sequential` mode: the plain JavaScript meaning of an expression, no
 * compilation. `map` is `xs.map(x => f(x))`, `reduce` is `xs.reduce(op,
 * init)`, `loop` is `[f(0) .. f(n - 1)]`. Booleans in results come back as
 * 0/1, as in the compiled modes.
 */
import { InputError } from "./errors.js";
import type { AnyExpr, ArrayInput } from "./expr.js";
import { isExpr } from "./expr.js";
import { loopIndices } from "./net.js";
import { normalize } from "./values.js";

const array = (input: ArrayInput): number[] => (isExpr(input) ? (runSequential(input) as number[]) : Array.from(input));

export function runSequential(expr: AnyExpr): unknown {
  switch (expr.kind) {
    case "map":
      return array(expr.input).map((x) => normalize(expr.fn(x)));
    case "map2": {
      const xs = array(expr.left);
      const ys = array(expr.right);
      if (xs.length !== ys.length) throw new InputError(`map2 inputs must have equal lengths, got ${xs.length} and ${ys.length}`);
      return xs.map((x, i) => normalize(expr.fn(x, ys[i])));
    }
    case "loop":
      return loopIndices(expr.n).map((i) => normalize(expr.fn(i)));
    case "reduce":
      return normalize(array(expr.input).reduce((a, b) => normalize(expr.fn(a, b)) as number, expr.init));
  }
}
