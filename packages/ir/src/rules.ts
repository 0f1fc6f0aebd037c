/**
 * The interaction rule table (DESIGN §4), written once as a readable table.
 * `ruleOf(a, b)` dispatches on the two main-port tags of a redex; `RULE_FLIP`
 * says whether the pair must be swapped so the rule sees its operands in the
 * order of the table's left column. Runtimes (CPU and WGSL) use these arrays
 * directly; the WGSL constants are generated from them.
 */
import { Tag } from "./port.js";

/** Rule ids. Each one is one function in every reducer. */
export const Rule = {
  /** Not a redex (a variable or redirect): never dispatched. */
  NONE: 0,
  /** CTi ~ CTi: link aux to aux. */
  ANNI: 1,
  /** CTi ~ CTj, CTi ~ OP2, CTi ~ MAT: four new nodes. */
  COMM: 2,
  /** CTi ~ OP1: the OP1 goes to both aux, its stored NUM shared. */
  PASS: 3,
  /** CTi ~ NUM: the number goes to both aux. */
  COPY: 4,
  /** ERA ~ CTi/OP2/MAT: ERA to both aux. */
  ERAS: 5,
  /** ERA ~ OP1: ERA to the result wire. */
  ERA1: 6,
  /** ERA/NUM/REF ~ ERA/NUM/REF: both vanish. */
  VOID: 7,
  /** REF ~ binary node or OP1: expand the definition, then link. */
  DREF: 8,
  /** OP2 ~ NUM(x): becomes OP1(x), which meets the operand tree. */
  OP2N: 9,
  /** OP1(x) ~ NUM(y): NUM(op(x, y)) to the result wire. */
  OP1N: 10,
  /** MAT ~ NUM(n): select a branch. */
  MATN: 11,
  /** OP2/OP1/MAT ~ OP2/OP1/MAT: a type error. */
  TYPE: 12,
} as const;
export type Rule = (typeof Rule)[keyof typeof Rule];
export const RULE_NAMES: readonly string[] = Object.keys(Rule);

/** The five counted rule classes of the stats. */
export const RULE_CLASSES = ["ANNI", "COMM", "ERAS", "DREF", "OPER"] as const;
export type RuleClass = (typeof RULE_CLASSES)[number];

/** Rule id -> index into RULE_CLASSES (-1 for NONE/TYPE). */
export const RULE_CLASS: readonly number[] = [-1, 0, 1, 1, 1, 2, 2, 2, 3, 4, 4, 4, -1];

type Kind = "CTR" | "REF" | "ERA" | "NUM" | "OP2" | "OP1" | "MAT";
const K: Record<Kind, readonly number[]> = {
  CTR: [Tag.CT0, Tag.CT1, Tag.CT2, Tag.CT3, Tag.CT4, Tag.CT5],
  REF: [Tag.REF],
  ERA: [Tag.ERA],
  NUM: [Tag.NUM],
  OP2: [Tag.OP2],
  OP1: [Tag.OP1],
  MAT: [Tag.MAT],
};

/**
 * The table. Row: left kind; columns in order CTR REF ERA NUM OP2 OP1 MAT.
 * A rule is stored for (left, right); the mirrored pair gets the same rule
 * flipped. CTR ~ CTR is ANNI for equal labels and COMM otherwise.
 *
 *          CTR     REF     ERA     NUM     OP2     OP1     MAT
 *   CTR   ANNI/COMM
 *   REF   DREF    VOID    VOID    VOID    DREF    DREF    DREF
 *   ERA   ERAS            VOID    VOID    ERAS    ERA1    ERAS
 *   NUM   COPY                    VOID    OP2N    OP1N    MATN
 *   OP2   COMM                            TYPE    TYPE    TYPE
 *   OP1   PASS                                    TYPE    TYPE
 *   MAT   COMM                                            TYPE
 *
 * Rules read as "left ~ right" with the left column's kind first, except where
 * the rule's function names another order: COPY/ERAS/ERA1/DREF take the
 * nullary side first, OP2N/OP1N/MATN take the NUM side second, COMM and PASS
 * take the CTR side first.
 */
const ROWS: ReadonlyArray<[Kind, Kind, number, "as-is" | "flip"]> = [
  ["REF", "CTR", Rule.DREF, "as-is"],
  ["REF", "REF", Rule.VOID, "as-is"],
  ["REF", "ERA", Rule.VOID, "as-is"],
  ["REF", "NUM", Rule.VOID, "as-is"],
  ["REF", "OP2", Rule.DREF, "as-is"],
  ["REF", "OP1", Rule.DREF, "as-is"],
  ["REF", "MAT", Rule.DREF, "as-is"],
  ["ERA", "CTR", Rule.ERAS, "as-is"],
  ["ERA", "ERA", Rule.VOID, "as-is"],
  ["ERA", "NUM", Rule.VOID, "as-is"],
  ["ERA", "OP2", Rule.ERAS, "as-is"],
  ["ERA", "OP1", Rule.ERA1, "as-is"],
  ["ERA", "MAT", Rule.ERAS, "as-is"],
  ["NUM", "CTR", Rule.COPY, "as-is"],
  ["NUM", "NUM", Rule.VOID, "as-is"],
  ["NUM", "OP2", Rule.OP2N, "flip"],
  ["NUM", "OP1", Rule.OP1N, "flip"],
  ["NUM", "MAT", Rule.MATN, "flip"],
  ["OP2", "CTR", Rule.COMM, "flip"],
  ["OP2", "OP2", Rule.TYPE, "as-is"],
  ["OP2", "OP1", Rule.TYPE, "as-is"],
  ["OP2", "MAT", Rule.TYPE, "as-is"],
  ["OP1", "CTR", Rule.PASS, "flip"],
  ["OP1", "OP1", Rule.TYPE, "as-is"],
  ["OP1", "MAT", Rule.TYPE, "as-is"],
  ["MAT", "CTR", Rule.COMM, "flip"],
  ["MAT", "MAT", Rule.TYPE, "as-is"],
];

/** RULE_TABLE[a * 16 + b]: the rule for main-port tags a ~ b. */
export const RULE_TABLE: Uint8Array = new Uint8Array(256);
/** RULE_FLIP[a * 16 + b]: 1 when the rule function takes (b, a). */
export const RULE_FLIP: Uint8Array = new Uint8Array(256);

for (const [left, right, rule, order] of ROWS) {
  for (const a of K[left]) {
    for (const b of K[right]) {
      const flip = order === "flip" ? 1 : 0;
      RULE_TABLE[a * 16 + b] = rule;
      RULE_FLIP[a * 16 + b] = flip;
      RULE_TABLE[b * 16 + a] = rule;
      RULE_FLIP[b * 16 + a] = a === b ? 0 : 1 - flip;
    }
  }
}
for (const a of K.CTR) {
  for (const b of K.CTR) RULE_TABLE[a * 16 + b] = a === b ? Rule.ANNI : Rule.COMM;
}

export const ruleOf = (a: number, b: number): number => RULE_TABLE[(a & 0xf) * 16 + (b & 0xf)];
