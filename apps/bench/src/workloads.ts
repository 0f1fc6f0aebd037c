/**
 * accelerate workloads: map/map2/reduce expressions compiled to books with
 * `explain`. Kernels are written as source text and built with `Function`,
 * so bundling cannot rename what accelerate parses. The reference normal
 * form comes from the reference CPU runtime, after accelerate's decoded value
 * of that run has been checked against the plain JavaScript result.
 */
import { accelerate, map, map2, reduce, type AnyExpr } from "@hvm/accelerate";
import { printNet, type Runtime } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { ProgramLoadError } from "./errors.js";
import { bookSize } from "./lang.js";
import type { BenchProgram } from "./model.js";

/** A function from its source text, closing over `scope` (so the sequential run can call scope functions too). */
const fn = <F>(src: string, scope: Record<string, unknown> = {}): F =>
  new Function(...Object.keys(scope), `return (${src});`)(...Object.values(scope)) as F;

type Unary = (x: number) => number;
type Binary = (a: number, b: number) => number;

interface Workload {
  readonly name: string;
  readonly quick: boolean;
  build(n: number): { expr: AnyExpr; scope?: Record<string, unknown> };
}

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

export const WORKLOADS: readonly Workload[] = [
  {
    name: "acc-map-poly",
    quick: true,
    build: (n) => ({ expr: map(fn<Unary>("(x) => (x * x + 3 * x + 7) % 65536"), range(n, (i) => i)) }),
  },
  {
    name: "acc-map2-mix",
    quick: false,
    build: (n) => ({ expr: map2(fn<Binary>("(a, b) => (a * b + (a ^ b)) % 100000"), range(n, (i) => i % 4096), range(n, (i) => (i * 7) % 4096)) }),
  },
  {
    name: "acc-reduce-sum",
    quick: true,
    build: (n) => ({ expr: reduce(fn<Binary>("(a, b) => a + b"), 0, range(n, (i) => i % 1000)) }),
  },
  {
    name: "acc-map-fib",
    quick: false,
    build: (n) => {
      const scope = { fib: fn("function fib(k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }") };
      return { expr: map(fn<Unary>("(x) => fib(x % 16)", scope), range(n, (i) => i)), scope };
    },
  },
];

/** Elements per workload: the full suite, and the --quick one. */
export const WORKLOAD_SIZE = { full: 1 << 14, quick: 2048 } as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Compile the workloads and fix their reference normal forms on `reference`. */
export async function loadWorkloads(reference: Runtime, quick: boolean): Promise<BenchProgram[]> {
  const out: BenchProgram[] = [];
  const n = quick ? WORKLOAD_SIZE.quick : WORKLOAD_SIZE.full;
  for (const w of WORKLOADS.filter((w) => !quick || w.quick)) {
    const { expr, scope } = w.build(n);
    const book = parseBook(accelerate.explain(expr, { scope }), `${w.name}.hvmc`);
    const [sequential, compiled] = [await accelerate(expr, { mode: "sequential", scope }), await accelerate.run(expr, { mode: "cpu", runtime: reference, scope })];
    if (!same(sequential, compiled.value)) {
      throw new ProgramLoadError(w.name, `the ${reference.name} run decodes to a different value than plain JavaScript`);
    }
    const ref = await reference.run(book);
    out.push({
      name: `${w.name}-${n}`,
      origin: "accelerate",
      book,
      expected: printNet(ref.net),
      expectedInteractions: ref.stats.interactions,
      expectedByRule: ref.stats.byRule,
      size: bookSize(book),
    });
  }
  return out;
}
