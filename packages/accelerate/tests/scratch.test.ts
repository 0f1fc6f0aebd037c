import { it } from "vitest";
import { accelerate, map, map2, reduce, loop } from "../src/index.js";
it("scratch", async () => {
  const fib = function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); };
  console.log(accelerate.explain(map((x) => x * 2 + 1, [1, 2, 3])));
  console.log(await accelerate.run(map((x) => x * 2 + 1, [1, 2, 3]), { mode: "cpu" }));
  console.log(accelerate.explain(map((x) => fib(x), [5, 10]), { scope: { fib } }));
  console.log(await accelerate.run(map((x) => fib(x), [5, 10, 20]), { mode: "cpu", scope: { fib } }));
  console.log(await accelerate.run(reduce((a, b) => a + b, 0, [1, 2, 3, 4, 5]), { mode: "cpu" }));
  console.log(await accelerate.run(map2((a, b) => [a * b, a + b], [1, 2, 3], [4, 5, 6]), { mode: "cpu" }));
  console.log(await accelerate.run(loop(5, (i) => i * i), { mode: "debug" }));
});
