/**
 * Differential test: random closed number-valued programs (lets, lambdas
 * applied on the spot, a higher-order `twice` that duplicates a function
 * which itself duplicates its argument, up to three levels deep, numeric
 * matches, list matches with arms in either order, all 15 operators)
 * reduce on the reference reducer to the value a direct call-by-value
 * interpreter computes with ir's applyOp.
 */
import fc from "fast-check";
import { OPERATORS, U24_MASK, applyOp, tagged } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { type Term, App, Case, Lam, Let, List, Match, Num, Op, Var, arm, def, program, run } from "./helpers.js";

/** A generated expression, with the variables in scope given by index. */
type Gen = (scope: readonly string[]) => fc.Arbitrary<Term>;

let fresh = 0;
const name = (): string => `v${fresh++}`;

const leaf: Gen = (scope) =>
  scope.length === 0 ? fc.integer({ min: 0, max: U24_MASK }).map(Num) : fc.oneof(fc.integer({ min: 0, max: U24_MASK }).map(Num), fc.constantFrom(...scope).map(Var));

function expr(depth: number): Gen {
  return (scope) => {
    if (depth === 0) return leaf(scope);
    const sub = expr(depth - 1);
    const bound = (f: (x: string) => fc.Arbitrary<Term>): fc.Arbitrary<Term> => fc.constant(null).chain(() => f(name()));
    return fc.oneof(
      leaf(scope),
      fc.tuple(fc.integer({ min: 1, max: OPERATORS.length - 1 }), sub(scope), sub(scope)).map(([op, a, b]) => Op(op, a, b)),
      bound((x) => fc.tuple(sub(scope), sub([...scope, x])).map(([v, b]) => Let(x, v, b))),
      bound((x) => fc.tuple(sub(scope), sub([...scope, x])).map(([v, b]) => App(Lam(x, b), v))),
      bound((p) => fc.tuple(sub(scope), sub(scope), sub([...scope, p])).map(([n, z, s]) => Match(Op(5, n, Num(5)), z, p, s))),
      bound((h) =>
        fc
          .tuple(fc.array(sub(scope), { maxLength: 2 }), sub(scope), sub([...scope, h]), fc.boolean())
          .map(([items, nil, cons, consFirst]) => {
            const arms = [arm("Cons", [h, null], cons), arm("Nil", [], nil)];
            return Case(List(items), consFirst ? arms : arms.reverse());
          }),
      ),
      // Functions duplicated inside duplicated functions: at most three levels (docs/lang.md, DUP labels).
      ...(depth < 2 ? [] : [bound((x) => {
        const f = name();
        const twice = Lam(f, Lam("y", App(Var(f), App(Var(f), Var("y")))));
        return fc.tuple(sub([...scope, x]), sub(scope)).map(([body, arg]) => App(twice, Lam(x, body), arg));
      })]),
    );
  };
}

/** Call-by-value evaluation with u24 numbers. */
function evaluate(t: Term, env: ReadonlyMap<string, Value>): Value {
  switch (t.kind) {
    case "num":
      return t.value;
    case "var":
      return env.get(t.name)!;
    case "op":
      return applyOp(tagged(t.op, evaluate(t.left, env) as number), evaluate(t.right, env) as number);
    case "let":
      return evaluate(t.body, new Map(env).set(t.bind!, evaluate(t.value, env)));
    case "lam":
      return (v: Value) => evaluate(t.body, t.bind === null ? env : new Map(env).set(t.bind, v));
    case "app":
      return (evaluate(t.fun, env) as (v: Value) => Value)(evaluate(t.arg, env));
    case "match": {
      const n = evaluate(t.scrutinee, env) as number;
      return n === 0 ? evaluate(t.zero, env) : evaluate(t.succ, t.pred === null ? env : new Map(env).set(t.pred, n - 1));
    }
    case "list":
      return t.items.map((x) => evaluate(x, env));
    case "case": {
      const items = evaluate(t.scrutinee, env) as Value[];
      const a = t.arms.find((x) => x.ctr === (items.length > 0 ? "Cons" : "Nil"))!;
      const [h] = a.binds;
      return evaluate(a.body, items.length > 0 && h ? new Map(env).set(h, items[0]) : env);
    }
    default:
      throw new Error(`not generated: ${t.kind}`);
  }
}
type Value = number | Value[] | ((v: Value) => Value);

describe("compiled programs agree with a direct interpreter", () => {
  it("random programs of lets, lambdas, higher-order duplication, numeric and list matches, operators", () => {
    fc.assert(
      fc.property(expr(4)([]), (t) => {
        expect(run(program([def("main", t)])).term).toBe(String(evaluate(t, new Map())));
      }),
      { numRuns: 300 },
    );
  });
});
