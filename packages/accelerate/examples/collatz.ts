/** loop: Collatz stopping times of 1..12, every iteration independent. */
import { loop } from "../src/index.js";
import type { Example } from "./types.js";

export function steps(n: number): number {
  if (n <= 1) return 0;
  const next = n % 2 === 0 ? n >> 1 : 3 * n + 1;
  return 1 + steps(next);
}

export const collatz: Example = {
  name: "loop Collatz steps of 1..12",
  expr: loop(12, (i: number) => steps(i + 1)),
  scope: { steps },
  expected: [0, 1, 7, 2, 5, 8, 16, 3, 19, 6, 14, 9],
};
