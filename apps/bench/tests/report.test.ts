import { describe, expect, it } from "vitest";
import type { BenchReport } from "../src/model.js";
import { runSuite } from "../src/suite.js";
import { renderChart } from "../src/svg.js";
import { renderHeader, renderProblems, renderTable } from "../src/table.js";
import { MACHINE, MUL, OPTIONS, RIGHT, WRONG, fakeRuntime, print } from "./fixtures.js";

async function sampleReport(): Promise<BenchReport> {
  return runSuite({
    programs: [MUL],
    targets: [
      { id: "cpu", kind: "cpu", create: async () => fakeRuntime("cpu", RIGHT, 5, [1e-6, 2e-6, 1e-6, 3e-6]) },
      {
        id: "webgpu:0",
        kind: "webgpu",
        adapter: { vendor: "mesa", architecture: "", device: "", description: "llvmpipe (LLVM 19)", driver: "llvmpipe (LLVM 19)" },
        create: async () => fakeRuntime("webgpu", WRONG, 5, [1]),
      },
    ],
    options: OPTIONS,
    machine: MACHINE,
    print,
  });
}

describe("terminal table", () => {
  it("shows one row per case, WRONG without a time", async () => {
    const report = await sampleReport();
    expect(renderTable(report.results)).toBe(
      [
        "program  runtime   interactions  median  spread  interactions/s  result",
        "-------  --------  ------------  ------  ------  --------------  -----------",
        "mul      cpu                  5    2 µs  ±50.0%        2.50 M/s  ok 51e45556",
        "mul      webgpu:0             5       -       -               -  WRONG",
      ].join("\n"),
    );
    expect(renderProblems(report.results)).toMatch(/^WRONG mul on webgpu:0: normal form differs from the reference \(checksum [0-9a-f]{16}, expected [0-9a-f]{16}\)$/);
    expect(renderHeader(report)).toBe(
      ["machine: Test CPU x2, 8.0 GiB, linux-x64, node 20.0.0", "webgpu:0: mesa / llvmpipe (LLVM 19)"].join("\n"),
    );
  });
});

describe("SVG chart", () => {
  it("draws a bar per measured case and marks WRONG cases in text", async () => {
    const svg = renderChart(await sampleReport());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg.match(/<rect x="190" y="\d+" width="[\d.]+" height="14" fill="#4e79a7"><title>mul on cpu: 2.50 M\/s<\/title><\/rect>/g)).toHaveLength(1);
    expect(svg).toContain(">WRONG (webgpu:0)</text>");
    expect(svg).not.toContain("webgpu:0: ");
    expect(svg).toContain(">1 M/s</text>");
    expect(svg).toContain(">10 M/s</text>");
  });

  it("escapes names", async () => {
    const report = await sampleReport();
    const svg = renderChart({ ...report, results: report.results.map((r) => ({ ...r, program: "a<b&c" })) });
    expect(svg).toContain("a&#60;b&#38;c");
    expect(svg).not.toContain("a<b");
  });
});
