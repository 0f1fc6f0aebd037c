import { describe, expect, it } from "vitest";
import { renderHeader, renderProblems, renderTable } from "../src/table.js";
import { sampleReport } from "./fixtures.js";

describe("terminal table", () => {
  it("shows one row per case, WRONG without a time", async () => {
    const report = await sampleReport();
    expect(renderTable(report.results)).toBe(
      [
        "program  defs/nodes  runtime   interactions  median  spread  interactions/s  result",
        "-------  ----------  --------  ------------  ------  ------  --------------  -----------",
        "mul               -  cpu                  5    2 µs  ±50.0%        2.50 M/s  ok 51e45556",
        "mul               -  webgpu:0             5       -       -               -  WRONG",
      ].join("\n"),
    );
    expect(renderProblems(report.results)).toMatch(/^WRONG mul on webgpu:0: normal form differs from the reference \(checksum [0-9a-f]{16}, expected [0-9a-f]{16}\)$/);
    expect(renderHeader(report)).toBe(
      ["machine: Test CPU x2, 8.0 GiB, linux-x64, node 20.0.0", "webgpu:0: mesa / llvmpipe (LLVM 19)"].join("\n"),
    );
  });

  it("shows each program's compiled size from the report's programs", async () => {
    const report = await sampleReport();
    const programs = [{ name: "mul", origin: "lang", expectedChecksum: "", size: { defs: 36, nodes: 295 } }];
    expect(renderTable(report.results, programs).split("\n").map((l) => l.slice(0, 21))).toEqual([
      "program  defs/nodes  ",
      "-------  ----------  ",
      "mul          36/295  ",
      "mul          36/295  ",
    ]);
  });
});
