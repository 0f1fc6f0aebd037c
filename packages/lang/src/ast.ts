/**
 * The hvm-lang term AST: what the .hvm parser produces, what the compiler
 * consumes, and what readback of a normal form returns. Spans are optional
 * source locations (ir's Span); constructors below leave them out.
 */
import type { Span } from "@hvm/ir";

/** A bound name, or null for a binder that is never used (`*` or `_`). */
export type Binder = string | null;

export type Term =
  /** A variable, a definition or a constructor: resolved by the compiler. */
  | { readonly kind: "var"; readonly name: string; readonly span?: Span }
  /** `λx body` or `@x body`. */
  | { readonly kind: "lam"; readonly bind: Binder; readonly body: Term; readonly span?: Span }
  /** `(f a)`; `(f a b)` is `((f a) b)`. */
  | { readonly kind: "app"; readonly fun: Term; readonly arg: Term; readonly span?: Span }
  /** An unsigned 24-bit number. */
  | { readonly kind: "num"; readonly value: number; readonly span?: Span }
  /** `(op a b)`: `op` is an ir operator code (ir.OP). */
  | { readonly kind: "op"; readonly op: number; readonly left: Term; readonly right: Term; readonly span?: Span }
  /** `match n { 0: zero; 1+pred: succ }`. */
  | {
      readonly kind: "match";
      readonly scrutinee: Term;
      readonly zero: Term;
      readonly pred: Binder;
      readonly succ: Term;
      /** Set by lambda lifting: `zero` and `succ` are the branch functions themselves (`succ` takes the predecessor). */
      readonly lifted?: boolean;
      readonly span?: Span;
    }
  /** `match xs { (Cons h t): a; Nil: b }`: a match on a data type's constructors, one arm each, in declaration order. */
  | { readonly kind: "case"; readonly scrutinee: Term; readonly arms: readonly Arm[]; readonly span?: Span }
  /** `let x = value; body`. */
  | { readonly kind: "let"; readonly bind: Binder; readonly value: Term; readonly body: Term; readonly span?: Span }
  /** `dup #label a b = value; body`; label 1..5, or undefined for a fresh one. */
  | {
      readonly kind: "dup";
      readonly label?: number;
      readonly left: Binder;
      readonly right: Binder;
      readonly value: Term;
      readonly body: Term;
      readonly span?: Span;
    }
  /** `*`: the eraser, a value that deletes whatever it meets. */
  | { readonly kind: "era"; readonly span?: Span }
  /** `[a, b, c]`: sugar for `(Cons a (Cons b (Cons c Nil)))`. */
  | { readonly kind: "list"; readonly items: readonly Term[]; readonly span?: Span }
  /** `{a b}`: a superposition; only readback makes these. */
  | { readonly kind: "sup"; readonly label: number; readonly left: Term; readonly right: Term; readonly span?: Span };

/** One arm of a constructor match: the constructor, its field binders, the body. */
export interface Arm {
  readonly ctr: string;
  readonly binds: readonly Binder[];
  readonly body: Term;
  readonly span?: Span;
}

/** A pattern of an equation's argument. */
export type Pattern =
  /** A variable, or `_` (null). */
  | { readonly kind: "pvar"; readonly bind: Binder; readonly span?: Span }
  /** A constructor, `Nil` or `(Cons x xs)`. */
  | { readonly kind: "pctr"; readonly name: string; readonly args: readonly Pattern[]; readonly span?: Span }
  /** A numeric literal. */
  | { readonly kind: "pnum"; readonly value: number; readonly span?: Span };

/** One equation `(Name p1 .. pn) = body`; `name = body` has no patterns. */
export interface Rule {
  readonly pats: readonly Pattern[];
  readonly body: Term;
  readonly span?: Span;
}

export interface Definition {
  readonly name: string;
  readonly rules: readonly Rule[];
  readonly span?: Span;
}

export interface Constructor {
  readonly name: string;
  readonly fields: readonly string[];
  readonly span?: Span;
}

/** `data List = (Cons head tail) | Nil`. */
export interface DataType {
  readonly name: string;
  readonly ctrs: readonly Constructor[];
  readonly span?: Span;
}

export interface Program {
  readonly datas: readonly DataType[];
  readonly defs: readonly Definition[];
}

export const Var = (name: string): Term => ({ kind: "var", name });
export const Lam = (bind: Binder, body: Term): Term => ({ kind: "lam", bind, body });
/** `(f a b ...)`. */
export const App = (fun: Term, ...args: Term[]): Term => args.reduce<Term>((f, arg) => ({ kind: "app", fun: f, arg }), fun);
export const Num = (value: number): Term => ({ kind: "num", value });
export const Op = (op: number, left: Term, right: Term): Term => ({ kind: "op", op, left, right });
export const Match = (scrutinee: Term, zero: Term, pred: Binder, succ: Term): Term => ({ kind: "match", scrutinee, zero, pred, succ });
export const Case = (scrutinee: Term, arms: Arm[]): Term => ({ kind: "case", scrutinee, arms });
export const arm = (ctr: string, binds: Binder[], body: Term): Arm => ({ ctr, binds, body });
export const Let = (bind: Binder, value: Term, body: Term): Term => ({ kind: "let", bind, value, body });
export const Dup = (left: Binder, right: Binder, value: Term, body: Term, label?: number): Term => ({
  kind: "dup",
  left,
  right,
  value,
  body,
  ...(label === undefined ? {} : { label }),
});
export const Era = (): Term => ({ kind: "era" });
export const List = (items: Term[]): Term => ({ kind: "list", items });
export const Sup = (label: number, left: Term, right: Term): Term => ({ kind: "sup", label, left, right });
/** A nest of lambdas `λa λb .. body`. */
export const Lams = (binds: Binder[], body: Term): Term => binds.reduceRight<Term>((b, x) => Lam(x, b), body);

export const PVar = (bind: Binder): Pattern => ({ kind: "pvar", bind });
export const PCtr = (name: string, ...args: Pattern[]): Pattern => ({ kind: "pctr", name, args });
export const PNum = (value: number): Pattern => ({ kind: "pnum", value });

export const rule = (pats: Pattern[], body: Term): Rule => ({ pats, body });
/** `name = body`. */
export const def = (name: string, body: Term): Definition => ({ name, rules: [{ pats: [], body }] });
/** A definition by equations. */
export const defRules = (name: string, rules: Rule[]): Definition => ({ name, rules });
export const data = (name: string, ctrs: Array<[string, ...string[]]>): DataType => ({
  name,
  ctrs: ctrs.map(([n, ...fields]) => ({ name: n, fields })),
});
export const program = (defs: Definition[], datas: DataType[] = []): Program => ({ datas, defs });

/** The built-in list type used by `[a, b]` literals when the program does not declare its own `List`. */
export const LIST_TYPE: DataType = data("List", [["Cons", "head", "tail"], ["Nil"]]);
