/**
 * Test programs for `auto` (sequential, parallel, narrow then wide) and a
 * recording runtime that stands in for WebGPU or cpu-parallel.
 */
import { type Book, type RunOptions, type RunResult, type Runtime } from "@hvm/ir";
import { compileSource, parseBook } from "@hvm/syntax";
import { createCpuRuntime } from "@hvm/runtime-cpu";

/** A runtime that logs `name entry` for each run and answers with the reference's result. */
export function recording(name: string, log: string[]): Runtime {
  const cpu = createCpuRuntime();
  return {
    name,
    async run(book: Book, opts: RunOptions = {}): Promise<RunResult> {
      log.push(`${name} ${opts.entry ?? "main"}`);
      return cpu.run(book, opts);
    },
    dispose: async () => {
      log.push(`${name} disposed`);
    },
  };
}

/**
 * examples/heavy-rec-sum.hvmc at n (a sequential recursion): 12n + 6
 * interactions, DREF 2n + 2, ANNI 3n + 2, ERAS n + 1, OPER 5n + 1, COMM n;
 * result n(n-1)/2 mod 2^24.
 */
export const recSum = (n: number): Book =>
  parseBook(`@main = r & @rsum ~ (#${n} r)
@rsum = (?(#0 @rsumS) r r)
@rsumS = ([p q] r) & @rsum ~ (p s) & #1 ~ <q <s r>>`);

/**
 * examples/heavy-tree-sum.hvmc at depth d (parallel): RWTS 17*2^d - 11,
 * DREF 3*2^d - 1, ANNI 5*2^d - 3, ERAS 2^(d+1) - 1, OPER 6*2^d - 5,
 * COMM 2^d - 1; result 2^d.
 */
export const treeSum = (d: number): Book =>
  parseBook(`@main = r & @sum ~ (#${d} r)
@sum = (?(#1 @sumS) r r)
@sumS = ([p q] r) & @sum ~ (p a) & @sum ~ (q b) & #1 ~ <a <b r>>`);

/**
 * Narrow, then wide: a chain of n dependent steps (examples/chain-10.hvmc,
 * 7n + 5 interactions after the boot) computes #1, which becomes the depth
 * 1 + extra of a tree of loops (examples/heavy-loops.hvmc) that only starts
 * when the chain is done.
 */
export const chainThenLoops = (n: number, extra: number, steps: number): Book =>
  parseBook(`@main = r & @loop ~ (#${n} x) & #1 ~ <x <#${extra} d>> & @fork ~ (d r)
@fork = (?(@leafF @forkS) (* r) r)
@leafF = (* r) & @loop ~ (#${steps} r)
@forkS = ([p q] (* r)) & @fork ~ (p a) & @fork ~ (q b) & #1 ~ <a <b r>>
@loop = (?(#1 @loopS) r r)
@loopS = (p r) & @loop ~ (p r)`);

/**
 * A hvm-lang sum over a list: sequential, but its reduction on the
 * reference defers one addition per element (many live one-step redexes).
 */
export const sumRange = (n: number): Book =>
  compileSource(`(Range 0) = Nil
(Range n) = (Cons n (Range (- n 1)))
(Sum Nil) = 0
(Sum (Cons x xs)) = (+ x (Sum xs))
main = (Sum (Range ${n}))`).book;
