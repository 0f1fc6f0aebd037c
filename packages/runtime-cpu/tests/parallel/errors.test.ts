/**
 * Failures raised inside workers reach the caller as the reference's errors
 * (same classes and messages), and every worker thread is gone afterwards.
 */
import { AbortedError, HvmError, InteractionLimitError, OutOfMemoryError, type RunOptions, TypeErrorPair, ValidationError } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";
import { afterAll, describe, expect, it } from "vitest";
import { book, corpus } from "./helpers.js";

const sumTree = book(corpus.find((p) => p.name === "sum-tree")!.source);
const typeClash = book("@main = r & @f ~ (#3 r)\n@f = (a b) & <a b> ~ ?(c c) *");
const reference = createCpuRuntime();

async function failure(run: () => Promise<unknown>): Promise<HvmError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof HvmError) return e;
    throw e;
  }
  throw new Error("expected the run to fail");
}

describe("errors from workers", () => {
  const rt = createParallelCpuRuntime({ threads: 3 });
  afterAll(() => rt.dispose());

  const cases: Array<[string, import("@hvm/ir").Book, RunOptions, new (...a: never[]) => HvmError]> = [
    ["out of memory", sumTree, { memory: 40 * 8 }, OutOfMemoryError],
    ["out of memory in a one-node heap", sumTree, { memory: 8 }, OutOfMemoryError],
    ["interaction limit", sumTree, { maxInteractions: 5000 }, InteractionLimitError],
    ["type error naming the pair", typeClash, {}, TypeErrorPair],
  ];
  for (const [label, b, opts, cls] of cases) {
    it(`${label}: the reference's error, and no worker left`, async () => {
      const want = await failure(() => reference.run(b, opts));
      await rt.run(sumTree);
      expect(rt.liveThreads()).toBe(3);
      const got = await failure(() => rt.run(b, opts));
      expect(got).toBeInstanceOf(cls);
      expect(got.message).toBe(want.message);
      expect(rt.liveThreads()).toBe(0);
    });
  }

  it("names the pair in the type error", async () => {
    const got = await failure(() => rt.run(typeClash));
    expect(got.message).toBe("type error: OP2 ~ MAT has no interaction rule (two numeric nodes met)");
  });

  it("runs again after a failure, with fresh workers", async () => {
    await failure(() => rt.run(sumTree, { maxInteractions: 10 }));
    const r = await rt.run(sumTree);
    expect(r.stats.interactions).toBe(1114101);
    expect(rt.liveThreads()).toBe(3);
  });

  it("stops on abort", async () => {
    const ac = new AbortController();
    const heavy = book(corpus.find((p) => p.name === "heavy-chain")!.source);
    const pending = failure(() => rt.run(heavy, { signal: ac.signal }));
    setTimeout(() => ac.abort(), 200);
    expect(await pending).toBeInstanceOf(AbortedError);
    expect(rt.liveThreads()).toBe(0);
  });

  it("rejects an invalid book without touching the workers", async () => {
    await rt.run(sumTree);
    const got = await failure(() => rt.run(book("@main = a")));
    expect(got).toBeInstanceOf(ValidationError);
    expect(rt.liveThreads()).toBe(3);
  });

  it("queues concurrent runs on one runtime", async () => {
    const results = await Promise.all([rt.run(sumTree), rt.run(typeClash).catch((e: Error) => e.name), rt.run(sumTree)]);
    expect(results.map((r) => (typeof r === "string" ? r : r.stats.interactions))).toEqual([1114101, "TypeErrorPair", 1114101]);
  });

  it("dispose ends every worker", async () => {
    const other = createParallelCpuRuntime({ threads: 2 });
    await other.run(sumTree);
    expect(other.liveThreads()).toBe(2);
    await other.dispose();
    expect(other.liveThreads()).toBe(0);
  });
});
