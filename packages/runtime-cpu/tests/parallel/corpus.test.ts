/**
 * The whole corpus on cpu-parallel with 1, 2, 4 and 8 threads (8 is more than
 * this machine's cores): the canonical normal form and every per-rule count
 * must be exactly the reference's (the .expected files are the reference
 * CLI's output; the reference runtime is also run on each program).
 */
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";
import { afterAll, describe, expect, it } from "vitest";
import { book, light, summary } from "./helpers.js";

const reference = createCpuRuntime();

describe.each([1, 2, 4, 8])("cpu-parallel with %i threads", (threads) => {
  const rt = createParallelCpuRuntime({ threads });
  afterAll(() => rt.dispose());

  it("reports its name and thread count", () => {
    expect(rt.name).toBe("cpu-parallel");
    expect(rt.threads).toBe(threads);
  });

  for (const p of light) {
    it(p.name, async () => {
      const b = book(p.source);
      const got = summary(await rt.run(b));
      expect(got).toEqual(p.expected);
      if (threads === 2) expect(got).toEqual(summary(await reference.run(b)));
    });
  }
});
