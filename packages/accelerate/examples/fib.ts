/** map over a recursive function passed in scope: it compiles to a supercombinator. */
import { map } from "../src/index.js";
import type { Example } from "./types.js";

export function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

export const fibs: Example = {
  name: "map fib over 0..15",
  expr: map((x: number) => fib(x), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]),
  scope: { fib },
  expected: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610],
};
