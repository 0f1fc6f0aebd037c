/**
 * compileProgram: a checked hvm-lang program -> an ir Book.
 *
 *   check (all diagnostics at once) -> equations to terms (patterns.ts)
 *   -> lambda lifting (lift.ts): match branches that call definitions, and
 *      closed lambdas that call definitions, become definitions of their own
 *   -> one closed net per definition (encode.ts)
 *
 * Every top-level definition is a REF, so recursion unfolds lazily. The
 * entry is `main` unless opts.entry names another definition.
 */
import * as ir from "@hvm/ir";
import type { Program, Term } from "./ast.js";
import { App, Lams, Var } from "./ast.js";
import { checkProgram, suggest } from "./check.js";
import { Encoder } from "./encode.js";
import { buildEnv, type Env } from "./env.js";
import { Diagnostics, LangError, LangErrorCode } from "./errors.js";
import { Lifter } from "./lift.js";
import { PatternCompiler } from "./patterns.js";

export interface CompileOptions {
  /** The entry definition (default "main"); it must exist. */
  readonly entry?: string;
}

/** The intermediate results of a compilation, for tools that show them. */
export interface Compiled {
  readonly book: ir.Book;
  readonly env: Env;
  /** Each definition of the book as a core term (after pattern compilation and lifting). */
  readonly terms: ReadonlyArray<{ readonly name: string; readonly term: Term }>;
}

/** Compile a program to a book. Throws LangError listing every problem. */
export function compileProgram(program: Program, opts: CompileOptions = {}): ir.Book {
  return compileProgramDetailed(program, opts).book;
}

export function compileProgramDetailed(program: Program, opts: CompileOptions = {}): Compiled {
  try {
    return compileChecked(program, opts);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new LangError([
      {
        code: LangErrorCode.TOO_DEEP,
        message: "the program is nested too deeply for the compiler (patterns nested thousands of levels deep); split it into definitions",
      },
    ]);
  }
}

function compileChecked(program: Program, opts: CompileOptions): Compiled {
  const entry = opts.entry ?? ir.DEFAULT_ENTRY;
  const diags = new Diagnostics();
  const env = buildEnv(program, diags);
  checkProgram(program, env, diags);
  if (!env.defs.has(entry)) {
    diags.add(LangErrorCode.ENTRY_MISSING, `missing entry: no definition ${entry}${suggest(entry, [...env.defs.keys()])}; add \`${entry} = ...\``);
  }
  // Equations are compiled even when other definitions have problems, so non-exhaustive
  // definitions are reported together with everything else.
  const broken = new Set(diags.list.map((d) => d.def));
  const patterns = new PatternCompiler(env, diags);
  const terms = program.defs.filter((d) => !broken.has(d.name)).map((d) => ({ name: d.name, term: patterns.compile(d) }));
  diags.throwIfAny();

  const globals = new Set(env.defs.keys());
  const lifter = new Lifter(globals);
  for (const { name, term } of terms) lifter.lift(name, term);

  const ctrDefsUsed = new Set<string>();
  const encoder = new Encoder({ defs: globals, ctrs: env.ctrs, ctrDefsUsed }, diags);
  const defs: ir.Definition[] = lifter.out.map(({ name, term }) => ({ name, net: encoder.net(name, term) }));
  const all = [...lifter.out];
  for (const name of ctrDefsUsed) {
    const fields = env.ctrs.get(name)!.ctr.fields.map((_, i) => `%f${i}`);
    const term = Lams(fields, App(Var(name), ...fields.map(Var)));
    defs.push({ name, net: encoder.net(name, term) });
    all.push({ name, term });
  }
  encoder.checkSelfApplications();
  diags.throwIfAny();
  return { book: { defs }, env, terms: all };
}
