/**
 * The terminal table: one row per (program, runtime), with the program's
 * compiled size (definitions/nodes). A WRONG or failed case shows its status
 * and reason instead of any time.
 */
import { formatCount, formatPercent, formatRate, formatSeconds } from "./format.js";
import type { BenchReport, CaseResult } from "./model.js";

const HEADERS = ["program", "defs/nodes", "runtime", "interactions", "median", "spread", "interactions/s", "result"] as const;
const RIGHT = new Set([1, 3, 4, 5, 6]);

type Programs = BenchReport["programs"];

function sizeOf(name: string, programs: Programs): string {
  const size = programs.find((p) => p.name === name)?.size;
  return size ? `${size.defs}/${size.nodes}` : "-";
}

function row(r: CaseResult, programs: Programs): string[] {
  const size = sizeOf(r.program, programs);
  if (r.status !== "ok") {
    const shown = r.interactions > 0 ? formatCount(r.interactions) : "-";
    return [r.program, size, r.runtime, shown, "-", "-", "-", r.status === "WRONG" ? "WRONG" : "ERROR"];
  }
  return [
    r.program,
    size,
    r.runtime,
    formatCount(r.interactions),
    formatSeconds(r.seconds.median),
    formatPercent(r.seconds.spread),
    formatRate(r.interactionsPerSecond),
    `ok ${r.checksum.slice(0, 8)}`,
  ];
}

/** Align columns; numbers right-aligned. `programs` gives the sizes (from the report). */
export function renderTable(results: readonly CaseResult[], programs: Programs = []): string {
  const rows = [HEADERS.slice(), ...results.map((r) => row(r, programs))];
  const widths = HEADERS.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (RIGHT.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}

/** The reasons of every WRONG or failed case, one per line. */
export function renderProblems(results: readonly CaseResult[]): string {
  return results
    .filter((r) => r.status !== "ok")
    .map((r) => `${r.status === "WRONG" ? "WRONG" : "ERROR"} ${r.program} on ${r.runtime}: ${r.reason ?? "unknown"}`)
    .join("\n");
}

/** Machine and adapter lines printed above the table. */
export function renderHeader(report: Pick<BenchReport, "machine" | "runtimes">): string {
  const m = report.machine;
  const lines = [`machine: ${m.cpuModel} x${m.cpus}, ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB, ${m.platform}-${m.arch}, node ${m.node}`];
  for (const rt of report.runtimes) {
    if (rt.adapter) {
      const a = rt.adapter;
      const parts = [a.vendor, a.architecture, a.device, a.description, a.driver].filter((s, i, all) => s !== "" && all.indexOf(s) === i);
      lines.push(`${rt.id}: ${parts.join(" / ")}`);
    }
    if (rt.error) lines.push(`${rt.id}: ${rt.error}`);
  }
  return lines.join("\n");
}
