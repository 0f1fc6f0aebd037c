/**
 * Rendering of results: the stats table and the before/after net drawings.
 */
import { RULE_CLASSES, type Net, type RunStats } from "@hvm/ir";
import { countAgents, MAX_DRAWN_NODES, renderNet } from "./netview.js";

const fmt = (n: number): string => n.toLocaleString("en-US");

export function statsRows(stats: RunStats, runtime: string): Array<[string, string]> {
  return [
    ["runtime", runtime],
    ["interactions", fmt(stats.interactions)],
    ...RULE_CLASSES.map((c): [string, string] => [c, fmt(stats.byRule[c])]),
    ["reduction time", `${(stats.seconds * 1000).toFixed(2)} ms`],
    ["MIPS", stats.mips.toFixed(2)],
    ["peak nodes", fmt(stats.peakNodes)],
  ];
}

export function renderStats(table: HTMLTableElement, stats: RunStats | undefined, runtime = ""): void {
  table.replaceChildren(
    ...(stats ? statsRows(stats, runtime) : []).map(([k, v]) => {
      const tr = document.createElement("tr");
      const th = tr.appendChild(document.createElement("th"));
      th.textContent = k;
      const td = tr.appendChild(document.createElement("td"));
      td.textContent = v;
      td.dataset.stat = k;
      return tr;
    }),
  );
}

function netFigure(net: Net, title: string): HTMLElement {
  const agents = countAgents(net);
  if (agents > MAX_DRAWN_NODES) {
    const p = document.createElement("p");
    p.textContent = `${title}: ${fmt(agents)} agents, too many to draw (the limit is ${MAX_DRAWN_NODES})`;
    return p;
  }
  const wrap = document.createElement("div");
  wrap.innerHTML = renderNet(net, `${title} (${agents} agents)`);
  return wrap.firstElementChild as HTMLElement;
}

export function renderNets(host: HTMLElement, nets: ReadonlyArray<[Net, string]>): void {
  host.replaceChildren(...nets.map(([net, title]) => netFigure(net, title)));
}
