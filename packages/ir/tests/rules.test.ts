import { describe, expect, it } from "vitest";
import { RULE_CLASS, RULE_CLASSES, RULE_FLIP, RULE_NAMES, RULE_TABLE, Rule, Tag, ruleOf } from "../src/index.js";

const CTR: number[] = [Tag.CT0, Tag.CT1, Tag.CT2, Tag.CT3, Tag.CT4, Tag.CT5];
const NULLARY: number[] = [Tag.ERA, Tag.NUM, Tag.REF];
const NUMERIC: number[] = [Tag.OP2, Tag.OP1, Tag.MAT];
const MAIN: number[] = [Tag.REF, Tag.ERA, Tag.NUM, Tag.OP2, Tag.OP1, Tag.MAT, ...CTR];

type Pair = [number, number];
const pairs = (as: number[], bs: number[]): Pair[] => as.flatMap((a) => bs.map((b): Pair => [a, b]));
const both = (ps: Pair[]): Pair[] => ps.flatMap(([a, b]): Pair[] => (a === b ? [[a, b]] : [[a, b], [b, a]]));

/** DESIGN §4's rule table, row by row, as (pairs, rule). Pairs are listed one way and checked both ways. */
const DESIGN_ROWS: Array<[string, Pair[], number]> = [
  ["CTi ~ CTi (same label): annihilate", CTR.map((t): Pair => [t, t]), Rule.ANNI],
  ["CTi ~ CTj (i != j): commute", pairs(CTR, CTR).filter(([a, b]) => a < b), Rule.COMM],
  ["CTi ~ OP2: commute", pairs(CTR, [Tag.OP2]), Rule.COMM],
  ["CTi ~ MAT: commute", pairs(CTR, [Tag.MAT]), Rule.COMM],
  ["CTi ~ OP1: pass", pairs(CTR, [Tag.OP1]), Rule.PASS],
  ["CTi ~ NUM: copy", pairs(CTR, [Tag.NUM]), Rule.COPY],
  ["ERA ~ CTi/OP2/MAT: erase", pairs([Tag.ERA], [...CTR, Tag.OP2, Tag.MAT]), Rule.ERAS],
  ["ERA ~ OP1: erase the result wire", [[Tag.ERA, Tag.OP1]], Rule.ERA1],
  ["ERA/NUM/REF ~ ERA/NUM/REF: both vanish", pairs(NULLARY, NULLARY).filter(([a, b]) => a <= b), Rule.VOID],
  ["REF ~ binary node or OP1: expand", pairs([Tag.REF], [...CTR, Tag.OP2, Tag.MAT, Tag.OP1]), Rule.DREF],
  ["OP2 ~ NUM: becomes OP1", [[Tag.OP2, Tag.NUM]], Rule.OP2N],
  ["OP1 ~ NUM: result", [[Tag.OP1, Tag.NUM]], Rule.OP1N],
  ["MAT ~ NUM: match", [[Tag.MAT, Tag.NUM]], Rule.MATN],
  ["OP2/OP1/MAT ~ OP2/OP1/MAT: type error", pairs(NUMERIC, NUMERIC).filter(([a, b]) => a <= b), Rule.TYPE],
];

describe("RULE_TABLE", () => {
  for (const [row, ps, rule] of DESIGN_ROWS) {
    it(`${row} -> ${RULE_NAMES[rule]}`, () => {
      for (const [a, b] of both(ps)) {
        expect([a, b, RULE_NAMES[RULE_TABLE[a * 16 + b]]]).toEqual([a, b, RULE_NAMES[rule]]);
        expect(ruleOf(a, b)).toBe(rule);
      }
    });
  }

  it("the DESIGN rows cover every pair of main-port tags exactly once", () => {
    const seen = new Map<number, number>();
    for (const [, ps] of DESIGN_ROWS) for (const [a, b] of both(ps)) seen.set(a * 16 + b, (seen.get(a * 16 + b) ?? 0) + 1);
    expect(seen.size).toBe(MAIN.length * MAIN.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it("gives NONE to every pair with a variable or redirect tag", () => {
    for (let a = 0; a < 16; a++) {
      for (let b = 0; b < 16; b++) {
        if (a <= Tag.RD2 || b <= Tag.RD2) expect(RULE_TABLE[a * 16 + b]).toBe(Rule.NONE);
      }
    }
  });

  it("ruleOf ignores the port values", () => {
    expect(ruleOf((77 << 4) | Tag.CT2, (5 << 4) | Tag.CT2)).toBe(Rule.ANNI);
    expect(ruleOf((3 << 4) | Tag.NUM, (9 << 4) | Tag.OP2)).toBe(Rule.OP2N);
  });
});

describe("RULE_FLIP", () => {
  const first = (a: number, b: number): number => (RULE_FLIP[a * 16 + b] ? b : a);
  const second = (a: number, b: number): number => (RULE_FLIP[a * 16 + b] ? a : b);

  it("orders each rule's operands as its function takes them", () => {
    for (const a of MAIN) {
      for (const b of MAIN) {
        const rule = RULE_TABLE[a * 16 + b];
        const [f, s] = [first(a, b), second(a, b)];
        switch (rule) {
          case Rule.COPY:
            expect([f, CTR.includes(s)]).toEqual([Tag.NUM, true]);
            break;
          case Rule.ERAS:
          case Rule.ERA1:
            expect(f).toBe(Tag.ERA);
            break;
          case Rule.DREF:
            expect(f).toBe(Tag.REF);
            break;
          case Rule.OP2N:
          case Rule.OP1N:
          case Rule.MATN:
            expect([NUMERIC.includes(f), s]).toEqual([true, Tag.NUM]);
            break;
          case Rule.PASS:
            expect([CTR.includes(f), s]).toEqual([true, Tag.OP1]);
            break;
          case Rule.COMM:
            expect(CTR.includes(f)).toBe(true);
            break;
          case Rule.ANNI:
            expect(RULE_FLIP[a * 16 + b]).toBe(0);
            break;
          default:
            expect([Rule.VOID, Rule.TYPE] as number[]).toContain(rule);
        }
      }
    }
  });

  it("flips exactly one of the two orders of a non-symmetric pair", () => {
    for (const a of MAIN) {
      for (const b of MAIN) {
        if (a === b || (CTR.includes(a) && CTR.includes(b))) continue;
        expect(RULE_FLIP[a * 16 + b] + RULE_FLIP[b * 16 + a]).toBe(1);
      }
    }
  });
});

describe("rule classes", () => {
  it("counts each rule in its DESIGN class", () => {
    const cls = (r: number): string | undefined => RULE_CLASSES[RULE_CLASS[r]];
    expect(RULE_CLASSES).toEqual(["ANNI", "COMM", "ERAS", "DREF", "OPER"]);
    expect(cls(Rule.ANNI)).toBe("ANNI");
    expect([cls(Rule.COMM), cls(Rule.PASS), cls(Rule.COPY)]).toEqual(["COMM", "COMM", "COMM"]);
    expect([cls(Rule.ERAS), cls(Rule.ERA1), cls(Rule.VOID)]).toEqual(["ERAS", "ERAS", "ERAS"]);
    expect(cls(Rule.DREF)).toBe("DREF");
    expect([cls(Rule.OP2N), cls(Rule.OP1N), cls(Rule.MATN)]).toEqual(["OPER", "OPER", "OPER"]);
    expect([RULE_CLASS[Rule.NONE], RULE_CLASS[Rule.TYPE]]).toEqual([-1, -1]);
  });
});
