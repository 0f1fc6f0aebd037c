import { describe, expect, it } from "vitest";
import { renderChart } from "../src/svg.js";
import { sampleReport } from "./fixtures.js";

describe("SVG chart", () => {
  it("draws a bar per measured case and marks WRONG cases in text", async () => {
    const svg = renderChart(await sampleReport());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg.match(/<rect x="190" y="\d+" width="[\d.]+" height="14" fill="#4e79a7"><title>mul on cpu: 2.50 M\/s<\/title><\/rect>/g)).toHaveLength(1);
    expect(svg).toContain(">WRONG (webgpu:0)</text>");
    expect(svg).toContain(">webgpu:0 (llvmpipe (LLVM 19))</text>");
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
