/**
 * The lazy expressions `accelerate` runs. `map`, `map2`, `reduce` and `loop`
 * only record what to compute; nothing is parsed or run until `accelerate`.
 * An array input is a JS array (or typed array) of u24 numbers, or of
 * fixed-size arrays of them, or another array expression, so
 * `map(f, map(g, xs))` runs as one net.
 */

/** An element: a number (booleans count as 0/1) or a fixed-size array of elements. */
export type Result = number | boolean | readonly Result[];

/** What array expressions accept: a JS array (or typed array) or another array expression. */
export type ArrayInput<T = unknown> = ArrayLike<T> | ArrayExpr<T>;

/** Booleans come back as 0/1. */
export type Normalized<T> = T extends boolean ? number : T extends readonly (infer U)[] ? Normalized<U>[] : T;

interface Base<T> {
  /** Phantom: the JS type `accelerate` resolves to. */
  readonly __result?: T;
}

// The marked functions are stored loosely typed: their parameters are whatever the inputs hold.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => unknown;

export interface MapExpr<T> extends Base<T[]> {
  readonly kind: "map";
  readonly fn: Fn;
  readonly input: ArrayInput;
}

export interface Map2Expr<T> extends Base<T[]> {
  readonly kind: "map2";
  readonly fn: Fn;
  readonly left: ArrayInput;
  readonly right: ArrayInput;
}

export interface LoopExpr<T> extends Base<T[]> {
  readonly kind: "loop";
  readonly fn: Fn;
  readonly n: number;
}

export interface ReduceExpr<T = unknown> extends Base<T> {
  readonly kind: "reduce";
  readonly fn: Fn;
  readonly init: unknown;
  readonly input: ArrayInput;
}

export type ArrayExpr<T> = MapExpr<T> | Map2Expr<T> | LoopExpr<T>;
export type Expr<T = unknown> = ArrayExpr<T> | ReduceExpr<T>;
/** Any expression, whatever it computes. */
export type AnyExpr = MapExpr<unknown> | Map2Expr<unknown> | LoopExpr<unknown> | ReduceExpr<unknown>;

/** What `accelerate(expr)` resolves to. */
export type ResultOf<E> = E extends Base<infer T> ? Normalized<T> : never;

/** `map(f, xs)`: f applied to every element, elementwise in parallel. */
export function map<A, R extends Result>(fn: (x: A) => R, input: ArrayInput<A>): MapExpr<R> {
  return { kind: "map", fn, input };
}

/** `map2(f, xs, ys)`: f applied to the pairs of two arrays of equal length. */
export function map2<A, B, R extends Result>(fn: (x: A, y: B) => R, left: ArrayInput<A>, right: ArrayInput<B>): Map2Expr<R> {
  return { kind: "map2", fn, left, right };
}

/**
 * `reduce(op, init, xs)`: `xs.reduce(op, init)` combined as a balanced tree,
 * `op(init, op(op(x0, x1), op(x2, x3)))`; op must be associative (debug mode samples it).
 */
export function reduce<T extends Result>(fn: (a: T, b: T) => Result, init: T, input: ArrayInput<T>): ReduceExpr<T> {
  return { kind: "reduce", fn, init, input };
}

/** `loop(n, f)`: `[f(0), f(1), ..., f(n - 1)]`, every iteration independent. */
export function loop<R extends Result>(n: number, fn: (i: number) => R): LoopExpr<R> {
  return { kind: "loop", fn, n };
}

export const isExpr = (x: unknown): x is AnyExpr =>
  typeof x === "object" && x !== null && "kind" in x && ["map", "map2", "loop", "reduce"].includes((x as { kind: string }).kind);

/** Parameters the marked function of each expression kind takes. */
export const ARITY: Readonly<Record<AnyExpr["kind"], number>> = { map: 1, map2: 2, loop: 1, reduce: 2 };
