/**
 * Every example in all four modes, with equal results (and, on the GPU,
 * the reference reducer's per-rule interaction counts). The gpu mode runs on
 * whatever adapter Dawn finds (lavapipe in CI); without one it is skipped
 * with a message, except under CI=true, where a missing adapter fails.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../examples/index.js";
import { accelerate, hasGpuAdapter, type Mode } from "../src/node.js";

const gpu = await hasGpuAdapter();
const inCi = process.env.CI === "true";
if (!gpu && !inCi) process.stdout.write("accelerate examples: no WebGPU adapter, skipping gpu mode (set CI=true to make this a failure)\n");

const MODES: readonly Mode[] = ["sequential", "debug", "cpu", "gpu"];

describe.each(EXAMPLES)("example $name", (ex) => {
  let cpuCounts: unknown;
  for (const mode of MODES) {
    const skip = mode === "gpu" && !gpu && !inCi;
    it.skipIf(skip)(`gives the expected result in ${mode} mode`, async () => {
      const run = await accelerate.run(ex.expr, { mode, scope: ex.scope ?? {} });
      expect(run.mode).toBe(mode);
      expect(run.value).toEqual(ex.expected);
      if (mode === "cpu") cpuCounts = run.stats!.byRule;
      if (mode === "gpu" && cpuCounts !== undefined) expect(run.stats!.byRule).toEqual(cpuCounts);
    });
  }
});
