/**
 * Failure paths and heap layouts: out of memory, interaction limit, type
 * error naming the pair, the heap split over several storage bindings, no
 * slot leaked after a run, and the hand-over of sequential programs.
 */
import { InteractionLimitError, OutOfMemoryError, TypeErrorPair, compileBook } from "@hvm/ir";
import { createCpuRuntime, runCompiled } from "@hvm/runtime-cpu";
import { compileSource, parseBook, printNet } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { createWebGpuRuntime } from "../src/index.js";
import { TEST_MEMORY, gpu } from "./gpu.js";

const TREE_SUM = (d: number): string => `
@main = r & @sum ~ (#${d} r)
@sum = (?(#1 @sumS) r r)
@sumS = ([p q] r)
  & @sum ~ (p a)
  & @sum ~ (q b)
  & #1 ~ <a <b r>>`;

/** hvm-lang: a tree of depth d whose leaves hold their index, summed; Gen builds it while Sum consumes it. */
const LANG_TREE_SUM = (d: number): string => `
data Tree = (Node left right) | (Leaf value)
(Gen 0 x) = (Leaf x)
(Gen d x) = (Node (Gen (- d 1) (* x 2)) (Gen (- d 1) (+ (* x 2) 1)))
(Sum (Leaf v)) = v
(Sum (Node l r)) = (+ (Sum l) (Sum r))
main = (Sum (Gen ${d} 0))`;

const LOOP = (n: number): string => `
@main = r & @loop ~ (#${n} r)
@loop = (?(#1 @loopS) r r)
@loopS = (p r)
  & @loop ~ (p r)`;

/** 2^d independent calls of @leaf (defined by `defs`) on #n, whose results are added up. */
const FORK = (d: number, n: number, defs: string): string => `
@main = r & @fork ~ (#${d} r)
@fork = (?(@leafF @forkS) (* r) r)
@leafF = (* r)
  & @leaf ~ (#${n} r)
@forkS = ([p q] (* r))
  & @fork ~ (p a)
  & @fork ~ (q b)
  & #1 ~ <a <b r>>
${defs}`;

/** 2^d independent loops of n steps (examples/heavy-loops.hvmc, smaller): the result is #2^d. */
const LOOPS = (d: number, n: number): string =>
  FORK(d, n, `@leaf = (?(#1 @leafS) r r)
@leafS = (p r)
  & @leaf ~ (p r)`);

