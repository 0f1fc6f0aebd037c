import { ErrorCode, RULE_FLIP, RULE_TABLE, TypeErrorPair } from "@hvm/ir";
import { DISPATCH, DISPATCHED_RULES } from "../src/internal.js";
import { describe, expect, it } from "vitest";
import { counts, run } from "./helpers.js";

/** Each case: a net exercising one rule, its exact normal form, its exact counts. */
const cases: Array<[string, string, string, ReturnType<typeof counts>]> = [
  ["ANNI links aux to aux", "@main = (a b) & (a b) ~ (#1 #2)", "(#1 #2)", counts({ DREF: 1, ANNI: 1 })],
  ["ANNI through a wire between the two nodes", "@main = r & (a r) ~ (#4 a)", "#4", counts({ DREF: 1, ANNI: 1 })],
  ["ANNI of labelled nodes", "@main = (a b) & {3 a b} ~ {3 #1 *}", "(#1 *)", counts({ DREF: 1, ANNI: 1 })],
  ["COMM of CON and DUP", "@main = (a b) & (a b) ~ [#1 #2]", "([#1 #2] [#1 #2])", counts({ DREF: 1, COMM: 3 })],
  ["COMM of two labels, free wires", "@main = ((a b) (c d)) & {2 a b} ~ {4 c d}", "(({4 a b} {4 c d}) ({2 a c} {2 b d}))", counts({ DREF: 1, COMM: 1 })],
  ["COMM of DUP and OP2", "@main = (a b) & [a b] ~ <#1 #2>", "(<#1 #2> <#1 #2>)", counts({ DREF: 1, COMM: 3 })],
  ["COMM of DUP and MAT", "@main = (a b) & [a b] ~ ?(#1 #2) *", "(?(#1 #2) * ?(#1 #2) *)", counts({ DREF: 1, COMM: 4, ERAS: 1 })],
  ["PASS copies an OP1 through a DUP", "@main = (r (a b)) & [a b] ~ <!#16777221 r>", "([a b] (<!#16777221 a> <!#16777221 b>))", counts({ DREF: 1, COMM: 1 })],
  ["PASS then OP1N on each copy", "@main = r & [#1 #2] ~ <!#16777221 r>", "[#6 #7]", counts({ DREF: 1, COMM: 1, OPER: 2 })],
  ["COPY sends a number to both aux", "@main = (a b) & #7 ~ [a b]", "(#7 #7)", counts({ DREF: 1, COMM: 1 })],
  ["ERAS erases both aux", "@main = (a b) & * ~ [a b]", "(* *)", counts({ DREF: 1, ERAS: 1 })],
  ["ERAS of an OP2", "@main = (a b) & * ~ <a b>", "(* *)", counts({ DREF: 1, ERAS: 1 })],
  ["ERA1 erases the result wire", "@main = r & * ~ <!#3 r>", "*", counts({ DREF: 1, ERAS: 1 })],
  ["VOID: NUM ~ ERA", "@main = * & #1 ~ *", "*", counts({ DREF: 1, ERAS: 1 })],
  ["VOID: REF ~ NUM is not expanded", "@main = * & @id ~ #2\n@id = (x x)", "*", counts({ DREF: 1, ERAS: 1 })],
  ["DREF expands and links the root", "@main = r & @id ~ (#3 r)\n@id = (x x)", "#3", counts({ DREF: 2, ANNI: 1 })],
  ["DREF on an OP1", "@main = r & @n ~ <!#16777217 r>\n@n = #41", "#42", counts({ DREF: 2, OPER: 1 })],
  ["OP2N then OP1N: DESIGN example 1", "@main = r & #1 ~ <#10 <#2 r>>", "#12", counts({ DREF: 1, OPER: 4 })],
  ["OP2N then OP1N: DESIGN example 2", "@main = R & #3 ~ <#123 <#321 R>>", "#39483", counts({ DREF: 1, OPER: 4 })],
  ["OP2N leaves an OP1 waiting for its operand", "@main = (a r) & #16777221 ~ <a r>", "(<!#16777221 a> a)", counts({ DREF: 1, OPER: 1 })],
  ["MATN zero takes the zero branch", "@main = r & #0 ~ ?(#10 @s) r\n@s = *", "#10", counts({ DREF: 1, OPER: 1, ANNI: 1, ERAS: 1 })],
  ["MATN succ applies the succ branch to n-1", "@main = r & #5 ~ ?(* (p p)) r", "#4", counts({ DREF: 1, OPER: 1, ANNI: 2, ERAS: 1 })],
  ["MATN on the largest number", "@main = r & #0xFFFFFFF ~ ?(* (p p)) r", "#268435454", counts({ DREF: 1, OPER: 1, ANNI: 2, ERAS: 1 })],
  ["operators with codes >= 8 (ports above 2^31)", "@main = (r s) & #8 ~ <#5 <#7 r>> & #15 ~ <#0xFFFFFF <#4 s>>", "(#1 #1048575)", counts({ DREF: 1, OPER: 8 })],
  ["COPY of a number with high operator bits", "@main = (a b) & #0xF000001 ~ [a b]", "(#251658241 #251658241)", counts({ DREF: 1, COMM: 1 })],
  ["MATN uses the whole 28-bit value", "@main = r & #0x1000000 ~ ?(* (p p)) r", "#16777215", counts({ DREF: 1, OPER: 1, ANNI: 2, ERAS: 1 })],
];

describe("interaction rules", () => {
  for (const [name, src, nf, byRule] of cases) {
    it(name, () => {
      const { text, result } = run(src);
      expect(text).toBe(nf);
      expect(result.stats.byRule).toEqual(byRule);
      expect(result.stats.interactions).toBe(Object.values(byRule).reduce((x, y) => x + y, 0));
    });
  }

  it("TYPE: two numeric nodes stop the run naming the pair", () => {
    expect(() => run("@main = * & <#1 *> ~ ?(* *) *")).toThrow(TypeErrorPair);
    expect(() => run("@main = * & <#1 *> ~ ?(* *) *")).toThrow("type error: OP2 ~ MAT has no interaction rule");
    const error = (() => {
      try {
        run("@main = * & ?(* *) * ~ <!#1 *>");
      } catch (e) {
        return e as TypeErrorPair;
      }
      return undefined;
    })();
    expect(error?.code).toBe(ErrorCode.TYPE_PAIR);
    expect(error?.message).toBe("type error: OP1 ~ MAT has no interaction rule (two numeric nodes met)");
  });
});

describe("dispatcher", () => {
  it("its switch's literal rule ids are ir's Rule ids", () => {
    expect(DISPATCHED_RULES).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("DISPATCH is RULE_TABLE with RULE_FLIP folded in", () => {
    for (let k = 0; k < 256; k++) {
      expect(DISPATCH[k] & 0xf).toBe(RULE_TABLE[k]);
      expect(DISPATCH[k] >> 4).toBe(RULE_FLIP[k]);
    }
  });
});
