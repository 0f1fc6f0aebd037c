/**
 * The whole corpus on cpu-parallel with 1, 2, 4 and 8 threads (8 is more than
 * this machine's cores): the canonical normal form and every per-rule count
 * must be exactly the reference's (the .expected files are the reference
 * CLI's output; the reference runtime is also run on each program).
 */
import { readFileSync, readdirSync } from "node:fs";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";
import { compileSource } from "@hvm/syntax";
import { afterAll, describe, expect, it } from "vitest";
import { book, light, summary, withHeavy } from "./helpers.js";

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

/** The lang examples (bitonic sort, merge sort, tree sum, ...) compiled to nets: same as the reference. */
describe("lang examples on cpu-parallel with 3 threads", () => {
  const rt = createParallelCpuRuntime({ threads: 3 });
  afterAll(() => rt.dispose());
  const dir = new URL("../../../../examples/lang/", import.meta.url);
  const heavy = new Set(readFileSync(new URL("heavy.txt", dir), "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()));
  const names = readdirSync(dir).filter((f) => f.endsWith(".hvm") && (withHeavy || !heavy.has(f.slice(0, -4))));

  it("finds the examples", () => expect(names).toContain("bitonic.hvm"));
  for (const name of names) {
    it(name, async () => {
      const b = compileSource(readFileSync(new URL(name, dir), "utf8"), name).book;
      expect(summary(await rt.run(b))).toEqual(summary(await reference.run(b)));
    });
  }
});