describe.skipIf(!gpu)("webgpu runtime: errors and layouts", () => {
  const rt = gpu ? createWebGpuRuntime({ device: gpu.device, adapterInfo: gpu.adapterInfo }) : undefined;
  // Narrow rounds of long chains spread 16 invocations a redex. Its tests
  // share this runtime and a 1 MiB heap (one memory plan), so its
  // pipelines compile once: lavapipe takes seconds for each.
  const spread = gpu ? createWebGpuRuntime({ device: gpu.device, adapterInfo: gpu.adapterInfo, kernel: { budget: 64, budgetMin: 64, spreadMax: 16, spreadWidth: 1024 } }) : undefined;

  it("runs out of memory with a clear error instead of hanging", async () => {
    const book = parseBook(TREE_SUM(18));
    await expect(rt!.run(book, { memory: 1 << 20 })).rejects.toBeInstanceOf(OutOfMemoryError);
    await expect(rt!.run(book, { memory: 1 << 20 })).rejects.toThrow(/out of memory: 131072 nodes \(1 MiB\) are not enough, raise --memory/);
  });

  it("stops at the interaction limit", async () => {
    const book = parseBook(LOOP(10_000));
    await expect(rt!.run(book, { memory: TEST_MEMORY, maxInteractions: 1000 })).rejects.toBeInstanceOf(InteractionLimitError);
    const exact = runCompiled(compileBook(book)).stats.interactions;
    const res = await rt!.run(book, { memory: TEST_MEMORY, maxInteractions: exact });
    expect(res.stats.interactions).toBe(exact);
  });

  it("names the pair of a type error", async () => {
    const book = parseBook("@main = * & <a b> ~ ?a b");
    await expect(rt!.run(book, { memory: TEST_MEMORY })).rejects.toBeInstanceOf(TypeErrorPair);
    await expect(rt!.run(book, { memory: TEST_MEMORY })).rejects.toThrow(/type error: (OP2 ~ MAT|MAT ~ OP2) has no interaction rule/);
  });

  it("splits the heap over several bindings with the same result", async () => {
    const split = createWebGpuRuntime({ device: gpu!.device, adapterInfo: gpu!.adapterInfo, maxBindingBytes: 1 << 20 });
    const book = parseBook(TREE_SUM(10));
    const res = await split.run(book, { memory: 2 << 20 });
    expect(res.stats.heapNodes).toBe(262144);
    const ref = runCompiled(compileBook(book));
    expect(printNet(res.net)).toBe(printNet(ref.net));
    expect(res.stats.byRule).toEqual(ref.stats.byRule);
  }, 400_000);

  it("leaves only node 0 and the result in the heap (no redirect chains, no leaked cells)", async () => {
    const counting = createWebGpuRuntime({ device: gpu!.device, adapterInfo: gpu!.adapterInfo, countLiveSlots: true });
    for (const src of [LOOP(300), TREE_SUM(8)]) {
      const res = await counting.run(parseBook(src), { memory: TEST_MEMORY });
      expect(res.stats.liveSlots).toBe(2);
    }
  });

  it("reuses the nodes a chain frees: a 20,000-step loop (140,000 nodes allocated) stays in its first chunk", async () => {
    const book = parseBook(LOOP(20_000));
    const res = await rt!.run(book, { memory: TEST_MEMORY });
    expect(printNet(res.net)).toBe("#1");
    expect(res.stats.byRule).toEqual(runCompiled(compileBook(book)).stats.byRule);
    expect(res.stats.peakNodes).toBe(3 * 64);
  });

  it("takes the top of the bag each round (the window): a hvm-lang tree sum is generated depth-first and fits a heap the whole bag overflows", async () => {
    const { book } = compileSource(LANG_TREE_SUM(16));
    const ref = runCompiled(compileBook(book));
    // Measured on lavapipe: the whole bag needs 2 MiB, windows of 256 fit 1-1.5 MiB, of 128 fit 1 MiB.
    const memory = 1.25 * 2 ** 20;
    const whole = createWebGpuRuntime({ device: gpu!.device, adapterInfo: gpu!.adapterInfo, kernel: { window: 2 ** 32 - 1 } });
    await expect(whole.run(book, { memory })).rejects.toBeInstanceOf(OutOfMemoryError);
    const windowed = createWebGpuRuntime({ device: gpu!.device, adapterInfo: gpu!.adapterInfo, kernel: { window: 128, windowFrom: 0 } });
    const res = await windowed.run(book, { memory });
    expect(printNet(res.net)).toBe("#16744448");
    expect(printNet(res.net)).toBe(printNet(ref.net));
    expect(res.stats.byRule).toEqual({ ANNI: 1179638, COMM: 131070, ERAS: 262142, DREF: 524285, OPER: 1179631 });
    expect(res.stats.byRule).toEqual(ref.stats.byRule);
  }, 60_000);

  it("recycles memory: a loop allocating far more nodes than the heap holds finishes", async () => {
    const book = parseBook(LOOP(60_000));
    const res = await rt!.run(book, { memory: 1 << 20 });
    expect(printNet(res.net)).toBe("#1");
    expect(res.stats.interactions).toBe(runCompiled(compileBook(book)).stats.interactions);
  });

  it("spreads the rounds of long chains over several invocations each, with the reference's result", async () => {
    // Every loop outlives a budget of 64, so after the fork each round
    // follows one where all busy invocations used their whole budget: 32
    // chains in rounds spread 16 invocations a redex (512 of 1,024).
    const book = parseBook(LOOPS(5, 300));
    const res = await spread!.run(book, { memory: 1 << 20 });
    const ref = runCompiled(compileBook(book));
    expect(printNet(res.net)).toBe("#32");
    expect(res.stats.byRule).toEqual(ref.stats.byRule);
    expect(res.stats.rounds).toBeGreaterThan(20);
    // Every batch after the first spread round dispatches the lone
    // pipeline, which runs the spread rounds; the batches before it do not.
    expect(res.stats.spreadRounds).toBeGreaterThan(10);
    expect(res.stats.loneRounds).toBeGreaterThan(0);
    expect(res.stats.loneRounds).toBeLessThan(res.stats.rounds);
  });

  it("runs out of memory in spread rounds with a clear error", async () => {
    // 8 chains of a non-tail recursion (each step keeps an addition waiting
    // for the rest: the heap grows with the chain) in rounds spread 16
    // invocations a redex: the lone pipeline, which does not poll the
    // error flag, stops at the end of its budget.
    const book = parseBook(
      FORK(3, 100_000, `@leaf = (?(#0 @leafS) r r)
@leafS = (p r)
  & @leaf ~ (p a)
  & #1 ~ <a r>`),
    );
    await expect(spread!.run(book, { memory: 1 << 20 })).rejects.toThrow(/out of memory: 131072 nodes \(1 MiB\) are not enough, raise --memory/);
  });

  it("hands a sequential program to the fallback runtime", async () => {
    const withFallback = createWebGpuRuntime({ device: gpu!.device, adapterInfo: gpu!.adapterInfo, fallback: createCpuRuntime() });
    const book = parseBook(LOOP(200_000));
    const res = await withFallback.run(book, { memory: TEST_MEMORY });
    expect(res.stats.fallback).toMatch(/^cpu \(at most \d+ pending redexes/);
    expect(res.stats.byRule).toEqual(runCompiled(compileBook(book)).stats.byRule);
  });
});
