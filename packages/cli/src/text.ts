/**
 * Program text in and out. In: read a file, check it (every diagnostic at
 * once, formatted as `file:line:col: error[CODE]: message` with a caret),
 * parse it; a `.hvm` file is a hvm-lang program, compiled to a book. Out:
 * what `run` prints, the canonical normal form (for a `.hvm` program, read
 * back as a term), then (with --stats) one stat per line, or (with --json)
 * one JSON object.
 */
import { readFileSync } from "node:fs";
import { RULE_CLASSES, type Book, type Net, type RunResult } from "@hvm/ir";
import { readbackTerm, showTerm } from "@hvm/lang";
import { checkProgramSource, checkSource, compileSource, formatDiagnostic, parseBook, printNet } from "@hvm/syntax";
import { InputFileError, ReportedError } from "./errors.js";

export function readSource(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    throw new InputFileError(file, reason);
  }
}

/** Every diagnostic of the source, formatted; empty when the program is valid. */
export function diagnose(source: string, file: string, entry: string | undefined): string[] {
  const opts = entry === undefined ? {} : { entry };
  const diags = isProgram(file) ? checkProgramSource(source, opts) : checkSource(source, file, opts);
  return diags.map((d) => formatDiagnostic(d, source, file));
}

/** A `.hvm` file holds a hvm-lang program; anything else is a `.hvmc` book. */
export const isProgram = (file: string): boolean => file.endsWith(".hvm");

export interface Loaded {
  readonly book: Book;
  readonly source: string;
  /** How a normal form prints: canonical net text, or a term for a `.hvm` program. */
  readonly show: (net: Net) => string;
}

/** Read, check and parse (or compile); on diagnostics, write them to stderr and throw ReportedError. */
export function loadBook(file: string, entry: string | undefined, stderr: (text: string) => void): Loaded {
  const source = readSource(file);
  const diags = diagnose(source, file, entry);
  if (diags.length > 0) {
    stderr(`${diags.join("\n")}\n`);
    throw new ReportedError(diags.length);
  }
  if (!isProgram(file)) return { book: parseBook(source, file), source, show: printNet };
  const { program, book } = compileSource(source, file, entry === undefined ? {} : { entry });
  return { book, source, show: (net) => showTerm(readbackTerm(net, program)) };
}

/** The stats block: `RWTS   : N`, `- ANNI : N` .. `- OPER : N`, `TIME   : S s`, `MIPS   : M`. */
export function formatStats(stats: RunResult["stats"]): string {
  const lines = [`RWTS   : ${stats.interactions}`];
  for (const rule of RULE_CLASSES) lines.push(`- ${rule} : ${stats.byRule[rule]}`);
  lines.push(`TIME   : ${stats.seconds.toFixed(3)} s`);
  lines.push(`MIPS   : ${stats.mips.toFixed(2)}`);
  return lines.join("\n");
}

/** Normal form, then the stats when asked: exactly what `hvm-cli run -s` writes to stdout. */
export function formatResult(result: RunResult, withStats: boolean, show: (net: Net) => string = printNet): string {
  const text = show(result.net);
  return withStats ? `${text}\n${formatStats(result.stats)}\n` : `${text}\n`;
}

export interface JsonResult {
  readonly normalForm: string;
  readonly stats: RunResult["stats"];
  readonly runtime: string;
}

export function formatJson(result: RunResult, runtime: string, show: (net: Net) => string = printNet): string {
  const out: JsonResult = { normalForm: show(result.net), stats: result.stats, runtime };
  return `${JSON.stringify(out)}\n`;
}
