/**
 * Numeric semantics (DESIGN §4). A NUM carries 28 bits: bits 24..27 an
 * operator code, bits 0..23 a u24 payload. `apply(x, y)` is what OP1(x) ~ NUM(y)
 * produces: the operator is x's code, operands are the two payloads, results
 * wrap to u24 (USE builds a tagged number instead).
 */

export const U24_MASK = 0xff_ffff;

export interface Operator {
  readonly code: number;
  readonly name: string;
  /** Prefix symbol used by hvm-lang. */
  readonly symbol: string;
  /** Result on the u24 payloads a (of x) and b (of y); USE gets the whole of a. */
  readonly fn: (a: number, b: number) => number;
}

const bool = (c: boolean): number => (c ? 1 : 0);

/** The operator table, indexed by code. */
export const OPERATORS: readonly Operator[] = [
  { code: 0, name: "USE", symbol: "use", fn: (a, b) => ((a & 0xf) << 24) | b },
  { code: 1, name: "ADD", symbol: "+", fn: (a, b) => (a + b) & U24_MASK },
  { code: 2, name: "SUB", symbol: "-", fn: (a, b) => (a - b) & U24_MASK },
  { code: 3, name: "MUL", symbol: "*", fn: (a, b) => Math.imul(a, b) & U24_MASK },
  { code: 4, name: "DIV", symbol: "/", fn: (a, b) => (b === 0 ? U24_MASK : Math.floor(a / b)) },
  { code: 5, name: "MOD", symbol: "%", fn: (a, b) => (b === 0 ? a : a % b) },
  { code: 6, name: "EQ", symbol: "==", fn: (a, b) => bool(a === b) },
  { code: 7, name: "NE", symbol: "!=", fn: (a, b) => bool(a !== b) },
  { code: 8, name: "LT", symbol: "<", fn: (a, b) => bool(a < b) },
  { code: 9, name: "GT", symbol: ">", fn: (a, b) => bool(a > b) },
  { code: 10, name: "AND", symbol: "&", fn: (a, b) => a & b },
  { code: 11, name: "OR", symbol: "|", fn: (a, b) => a | b },
  { code: 12, name: "XOR", symbol: "^", fn: (a, b) => a ^ b },
  { code: 13, name: "NOT", symbol: "~", fn: (_a, b) => ~b & U24_MASK },
  { code: 14, name: "LSH", symbol: "<<", fn: (a, b) => (a << (b & 31)) & U24_MASK },
  { code: 15, name: "RSH", symbol: ">>", fn: (a, b) => a >>> (b & 31) },
];

export const OP = Object.fromEntries(OPERATORS.map((o) => [o.name, o.code])) as Record<
  "USE" | "ADD" | "SUB" | "MUL" | "DIV" | "MOD" | "EQ" | "NE" | "LT" | "GT" | "AND" | "OR" | "XOR" | "NOT" | "LSH" | "RSH",
  number
>;

/** OP1(x) ~ NUM(y): the 28-bit number that goes to the result wire. */
export function applyOp(x: number, y: number): number {
  const code = (x >>> 24) & 0xf;
  return OPERATORS[code].fn(x & U24_MASK, y & U24_MASK) >>> 0;
}

/** A number tagged with an operator code: what `#code ~ <#a ...>` makes of a. */
export const tagged = (code: number, a: number): number => (((code & 0xf) << 24) | (a & U24_MASK)) >>> 0;
