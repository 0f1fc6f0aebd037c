import { describe, expect, it } from "vitest";
import { checksum } from "../src/checksum.js";
import { runSuite } from "../src/suite.js";
import { MACHINE, MUL, OPTIONS, RIGHT, WRONG, fakeRuntime, print } from "./fixtures.js";

describe("runSuite", () => {
  it("runs every program on every target with a fresh runtime per case", async () => {
    const made: ReturnType<typeof fakeRuntime>[] = [];
    const report = await runSuite({
      programs: [MUL, { ...MUL, name: "mul2" }],
      targets: [
        { id: "good", kind: "cpu", create: async () => (made[made.length] = fakeRuntime("good", RIGHT, 5, [1])) },
        { id: "bad", kind: "webgpu", create: async () => fakeRuntime("bad", WRONG, 5, [1]) },
        { id: "gone", kind: "cpu-parallel", create: () => Promise.reject(new Error("no workers")) },
      ],
      options: OPTIONS,
      machine: MACHINE,
      print,
      unavailable: [{ id: "webgpu", kind: "webgpu", error: "Dawn found no adapter" }],
    });
    expect(made).toHaveLength(2);
    expect(made.every((r) => r.disposed)).toBe(true);
    expect(report.results.map((r) => `${r.program}@${r.runtime}:${r.status}`)).toEqual([
      "mul@good:ok",
      "mul2@good:ok",
      "mul@bad:WRONG",
      "mul2@bad:WRONG",
      "mul@gone:error",
      "mul2@gone:error",
    ]);
    expect(report.results[4].reason).toBe("runtime unavailable: no workers");
    expect(report.runtimes.map((r) => [r.id, r.error])).toEqual([
      ["webgpu", "not measured: Dawn found no adapter"],
      ["good", undefined],
      ["bad", undefined],
      ["gone", "runtime unavailable: no workers"],
    ]);
    expect(report.programs).toEqual([
      { name: "mul", origin: "corpus", expectedChecksum: checksum("#39483") },
      { name: "mul2", origin: "corpus", expectedChecksum: checksum("#39483") },
    ]);
  });
});
