import { describe, expect, it } from "vitest";
import { parseNet } from "@hvm/syntax";
import { countAgents, renderNet } from "../src/netview.js";

describe("net drawing", () => {
  const net = parseNet("(a b) & (b c) ~ [a *] & @f ~ <#1 c>");

  it("counts agents, not variables", () => {
    expect(countAgents(net)).toBe(7);
  });

  it("draws agents as shapes, variables as joined dots and redexes as arcs", () => {
    const svg = renderNet(net, "before");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="net"')).toBe(true);
    expect(svg.match(/<polygon /g)).toHaveLength(4);
    expect(svg.match(/<polygon class="ctr l0"/g)).toHaveLength(2);
    expect(svg.match(/<polygon class="ctr l1"/g)).toHaveLength(1);
    expect(svg.match(/<polygon class="op2"/g)).toHaveLength(1);
    expect(svg.match(/<circle class="era"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="ref"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="num"/g)).toHaveLength(1);
    expect(svg.match(/<circle class="var"/g)).toHaveLength(6);
    expect(svg.match(/<path class="link"/g)).toHaveLength(3);
    expect(svg.match(/<path class="redex"/g)).toHaveLength(2);
    expect(svg).toContain(">@f</text>");
    expect(svg).toContain(">before</text>");
  });
});
