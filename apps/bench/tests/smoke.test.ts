/**
 * Smoke test of the bundled bench: build dist with build.mjs into a
 * temporary directory, run `bench.mjs --quick`, and check the JSON report,
 * the SVG chart and the table. No timing is asserted.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../examples/corpus.js";
import type { BenchReport } from "../src/model.js";
import { checksum } from "../src/checksum.js";
import { QUICK_MIN } from "../src/programs.js";

const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = path.resolve(APP, "../..");
let tmp: string;
let run: ReturnType<typeof spawnSync>;
let report: BenchReport;

describe("bench --quick (bundled)", () => {
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "hvm-bench-"));
    execFileSync(process.execPath, [path.join(APP, "build.mjs"), path.join(tmp, "dist")], { cwd: APP });
    run = spawnSync(process.execPath, [path.join(tmp, "dist", "bench.mjs"), "--quick", "--no-progress", "--out", path.join(tmp, "out")], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 110_000,
    });
    report = JSON.parse(readFileSync(path.join(tmp, "out", "bench.json"), "utf8")) as BenchReport;
  });

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("exits 0 with every case matching its reference", () => {
    expect(run.stderr).toContain("programs x");
    expect(report.results.filter((r) => r.status !== "ok").map((r) => `${r.program} on ${r.runtime}: ${r.reason}`)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("runs the quick programs on the reference and the parallel CPU runtimes", () => {
    expect(report.tool).toBe("@hvm/bench");
    expect(report.options).toMatchObject({ quick: true, warmup: 2, reps: 3 });
    const light = loadCorpus(path.join(ROOT, "examples")).filter((p) => !p.heavy && p.expected.rwts >= QUICK_MIN);
    expect(light.map((p) => p.name)).toContain("sum-tree");
    expect(report.programs.map((p) => `${p.origin}:${p.name}`)).toEqual([
      ...light.map((p) => `corpus:${p.name}`),
      "lang:lang/bitonic",
      "accelerate:acc-map-poly-2048",
      "accelerate:acc-reduce-sum-2048",
    ]);
    const measured = report.runtimes.filter((r) => r.error === undefined).map((r) => r.id);
    expect(measured.slice(0, 3)).toEqual(["cpu", "cpu-parallel:1", "cpu-parallel:2"]);
    expect(report.results).toHaveLength(report.programs.length * measured.length);
  });

  it("reports the exact interaction counts of the reference", () => {
    const sumTree = report.results.filter((r) => r.program === "sum-tree");
    for (const r of sumTree) {
      expect(r.interactions).toBe(1_114_101);
      expect(r.byRule).toEqual({ ANNI: 327_677, COMM: 65_535, ERAS: 131_071, DREF: 196_607, OPER: 393_211 });
      expect(r.checksum).toBe(r.expectedChecksum);
      expect(r.seconds.n).toBeGreaterThanOrEqual(1);
    }
    const bitonic = report.results.filter((r) => r.program === "lang/bitonic");
    expect(bitonic.map((r) => r.runtime)).toEqual(report.runtimes.filter((r) => r.error === undefined).map((r) => r.id));
    for (const r of bitonic) {
      expect(r.interactions).toBe(3_234_193);
      expect(r.byRule).toEqual({ ANNI: 1_299_917, COMM: 330_235, ERAS: 1_056_745, DREF: 270_324, OPER: 276_972 });
      expect(r.checksum).toBe(checksum("[523776, 1]"));
    }
    expect(report.programs.find((p) => p.name === "lang/bitonic")?.size).toEqual({ defs: 36, nodes: 295 });
    const cpu = (name: string) => report.results.find((r) => r.program === name && r.runtime === "cpu")!;
    expect(cpu("acc-map-poly-2048").interactions).toBe(40_961);
    expect(cpu("acc-reduce-sum-2048").interactions).toBe(14_337);
  });

  it("describes the machine and writes the table and the chart", () => {
    expect(report.machine.cpus).toBe(os.availableParallelism());
    expect(run.stdout).toMatch(/^machine: /);
    expect(run.stdout).toMatch(/\nprogram +defs\/nodes +runtime +interactions +median +spread +interactions\/s +result\n/);
    expect(run.stdout).toMatch(/\nlang\/bitonic +36\/295 +cpu +3,234,193 /);
    const svg = readFileSync(path.join(tmp, "out", "bench.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    for (const p of report.programs) expect(svg).toContain(`>${p.name}</text>`);
  });
});
