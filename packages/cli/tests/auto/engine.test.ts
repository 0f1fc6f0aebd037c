import type { Runtime } from "@hvm/ir";
import { describe, expect, it } from "vitest";
import { cliEngine } from "../../src/auto/engine.js";
import { recording } from "./programs.js";

describe("cliEngine", () => {
  it("warms a GPU up at the run's heap size, with the reference as its fallback", async () => {
    const log: string[] = [];
    let fallback = "";
    const make = cliEngine({ adapter: "x" }, () => recording("cpu", log), () => recording("cpu-parallel", log), async (opts, fb) => {
      fallback = fb.name;
      log.push(`gpu for ${String(opts.adapter)}`);
      return recording("webgpu:x", log);
    });
    const engine = await make(1 << 20);
    expect(engine?.name).toBe("webgpu:x");
    expect(fallback).toBe("cpu");
    expect(log).toEqual(["gpu for x", "webgpu:x main"]);
  });

  it("takes cpu-parallel when there is no adapter to use, and none on one core", async () => {
    const log: string[] = [];
    const noGpu = async (): Promise<Runtime | undefined> => undefined;
    expect((await cliEngine({}, () => recording("cpu", log), () => recording("cpu-parallel", log), noGpu)(undefined))?.name).toBe("cpu-parallel");
    expect(await cliEngine({}, () => recording("cpu", log), () => undefined, noGpu)(undefined)).toBeUndefined();
  });

  it("disposes a GPU whose warm-up fails and takes cpu-parallel", async () => {
    const log: string[] = [];
    const broken: Runtime = {
      name: "webgpu:broken",
      run: async () => {
        throw new Error("device lost");
      },
      dispose: async () => {
        log.push("webgpu:broken disposed");
      },
    };
    const engine = await cliEngine({}, () => recording("cpu", log), () => recording("cpu-parallel", log), async () => broken)(undefined);
    expect(engine?.name).toBe("cpu-parallel");
    expect(log).toEqual(["webgpu:broken disposed"]);
  });

  it("takes cpu-parallel when making the GPU throws", async () => {
    const log: string[] = [];
    const engine = await cliEngine({}, () => recording("cpu", log), () => recording("cpu-parallel", log), async () => {
      throw new Error("no webgpu package");
    })(undefined);
    expect(engine?.name).toBe("cpu-parallel");
  });
});
