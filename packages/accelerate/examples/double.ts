/** map: every element doubled plus one. */
import { map } from "../src/index.js";
import type { Example } from "./types.js";

export const double: Example = {
  name: "map x * 2 + 1",
  expr: map((x: number) => x * 2 + 1, [1, 2, 3]),
  expected: [3, 5, 7],
};
