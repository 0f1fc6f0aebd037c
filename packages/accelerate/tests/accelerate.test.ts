import { describe, expect, it } from "vitest";
import type { Runtime } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import {
  AccelerateError,
  DebugCheckError,
  InputError,
  NoAdapterError,
  accelerate,
  cachedKernels,
  loop,
  map,
  map2,
  reduce,
} from "../src/index.js";

describe("explain", () => {
  it("prints the generated book: one redex per element, results in a balanced tree", () => {
    expect(accelerate.explain(map((x: number) => x * 2 + 1, [1, 2, 3]))).toBe(
      [
        "@main = (a (b c))",
        "  & @acc_map ~ (#1 a)",
        "  & @acc_map ~ (#2 b)",
        "  & @acc_map ~ (#3 c)",
        "@acc_map = (a b)",
        "  & #50331650 ~ <a c>",
        "  & #16777217 ~ <c b>",
        "",
      ].join("\n"),
    );
  });

  it("combines a reduce as a balanced tree and folds the initial value in once", () => {
    expect(accelerate.explain(reduce((a: number, b: number) => a + b, 0, [1, 2, 3, 4]))).toBe(
      [
        "@main = a",
        "  & @acc_reduce ~ (#1 (#2 b))",
        "  & @acc_reduce ~ (#3 (#4 c))",
        "  & @acc_reduce ~ (b (c d))",
        "  & @acc_reduce ~ (#0 (d a))",
        "@acc_reduce = (a (b c))",
        "  & #1 ~ <a <b c>>",
        "",
      ].join("\n"),
    );
  });

  it("fuses nested expressions into one net with one definition set per kernel", () => {
    expect(accelerate.explain(map((x: number) => x + 1, map((x: number) => x * 3, [1, 2])))).toBe(
      [
        "@main = (a b)",
        "  & @k1_acc_map ~ (#1 c)",
        "  & @k1_acc_map ~ (#2 d)",
        "  & @k0_acc_map ~ (c a)",
        "  & @k0_acc_map ~ (d b)",
        "@k0_acc_map = (a b)",
        "  & #16777217 ~ <a b>",
        "@k1_acc_map = (a b)",
        "  & #50331651 ~ <a b>",
        "",
      ].join("\n"),
    );
  });
});

