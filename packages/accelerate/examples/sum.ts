/** reduce: the sum of 1..100, combined as a balanced tree. */
import { reduce } from "../src/index.js";
import type { Example } from "./types.js";

export const sum: Example = {
  name: "reduce a + b over 1..100",
  expr: reduce((a: number, b: number) => a + b, 0, Array.from({ length: 100 }, (_, i) => i + 1)),
  expected: 5050,
};
