/** map2: pairwise products, and a pair of results per element. */
import { map2 } from "../src/index.js";
import type { Example } from "./types.js";

export const products: Example = {
  name: "map2 a * b",
  expr: map2((a: number, b: number) => a * b, [1, 2, 3, 4], [10, 20, 30, 40]),
  expected: [10, 40, 90, 160],
};

export const minMax: Example = {
  name: "map2 [min, max]",
  expr: map2((a: number, b: number) => [Math.min(a, b), Math.max(a, b)], [5, 1, 9], [3, 7, 9]),
  expected: [
    [3, 5],
    [1, 7],
    [9, 9],
  ],
};
