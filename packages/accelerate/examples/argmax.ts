/** map2 then reduce over pairs: the largest value and its first index. */
import { map2, reduce } from "../src/index.js";
import type { Example } from "./types.js";

const values = [5, 9, 2, 9, 7, 1, 8, 3];

export const argmax: Example = {
  name: "reduce [value, index] pairs to the argmax",
  expr: reduce(
    ([v1, i1]: number[], [v2, i2]: number[]) => (v2 > v1 ? [v2, i2] : [v1, i1]),
    [0, 0],
    map2((v: number, i: number) => [v, i], values, values.map((_, i) => i)),
  ),
  expected: [9, 1],
};
