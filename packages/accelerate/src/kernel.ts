/**
 * The kernel language: what an accelerated arrow function means once its
 * source is parsed. Every JS construct that is accepted lowers to one of
 * these forms; the interpreter (debug mode) evaluates them with JavaScript
 * semantics and the lowering (cpu/gpu modes) turns them into lang terms.
 * Every node keeps its location within the function's source.
 */

export interface Loc {
  /** 1-based line within the function's source. */
  readonly line: number;
  /** 1-based column within the function's source. */
  readonly col: number;
}

/** Binary operators with a direct numeric operator, plus the derived comparisons. */
export type BinOp = "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "&" | "|" | "^" | "<<" | ">>";
export type UnOp = "-" | "~" | "!";

export type KExpr =
  | { readonly k: "num"; readonly value: number; readonly loc: Loc }
  | { readonly k: "var"; readonly name: string; readonly loc: Loc }
  | { readonly k: "bin"; readonly op: BinOp; readonly a: KExpr; readonly b: KExpr; readonly loc: Loc }
  | { readonly k: "un"; readonly op: UnOp; readonly a: KExpr; readonly loc: Loc }
  /** `Math.floor(a)`: the identity on integers, a real floor in the interpreter. */
  | { readonly k: "floor"; readonly a: KExpr; readonly loc: Loc }
  | { readonly k: "cond"; readonly test: KExpr; readonly then: KExpr; readonly else: KExpr; readonly loc: Loc }
  | { readonly k: "call"; readonly fn: string; readonly args: readonly KExpr[]; readonly loc: Loc }
  | { readonly k: "let"; readonly name: string; readonly value: KExpr; readonly body: KExpr; readonly loc: Loc }
  | { readonly k: "tuple"; readonly items: readonly KExpr[]; readonly loc: Loc }
  /** `t[i]` with a literal index: an item of a fixed-size array. */
  | { readonly k: "index"; readonly a: KExpr; readonly i: number; readonly loc: Loc };

/** A parsed function: the marked one or one from `options.scope`. */
export interface KFunction {
  /** Scope name, or the role (`map`, `map2`, `reduce`, `loop`) for the marked function. */
  readonly name: string;
  readonly params: readonly string[];
  readonly body: KExpr;
  readonly source: string;
}

/** A kernel: the marked function and every scope function it reaches, by name. */
export interface Kernel {
  readonly main: KFunction;
  readonly fns: ReadonlyMap<string, KFunction>;
}

/** The value shape of an expression: a number or a fixed-size tuple. */
export type Shape = { readonly k: "num" } | { readonly k: "tuple"; readonly items: readonly Shape[] };

export const NUM_SHAPE: Shape = { k: "num" };

export const shapeEquals = (a: Shape, b: Shape): boolean =>
  a.k === "num" ? b.k === "num" : b.k === "tuple" && a.items.length === b.items.length && a.items.every((s, i) => shapeEquals(s, b.items[i]));

export const showShape = (s: Shape): string => (s.k === "num" ? "number" : `[${s.items.map(showShape).join(", ")}]`);
