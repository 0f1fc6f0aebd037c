/**
 * Contention: the parallel programs of the corpus run again and again with
 * more threads than cores (bounded: 20 runs of each, or 60 s in all). Every
 * run must report the same counts and normal form, so no interaction was
 * lost or done twice by the concurrent linking.
 */
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";
import { afterAll, describe, expect, it } from "vitest";
import { book, parallelPrograms, summary } from "./helpers.js";

const RUNS = 20;
const BUDGET_MS = 60_000;

describe("stress: repeated parallel runs", () => {
  const rt = createParallelCpuRuntime({ threads: 4 });
  afterAll(() => rt.dispose());

  it("finds no lost or duplicated interaction", async () => {
    const started = performance.now();
    let runs = 0;
    for (let r = 0; r < RUNS && performance.now() - started < BUDGET_MS; r++) {
      for (const p of parallelPrograms) {
        expect(summary(await rt.run(book(p.source)))).toEqual(p.expected);
        runs++;
      }
    }
    expect(runs).toBeGreaterThanOrEqual(parallelPrograms.length);
    expect(parallelPrograms.map((p) => p.name)).toContain("sum-tree");
  }, 180_000);
});
