/** Every example, in the order `run.ts` prints them. */
import { argmax } from "./argmax.js";
import { collatz } from "./collatz.js";
import { minMax, products } from "./dot.js";
import { double } from "./double.js";
import { fibs } from "./fib.js";
import { sum } from "./sum.js";
import type { Example } from "./types.js";

export type { Example } from "./types.js";
export const EXAMPLES: readonly Example[] = [double, products, minMax, sum, argmax, fibs, collatz];
