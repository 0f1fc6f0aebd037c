import { emptyByRule } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { HANDOVER_ENTRY, addByRule, handoverBook, handoverOptions, joinStats } from "../../src/auto/handover.js";

const before = { interactions: 100, byRule: { ANNI: 10, COMM: 20, ERAS: 30, DREF: 15, OPER: 25 }, seconds: 0.5, peakNodes: 40 };

describe("handover", () => {
  it("adds the net as a definition under a name the book does not use", () => {
    const book = parseBook(`@main = *\n@${HANDOVER_ENTRY} = *`);
    const net = parseBook("@x = #7").defs[0].net;
    const next = handoverBook(book, net);
    expect(next.entry).toBe(`${HANDOVER_ENTRY}1`);
    expect(next.book.defs.map((d) => d.name)).toEqual(["main", HANDOVER_ENTRY, `${HANDOVER_ENTRY}1`]);
    expect(next.book.defs[2].net).toBe(net);
  });

  it("adds the counts up, less the engine's boot", () => {
    const after = { interactions: 51, byRule: { ANNI: 10, COMM: 10, ERAS: 10, DREF: 11, OPER: 10 }, seconds: 0.25, mips: 0, peakNodes: 90, rounds: 7 };
    const s = joinStats(before, after);
    expect(s).toEqual({ interactions: 150, byRule: { ANNI: 20, COMM: 30, ERAS: 40, DREF: 25, OPER: 35 }, seconds: 0.75, mips: 150 / 0.75 / 1e6, peakNodes: 90, rounds: 7 });
    expect(addByRule(emptyByRule(), emptyByRule(), 0)).toEqual(emptyByRule());
  });

  it("gives the engine the rest of the limit and reports progress from the start", () => {
    const seen: number[] = [];
    const o = handoverOptions({ maxInteractions: 1000, memory: 64, onProgress: (p) => seen.push(p.interactions, p.byRule.DREF, p.seconds) }, "e", before);
    expect(o).toMatchObject({ entry: "e", maxInteractions: 901, memory: 64 });
    o.onProgress?.({ interactions: 5, byRule: { ...emptyByRule(), DREF: 1 }, seconds: 0.25, nodes: 3 });
    expect(seen).toEqual([105, 16, 0.75]);
    expect(handoverOptions({}, "e", before)).toMatchObject({ entry: "e", maxInteractions: undefined, onProgress: undefined });
  });
});
