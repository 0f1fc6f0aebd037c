/**
 * Test helpers: compile a program, print its book, run it on the reference
 * reducer. @hvm/runtime-cpu is imported by relative path: declaring it as a
 * devDependency would close a package cycle (runtime-cpu's tests use
 * @hvm/syntax, which depends on @hvm/lang), which turbo rejects.
 */
import { type RuleClass, compileBook, printBook, printNet } from "@hvm/ir";
import { runCompiled } from "../../runtime-cpu/src/index.js";
import { App, Var, type Program, type Term, compileProgram, readbackTerm, showTerm } from "../src/index.js";

export * from "../src/ast.js";

/** A saturated list cell. */
export const Cons = (head: Term, tail: Term): Term => App(Var("Cons"), head, tail);

export const book = (p: Program): string => printBook(compileProgram(p));

export interface Ran {
  /** The normal form read back as a term. */
  readonly term: string;
  /** The raw normal form. */
  readonly net: string;
  readonly byRule: Record<RuleClass, number>;
}

export function run(p: Program): Ran {
  const r = runCompiled(compileBook(compileProgram(p), { entry: "main" }));
  return { term: showTerm(readbackTerm(r.net, p)), net: printNet(r.net), byRule: r.stats.byRule };
}

export const counts = (c: Partial<Record<RuleClass, number>>): Record<RuleClass, number> => ({ ANNI: 0, COMM: 0, ERAS: 0, DREF: 0, OPER: 0, ...c });
