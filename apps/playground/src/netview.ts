/**
 * SVG drawings of small nets: every tree of the net (the root, then each
 * redex's two sides) is laid out top-down; agents are labelled shapes with
 * the main port on top, wires to children are straight lines, a variable is
 * a dot and its two ends are joined by a curve, and the two sides of a redex
 * are joined by a red arc at their main ports. Pure: returns SVG text.
 */
import type { Net, Tree } from "@hvm/ir";
import { escapeHtml } from "./highlight.js";

/** Nets with more agents than this are not drawn. */
export const MAX_DRAWN_NODES = 200;

const SLOT = 52;
const LEVEL = 58;
const TOP = 40;
const HALF = 13;
/** Longest label drawn in a leaf; longer ones are cut, the full text is the shape's tooltip. */
const MAX_LABEL = 7;

interface Spot {
  readonly x: number;
  readonly y: number;
}

/** Agents (every tree that is not a variable) in a net. */
export function countAgents(net: Net): number {
  let n = 0;
  const stack: Tree[] = [net.root, ...net.redexes.flatMap((r) => [r.left, r.right])];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.kind !== "var") n++;
    if (t.kind === "ctr" || t.kind === "op2" || t.kind === "mat") stack.push(t.left, t.right);
    if (t.kind === "op1") stack.push(t.right);
  }
  return n;
}

function agentLabel(t: Tree): string {
  switch (t.kind) {
    case "ctr":
      return t.label === 0 ? "CON" : t.label === 1 ? "DUP" : `C${t.label}`;
    case "op2":
      return "OP2";
    case "op1":
      return `!#${t.value}`;
    case "mat":
      return "?";
    case "era":
      return "*";
    case "num":
      return `#${t.value}`;
    case "ref":
      return `@${t.name}`;
    case "var":
      return t.name;
  }
}

class Drawing {
  readonly shapes: string[] = [];
  readonly lines: string[] = [];
  readonly ends = new Map<string, Spot[]>();
  slot = 0;
  bottom = TOP;

  /** Place a tree with its top at `depth`; returns where its main port is. */
  place(t: Tree, depth: number): Spot {
    const y = TOP + depth * LEVEL;
    this.bottom = Math.max(this.bottom, y + HALF);
    const kids = t.kind === "ctr" || t.kind === "op2" || t.kind === "mat" ? [t.left, t.right] : t.kind === "op1" ? [t.right] : [];
    if (kids.length === 0) {
      const x = SLOT / 2 + this.slot++ * SLOT;
      if (t.kind === "var") {
        const list = this.ends.get(t.name) ?? [];
        list.push({ x, y });
        this.ends.set(t.name, list);
        this.shapes.push(`<circle class="var" cx="${x}" cy="${y}" r="3.5"><title>${escapeHtml(t.name)}</title></circle>`);
        return { x, y };
      }
      this.nullary(t, x, y);
      return { x, y: y - 9 };
    }
    const tops = kids.map((k) => this.place(k, depth + 1));
    const x = tops.length === 2 ? (tops[0].x + tops[1].x) / 2 : tops[0].x;
    const cls = t.kind === "ctr" ? `ctr l${t.label}` : t.kind;
    this.shapes.push(
      `<polygon class="${cls}" points="${x},${y - HALF} ${x - HALF - 4},${y + HALF} ${x + HALF + 4},${y + HALF}"/>`,
      `<text x="${x}" y="${y + 8}">${escapeHtml(agentLabel(t))}</text>`,
    );
    const ports = tops.length === 2 ? [x - HALF + 2, x + HALF - 2] : [x];
    tops.forEach((c, i) => this.lines.push(`<line class="wire" x1="${ports[i]}" y1="${y + HALF}" x2="${c.x}" y2="${c.y}"/>`));
    return { x, y: y - HALF };
  }

  nullary(t: Tree, x: number, y: number): void {
    if (t.kind === "era") {
      this.shapes.push(`<circle class="era" cx="${x}" cy="${y}" r="9"/>`, `<text x="${x}" y="${y + 4}">*</text>`);
      return;
    }
    const full = agentLabel(t);
    const label = full.length > MAX_LABEL ? `${full.slice(0, MAX_LABEL - 1)}…` : full;
    const w = 10 + label.length * 6;
    this.shapes.push(
      `<rect class="${t.kind}" x="${x - w / 2}" y="${y - 9}" width="${w}" height="18" rx="${t.kind === "num" ? 9 : 2}"><title>${escapeHtml(full)}</title></rect>`,
      `<text x="${x}" y="${y + 4}">${escapeHtml(label)}</text>`,
    );
  }

  gap(): void {
    this.slot += 0.6;
  }
}

const STYLE = `<style>
.wire{stroke:#445;stroke-width:1.3}.link{fill:none;stroke:#2a7;stroke-width:1.3}.redex{fill:none;stroke:#d33;stroke-width:2.2}
polygon,rect,circle.era{stroke:#223;stroke-width:1.2}.ctr{fill:#cfe0ff}.l1{fill:#ffe1b3}.op2,.op1{fill:#e4d4ff}.mat{fill:#d4f5e4}
.era{fill:#eee}.num{fill:#fff6c8}.ref{fill:#ffd6d6}circle.var{fill:#2a7}text{font:10px ui-monospace,monospace;text-anchor:middle}
.caption{font:bold 11px system-ui,sans-serif;text-anchor:start;fill:#333}
</style>`;

/** The SVG drawing of a net (callers check `countAgents` against MAX_DRAWN_NODES first). */
export function renderNet(net: Net, title: string): string {
  const d = new Drawing();
  const root = d.place(net.root, 0);
  d.lines.push(`<line class="wire" x1="${root.x}" y1="${TOP - 30}" x2="${root.x}" y2="${root.y}"/>`);
  d.shapes.push(`<text x="${root.x}" y="${TOP - 32}">root</text>`);
  for (const r of net.redexes) {
    d.gap();
    const a = d.place(r.left, 0);
    const b = d.place(r.right, 0);
    const lift = 22 + Math.abs(b.x - a.x) * 0.08;
    d.lines.push(`<path class="redex" d="M${a.x},${a.y} C${a.x},${a.y - lift} ${b.x},${b.y - lift} ${b.x},${b.y}"/>`);
    d.shapes.push(`<text x="${(a.x + b.x) / 2}" y="${a.y - lift * 0.75 - 3}" fill="#d33">~</text>`);
  }
  let maxY = d.bottom;
  for (const spots of d.ends.values()) {
    for (const s of spots) maxY = Math.max(maxY, s.y);
    if (spots.length !== 2) continue;
    const [a, b] = spots;
    const sag = 18 + Math.abs(b.x - a.x) * 0.12;
    d.lines.push(`<path class="link" d="M${a.x},${a.y} C${a.x},${a.y + sag} ${b.x},${b.y + sag} ${b.x},${b.y}"/>`);
    maxY = Math.max(maxY, Math.max(a.y, b.y) + sag);
  }
  const width = Math.max(120, Math.ceil(d.slot * SLOT));
  const height = Math.ceil(maxY + 12);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="net" width="${width}" height="${height + 16}" viewBox="0 -16 ${width} ${height + 16}">`,
    STYLE,
    `<text class="caption" x="4" y="-3">${escapeHtml(title)}</text>`,
    ...d.lines,
    ...d.shapes,
    `</svg>`,
  ].join("");
}
