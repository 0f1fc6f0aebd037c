/**
 * .hvm source -> ir Book in one call, with every problem (syntax and
 * language diagnostics) located in the source. Tools format them with
 * formatDiagnostics (file:line:col, the line, a caret).
 */
import type { Book, Diagnostic } from "@hvm/ir";
import { LangError, compileProgram, type CompileOptions, type Program } from "@hvm/lang";
import { ParseError } from "../errors.js";
import { parseProgramPartial } from "./parser.js";

export interface CompileSourceResult {
  readonly program: Program;
  readonly book: Book;
}

/** Parse and compile; throws ParseError (syntax) or LangError (checks), each listing every problem. */
export function compileSource(source: string, file = "<input>", opts: CompileOptions = {}): CompileSourceResult {
  const { program, diagnostics } = parseProgramPartial(source);
  if (diagnostics.length > 0) throw new ParseError(diagnostics, file);
  return { program, book: compileProgram(program, opts) };
}

/** Every problem of a .hvm source, syntax first; an empty list when it compiles. */
export function checkProgramSource(source: string, opts: CompileOptions = {}): Diagnostic[] {
  const { program, diagnostics } = parseProgramPartial(source);
  if (diagnostics.length > 0) return diagnostics;
  try {
    compileProgram(program, opts);
    return [];
  } catch (e) {
    if (e instanceof LangError) return [...e.diagnostics];
    throw e;
  }
}
