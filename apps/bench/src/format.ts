/**
 * Number formatting shared by the table and the chart.
 */

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "-";
  if (s < 1e-3) return `${(s * 1e6).toFixed(0)} µs`;
  if (s < 1) return `${(s * 1e3).toFixed(s < 0.01 ? 2 : 1)} ms`;
  return `${s.toFixed(2)} s`;
}

/** Interactions per second with a metric prefix: "12.3 M/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return "-";
  const units: Array<[number, string]> = [
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [scale, unit] of units) {
    const v = perSecond / scale;
    if (v >= 1) return `${Number.isInteger(v) ? v : v.toFixed(v >= 100 ? 0 : 2)} ${unit}/s`;
  }
  return `${perSecond.toFixed(0)} /s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `±${(fraction * 50).toFixed(1)}%` : "-";
}
