/** The shape of every example: an expression, its scope, and the result it must give in every mode. */
import type { AnyExpr, Scope } from "../src/index.js";

export interface Example {
  readonly name: string;
  readonly expr: AnyExpr;
  readonly scope?: Scope;
  readonly expected: unknown;
}
