/**
 * WGSL constants generated from @hvm/ir at shader-build time: the pointer
 * tags, the rule ids, the rule table (packed per left tag), the rule-class
 * map and the numeric operators. Nothing here is a hand-copied number; a
 * change in ir changes the generated shader (and its snapshot test).
 */
import { OPERATORS, RULE_CLASS, RULE_CLASSES, RULE_FLIP, RULE_TABLE, Rule, TAG_ENTRIES, TAG_NAMES } from "@hvm/ir";
import { ShaderBuildError } from "../errors.js";

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}u`;

/** `const VR1: u32 = 0x0u;` ... for every tag of ir's Tag table. */
export function tagConstants(): string {
  return TAG_ENTRIES.map(([name, value]) => `const ${name}: u32 = ${hex(value)};`)
    .join("\n");
}

/** `const R_ANNI: u32 = 1u;` ... for every rule id of ir's Rule table. */
export function ruleConstants(): string {
  return Object.entries(Rule)
    .map(([name, value]) => `const R_${name}: u32 = ${value}u;`)
    .join("\n");
}

/**
 * The rule table as a switch on the left tag: each row packs the 16 rule ids
 * (4 bits each) in two words and the 16 flip bits in a third.
 */
export function ruleTableFunction(): string {
  const rows: string[] = [];
  for (let a = 0; a < 16; a++) {
    let lo = 0;
    let hi = 0;
    let flips = 0;
    for (let b = 0; b < 16; b++) {
      const rule = RULE_TABLE[a * 16 + b];
      if (rule > 0xf) throw new ShaderBuildError(`rule id ${rule} does not fit the 4-bit packing of the WGSL rule table`);
      if (b < 8) lo |= rule << (4 * b);
      else hi |= rule << (4 * (b - 8));
      flips |= RULE_FLIP[a * 16 + b] << b;
    }
    rows.push(`    case ${a}u: { row = vec3<u32>(${hex(lo)}, ${hex(hi)}, ${hex(flips)}); } // ${TAG_NAMES[a]}`);
  }
  return [
    "// Rule table generated from ir.RULE_TABLE / ir.RULE_FLIP. Returns (rule, flip).",
    "fn rule_of(a: u32, b: u32) -> vec2<u32> {",
    "  var row = vec3<u32>(0u, 0u, 0u);",
    "  switch (a & 0xfu) {",
    ...rows,
    "    default: {}",
    "  }",
    "  let tb = b & 0xfu;",
    "  let word = select(row.y, row.x, tb < 8u);",
    "  let rule = (word >> ((tb & 7u) * 4u)) & 0xfu;",
    "  return vec2<u32>(rule, (row.z >> tb) & 1u);",
    "}",
  ].join("\n");
}

/**
 * `fn is_void(a, b)`: whether a ~ b is VOID (two nullary ports that just
 * vanish), as two 16-bit tag masks instead of the rule table's switch, since
 * every push asks it. Building fails if ir's VOID pairs stop being all pairs
 * of one set of left tags with one set of right tags.
 */
export function voidFunction(): string {
  let left = 0;
  let right = 0;
  for (let a = 0; a < 16; a++) {
    for (let b = 0; b < 16; b++) {
      if (RULE_TABLE[a * 16 + b] === Rule.VOID) {
        left |= 1 << a;
        right |= 1 << b;
      }
    }
  }
  for (let a = 0; a < 16; a++) {
    for (let b = 0; b < 16; b++) {
      const inMasks = ((left >> a) & (right >> b) & 1) === 1;
      if (inMasks !== (RULE_TABLE[a * 16 + b] === Rule.VOID)) {
        throw new ShaderBuildError(`the VOID pairs of ir.RULE_TABLE are not a product of two tag sets (tags ${a} and ${b}); is_void needs another encoding`);
      }
    }
  }
  return [
    "// VOID pairs generated from ir.RULE_TABLE: left tags x right tags.",
    "fn is_void(a: u32, b: u32) -> bool {",
    `  return ((${hex(left)} >> (a & 0xfu)) & (${hex(right)} >> (b & 0xfu)) & 1u) != 0u;`,
    "}",
  ].join("\n");
}

/** Rule id -> counted class (ir.RULE_CLASS), packed 4 bits a rule, 0xf = not counted. */
export function ruleClassFunction(): string {
  if (RULE_CLASS.length > 16) throw new ShaderBuildError(`${RULE_CLASS.length} rules do not fit the 4-bit class packing`);
  let lo = 0;
  let hi = 0;
  RULE_CLASS.forEach((cls, r) => {
    const v = cls < 0 ? 0xf : cls;
    if (r < 8) lo |= v << (4 * r);
    else hi |= v << (4 * (r - 8));
  });
  return [
    `// Counted classes (${RULE_CLASSES.join(", ")}) generated from ir.RULE_CLASS; 0xf = not counted.`,
    `const CLASS_COUNT: u32 = ${RULE_CLASSES.length}u;`,
    "fn class_of(rule: u32) -> u32 {",
    `  let word = select(${hex(hi)}, ${hex(lo)}, rule < 8u);`,
    "  return (word >> ((rule & 7u) * 4u)) & 0xfu;",
    "}",
  ].join("\n");
}

/**
 * WGSL for each operator of ir's table, keyed by name; `a` and `b` are the
 * u24 payloads. Building fails if ir gains an operator with no translation.
 */
const OPERATOR_WGSL: Readonly<Record<string, string>> = {
  USE: "((a & 0xfu) << 24u) | b",
  ADD: "(a + b) & U24",
  SUB: "(a - b) & U24",
  MUL: "(a * b) & U24",
  DIV: "select(a / max(b, 1u), U24, b == 0u)",
  MOD: "select(a % max(b, 1u), a, b == 0u)",
  EQ: "select(0u, 1u, a == b)",
  NE: "select(0u, 1u, a != b)",
  LT: "select(0u, 1u, a < b)",
  GT: "select(0u, 1u, a > b)",
  AND: "a & b",
  OR: "a | b",
  XOR: "a ^ b",
  NOT: "(~b) & U24",
  LSH: "(a << (b & 31u)) & U24",
  RSH: "a >> (b & 31u)",
};

/** `fn apply_op(x, y)`: ir.applyOp in WGSL, one case per ir operator. */
export function operatorFunction(): string {
  const cases = OPERATORS.map((op) => {
    const expr = OPERATOR_WGSL[op.name];
    if (expr === undefined) throw new ShaderBuildError(`operator ${op.name} (code ${op.code}) has no WGSL translation`);
    return `    case ${op.code}u: { return ${expr}; } // ${op.name}`;
  });
  return [
    "// Numeric operators generated from ir.OPERATORS: op(x, y), x's bits 24..27 the code.",
    "const U24: u32 = 0xffffffu;",
    "fn apply_op(x: u32, y: u32) -> u32 {",
    "  let a = x & U24;",
    "  let b = y & U24;",
    "  switch ((x >> 24u) & 0xfu) {",
    ...cases,
    "    default: { return 0u; }",
    "  }",
    "}",
  ].join("\n");
}
