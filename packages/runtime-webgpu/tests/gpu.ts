/**
 * Test support: one Dawn device for the whole test file. Without an adapter
 * the GPU suites skip with a message, except in CI (CI=true), where a
 * missing adapter fails the run.
 */
import { afterAll } from "vitest";
import type { AcquiredDevice } from "../src/device.js";
import { requestNodeDevice } from "../src/node.js";

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
