/**
 * Test support: one Dawn device for the whole test file. Without an adapter
 * the GPU suites skip with a message, except in CI (CI=true), where a
 * missing adapter fails the run.
 */
import { afterAll } from "vitest";
import type { AcquiredDevice } from "../src/device.js";
import type { KernelConfig } from "../src/layout.js";
import { requestNodeDevice } from "../src/node.js";

/**
 * Kernel shapes the correctness suites run under: the adapter's default, and
 * a stress shape that exercises what the GPU default leans on (ring stacks
 * that hand their oldest redex out when full, work sharing at every step,
 * short dispatches that spill everything between rounds, rounds that take
 * only the top of their bag and leave the rest below for later rounds,
 * sharing less often in wide rounds and not at all while the output bag's
 * leftovers fill a wave, dispatches of several waves whose later
 * invocations release their allocation chunk when they finish, wires longer
 * than one visit continued as link jobs on the stack).
 */
export const SCHEDULES: ReadonlyArray<[string, Partial<KernelConfig>]> = [
  ["default kernel", {}],
  ["2-pair stacks, sharing every step (every 2nd in rounds of 32+ redexes, leftovers counted), budget 64 (adaptive from 8), windows of 64 redexes, waves of 32 invocations (128 keeping their chunk), one round of visits per link, narrow rounds spread up to 16 invocations a redex", { localCapacity: 2, shareEvery: 1, shareEveryWide: 2, shareWideAt: 1, shareCountsLeftovers: true, budget: 64, budgetMin: 8, window: 64, windowFrom: 0, wave: 32, keepChunks: 128, linkRounds: 1, spreadMax: 16, spreadWidth: 512 }],
];

/** The heap every test uses unless it tests sizing (one shader shape: the compiled shader is cached). */
export const TEST_MEMORY = 64 << 20;

async function acquire(): Promise<AcquiredDevice | undefined> {
  try {
    return await requestNodeDevice();
  } catch (e) {
    if (process.env.CI === "true") throw e;
    console.warn(`WebGPU tests skipped: ${(e as Error).message}`);
    return undefined;
  }
}

export const gpu: AcquiredDevice | undefined = await acquire();

afterAll(() => {
  gpu?.device.destroy();
});
