/**
 * The chart: interactions per second for each program (a group) and runtime
 * (a coloured bar), on a logarithmic axis so programs of very different
 * sizes share one picture. Hand-written SVG, no dependencies.
 */
import { formatRate } from "./format.js";
import type { BenchReport } from "./model.js";

/** Colours per runtime; red comes last, it is the colour of WRONG. */
const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac", "#e15759"];
const BAR = 14;
const BAR_GAP = 3;
const GROUP_GAP = 16;
const LEFT = 190;
const RIGHT = 110;
const WIDTH = 960;
const LEGEND_ROW = 18;
const LEGEND_COLUMNS = 3;
const LEGEND_WIDTH = 250;

/** A runtime's legend entry: its id, and for WebGPU the adapter's device or description. */
function legendLabel(id: string, runtimes: BenchReport["runtimes"]): string {
  const a = runtimes.find((r) => r.id === id)?.adapter;
  const name = a ? a.device || a.description : "";
  if (name === "") return id;
  return `${id} (${name.length > 24 ? `${name.slice(0, 23)}…` : name})`;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Decades covering every positive rate of the report: [lo, hi] as powers of ten. */
function decades(rates: readonly number[]): [number, number] {
  const positive = rates.filter((r) => r > 0);
  if (positive.length === 0) return [3, 6];
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.ceil(Math.log10(Math.max(...positive)));
  return [lo, Math.max(hi, lo + 1)];
}

export function renderChart(report: Pick<BenchReport, "results" | "runtimes" | "machine">, title = "Interactions per second"): string {
  const runtimes = report.runtimes.filter((r) => report.results.some((c) => c.runtime === r.id)).map((r) => r.id);
  const programs = [...new Set(report.results.map((r) => r.program))];
  const color = (id: string): string => PALETTE[runtimes.indexOf(id) % PALETTE.length];
  const [lo, hi] = decades(report.results.filter((r) => r.status === "ok").map((r) => r.interactionsPerSecond));
  const plotW = WIDTH - LEFT - RIGHT;
  const x = (rate: number): number => LEFT + ((Math.log10(rate) - lo) / (hi - lo)) * plotW;
  const legendRows = Math.ceil(runtimes.length / LEGEND_COLUMNS);
  const top = 40 + legendRows * LEGEND_ROW + 10;
  const groupH = runtimes.length * (BAR + BAR_GAP) - BAR_GAP;
  const plotH = programs.length * (groupH + GROUP_GAP);
  const height = top + plotH + 40;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="${LEFT}" y="22" font-size="16" font-weight="bold">${escapeXml(title)}</text>`);
  out.push(`<text x="${WIDTH - 10}" y="22" text-anchor="end" fill="#555">${escapeXml(`${report.machine.cpuModel} x${report.machine.cpus}`)}</text>`);
  runtimes.forEach((id, i) => {
    const lx = LEFT + (i % LEGEND_COLUMNS) * LEGEND_WIDTH;
    const ly = 36 + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW;
    out.push(`<rect x="${lx}" y="${ly}" width="12" height="12" fill="${color(id)}"/>`);
    out.push(`<text x="${lx + 16}" y="${ly + 10}">${escapeXml(legendLabel(id, report.runtimes))}</text>`);
  });
  for (let d = lo; d <= hi; d++) {
    const gx = x(10 ** d).toFixed(1);
    out.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${top + plotH}" stroke="#ddd"/>`);
    out.push(`<text x="${gx}" y="${top + plotH + 16}" text-anchor="middle" fill="#555">${escapeXml(formatRate(10 ** d))}</text>`);
  }
  programs.forEach((name, p) => {
    const gy = top + p * (groupH + GROUP_GAP);
    out.push(`<text x="${LEFT - 8}" y="${gy + groupH / 2 + 4}" text-anchor="end" font-weight="bold">${escapeXml(name)}</text>`);
    runtimes.forEach((id, i) => {
      const r = report.results.find((c) => c.program === name && c.runtime === id);
      const by = gy + i * (BAR + BAR_GAP);
      if (!r) return;
      if (r.status !== "ok") {
        const label = r.status === "WRONG" ? "WRONG" : "ERROR";
        const fill = r.status === "WRONG" ? "#d62728" : "#888";
        out.push(`<text x="${LEFT + 4}" y="${by + BAR - 3}" fill="${fill}" font-weight="bold">${label} (${escapeXml(id)})</text>`);
        return;
      }
      const w = Math.max(1, x(r.interactionsPerSecond) - LEFT);
      out.push(`<rect x="${LEFT}" y="${by}" width="${w.toFixed(1)}" height="${BAR}" fill="${color(id)}"><title>${escapeXml(`${name} on ${id}: ${formatRate(r.interactionsPerSecond)}`)}</title></rect>`);
      out.push(`<text x="${(LEFT + w + 4).toFixed(1)}" y="${by + BAR - 3}" fill="#333">${escapeXml(formatRate(r.interactionsPerSecond))}</text>`);
    });
  });
  out.push(`<line x1="${LEFT}" y1="${top - 4}" x2="${LEFT}" y2="${top + plotH}" stroke="#333"/>`);
  out.push(`<text x="${LEFT + plotW / 2}" y="${height - 6}" text-anchor="middle" fill="#555">interactions per second (log scale, median of the measured runs)</text>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