describe("cpu mode", () => {
  it("reports exact per-rule interaction counts", async () => {
    const run = await accelerate.run(map((x: number) => x * 2 + 1, [1, 2, 3]), { mode: "cpu" });
    expect(run.value).toEqual([3, 5, 7]);
    expect(run.runtime).toBe("cpu");
    expect(run.stats!.byRule).toEqual({ ANNI: 3, COMM: 0, ERAS: 0, DREF: 4, OPER: 12 });
    const sum = await accelerate.run(reduce((a: number, b: number) => a + b, 0, [1, 2, 3, 4]), { mode: "cpu" });
    expect(sum.value).toBe(10);
    expect(sum.stats!.byRule).toEqual({ ANNI: 8, COMM: 0, ERAS: 0, DREF: 5, OPER: 16 });
  });

  it("returns tuples, booleans as 0/1, empty arrays and the initial value of an empty reduce", async () => {
    expect(await accelerate(map((x: number) => [x, x > 1], [1, 2]), { mode: "cpu" })).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(await accelerate(map((x: number) => x, []), { mode: "cpu" })).toEqual([]);
    expect(await accelerate(reduce((a: number, b: number) => a + b, 7, []), { mode: "cpu" })).toBe(7);
    expect(await accelerate(map2((a: number, b: number) => (a > b ? a - b : b - a), [5, 1], [2, 9]), { mode: "cpu" })).toEqual([3, 8]);
    expect(await accelerate(loop(4, (i: number) => i << 2), { mode: "cpu" })).toEqual([0, 4, 8, 12]);
    expect(await accelerate(map((x: number) => x + 1, new Uint32Array([1, 2])), { mode: "cpu" })).toEqual([2, 3]);
  });

  it("takes arrays of fixed-size arrays as inputs, in every mode", async () => {
    const vals = [5, 9, 2, 9, 7];
    const argmax = reduce(
      ([v1, i1]: number[], [v2, i2]: number[]) => (v2 > v1 ? [v2, i2] : [v1, i1]),
      [0, 0],
      map2((v: number, i: number) => [v, i], vals, [0, 1, 2, 3, 4]),
    );
    const swap = map(([a, b]: number[]) => [b, a + b], [
      [1, 2],
      [3, 4],
    ]);
    for (const mode of ["sequential", "debug", "cpu"] as const) {
      expect(await accelerate(argmax, { mode })).toEqual([9, 1]);
      expect(await accelerate(swap, { mode })).toEqual([
        [2, 3],
        [4, 7],
      ]);
    }
    expect(accelerate.explain(map((t: number[]) => t[1], [[1, 2]]))).toBe(
      ["@main = a", "  & @acc_map ~ (((#1 (#2 b)) b) a)", "@acc_map = (((* (a a)) b) b)", ""].join("\n"),
    );
  });

  it("rejects inputs of mixed shapes and a reduce whose init or result has another shape", async () => {
    await expect(accelerate(map((x: number) => x, [1, [2]] as never), { mode: "cpu" })).rejects.toThrow(
      "map input[1] = [2] has shape [number], map input[0] has number: every element must have the same shape",
    );
    const err = await accelerate(reduce((a: number, b: number) => [a, b] as never, [0, 0] as never, [1]), { mode: "cpu" }).catch((e: unknown) => e);
    expect((err as AccelerateError).diagnostics.map((d) => d.message)).toEqual([
      "init has shape [number, number] but the elements have number",
      "the operator returns [number, number] but the elements are number: it must return what it takes",
    ]);
  });

  it("wraps arithmetic modulo 2^24", async () => {
    expect(await accelerate(map((x: number) => x - 1, [0]), { mode: "cpu" })).toEqual([16777215]);
    expect(await accelerate(map((x: number) => x * 4096, [4097]), { mode: "cpu" })).toEqual([4096]);
  });

  it("is the default mode without a GPU provider or navigator.gpu", async () => {
    const run = await accelerate.run(map((x: number) => x + 1, [1]));
    expect([run.mode, run.runtime, run.value]).toEqual(["cpu", "cpu", [2]]);
  });

  it("passes the interaction limit and abort signal to the runtime", async () => {
    function fib(n: number): number {
      return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
    const expr = map((x: number) => fib(x), [20]);
    await expect(accelerate(expr, { mode: "cpu", scope: { fib }, maxInteractions: 1000 })).rejects.toThrow(/interaction limit reached: 1000 interactions/);
    const controller = new AbortController();
    controller.abort();
    await expect(accelerate(expr, { mode: "cpu", scope: { fib }, signal: controller.signal })).rejects.toThrow("reduction aborted");
  });

  it("needs the node entry for threads", async () => {
    await expect(accelerate(map((x: number) => x, [1]), { mode: "cpu", threads: 2 })).rejects.toThrow(/threads: 2 needs the parallel CPU reducer; in Node import from @hvm\/accelerate\/node/);
  });

  it("runs on an injected runtime and leaves it to the caller", async () => {
    const cpu = createCpuRuntime();
    let runs = 0;
    let disposed = 0;
    const runtime: Runtime = { name: "counting", run: (b, o) => (runs++, cpu.run(b, o)), dispose: async () => void disposed++ };
    const run = await accelerate.run(map((x: number) => x + 1, [1]), { mode: "cpu", runtime });
    expect([run.value, run.runtime, runs, disposed]).toEqual([[2], "counting", 1, 0]);
  });

  it("caches compiled kernels per source and scope", async () => {
    const before = cachedKernels();
    for (let i = 0; i < 3; i++) await accelerate(map((x: number) => x * 5 + 4, [i]), { mode: "cpu" });
    expect(cachedKernels()).toBe(before + 1);
    await accelerate(map((x: number) => x * 5 + 4, [1]), { mode: "cpu", scope: { unused: 1 } });
    expect(cachedKernels()).toBe(before + 2);
  });
});

describe("errors", () => {
  it("reports every static problem before anything runs, in every compiled mode", async () => {
    const k = 3;
    const bad = map((x: number) => x * k + "!".length, [1]);
    for (const mode of ["cpu", "gpu", "debug"] as const) {
      const err = await accelerate(bad, { mode }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AccelerateError);
      expect((err as AccelerateError).diagnostics.map((d) => d.code)).toEqual(["E_ACC_FREE_IDENTIFIER", "E_ACC_UNSUPPORTED"]);
    }
    await expect(accelerate(map((x: number) => x * k, [1]), { mode: "cpu", scope: { k } })).resolves.toEqual([3]);
  });

  it("rejects unknown modes", async () => {
    await expect(accelerate(map((x: number) => x, [1]), { mode: "gpuu" as never })).rejects.toThrow('unknown mode "gpuu": use one of "gpu", "cpu", "sequential", "debug"');
  });

  it("rejects inputs outside u24 and map2 inputs of different lengths", async () => {
    await expect(accelerate(map((x: number) => x, [1.5]), { mode: "cpu" })).rejects.toThrow(InputError);
    await expect(accelerate(map((x: number) => x, [-1]), { mode: "debug" })).rejects.toThrow("map input[0] = -1 is not a u24 number: inputs must be integers 0..16777215");
    await expect(accelerate(map2((a: number, b: number) => a + b, [1], [1, 2]), { mode: "cpu" })).rejects.toThrow("map2 inputs must have equal lengths, got 1 and 2");
  });

  it("names cpu and sequential when gpu mode has no adapter", async () => {
    const err = await accelerate(map((x: number) => x, [1]), { mode: "gpu" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoAdapterError);
    expect((err as Error).message).toMatch(/mode: "cpu".*mode: "sequential"/);
  });
});

describe("debug mode", () => {
  it("checks every intermediate value against u24, with its location", async () => {
    await expect(accelerate(map((x: number) => x - 5, [7, 3]), { mode: "debug" })).rejects.toThrow(
      "map:1:8: the result of - is -2, outside the u24 model (integers 0..16777215): a negative number: subtraction wraps modulo 2^24 in compiled modes, reorder or guard it",
    );
    await expect(accelerate(map((x: number) => x / 2, [3]), { mode: "debug" })).rejects.toThrow(/fractional result: write Math.floor\(a \/ b\)/);
    await expect(accelerate(map((x: number) => Math.floor(x / 2), [3]), { mode: "debug" })).resolves.toEqual([1]);
  });

  it("samples associativity of reduce operators", async () => {
    const err = await accelerate(reduce((a: number, b: number) => a * 2 + b, 0, [1, 2, 3, 4]), { mode: "debug" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DebugCheckError);
    expect((err as DebugCheckError).code).toBe("E_ACC_ASSOCIATIVITY");
    const ok = await accelerate.run(reduce((a: number, b: number) => (a > b ? a : b), 0, [4, 9, 2]), { mode: "debug", samples: 16 });
    expect([ok.value, ok.triples]).toEqual([9, 16]);
  });

  it("rejects comparing a boolean with a number, which JS and nets disagree on", async () => {
    await expect(accelerate(map((x: number) => ((x > 1) as unknown as number) === 1, [2]), { mode: "debug" })).rejects.toThrow(
      /=== compares a boolean with a number/,
    );
  });
});
