/** The AST constructors used by the tests, plus `Cons` for a saturated list cell. */
import { App, Var, type Term } from "../src/index.js";

export * from "../src/ast.js";
export const Cons = (head: Term, tail: Term): Term => App(Var("Cons"), head, tail);
