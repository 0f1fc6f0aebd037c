import { describe, expect, it } from "vitest";
import { DEFAULT_RUNTIME, RUNTIMES, findRuntime } from "../src/runtimes.js";
import { UsageError } from "../src/errors.js";

describe("the runtime registry", () => {
  it("has unique names, descriptions, and the default among them", () => {
    const names = RUNTIMES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(DEFAULT_RUNTIME);
    for (const r of RUNTIMES) expect(r.description.length).toBeGreaterThan(0);
  });

  it("creates the cpu runtime by name", async () => {
    const runtime = await findRuntime("cpu").create({});
    expect(runtime.name).toBe("cpu");
    await runtime.dispose();
  });

  it("names the available runtimes when one is unknown", () => {
    expect(() => findRuntime("quantum")).toThrow(UsageError);
    expect(() => findRuntime("quantum")).toThrow(/available: .*cpu/);
  });
});
