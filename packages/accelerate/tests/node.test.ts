import { describe, expect, it } from "vitest";
import { accelerate, map, reduce } from "../src/node.js";

describe("@hvm/accelerate/node", () => {
  it("runs cpu mode with threads on the worker_threads reducer, with the reference's counts", async () => {
    const expr = reduce((a: number, b: number) => a + b, 0, [1, 2, 3, 4, 5, 6, 7, 8]);
    const ref = await accelerate.run(expr, { mode: "cpu" });
    const par = await accelerate.run(expr, { mode: "cpu", threads: 2 });
    expect([par.value, par.runtime]).toEqual([36, "cpu-parallel"]);
    expect(par.stats!.byRule).toEqual(ref.stats!.byRule);
  });

  it("compares debug mode's compiled run on the parallel reducer too", async () => {
    const run = await accelerate.run(map((x: number) => x * x, [1, 2, 3]), { mode: "debug", threads: 2 });
    expect([run.value, run.runtime]).toEqual([[1, 4, 9], "cpu-parallel"]);
  });
});
