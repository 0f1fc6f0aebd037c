/**
 * Loading a program: read the file, check it (every diagnostic at once,
 * formatted as `file:line:col: error[CODE]: message` with a caret), parse it.
 */
import { readFileSync } from "node:fs";
import type { Book } from "@hvm/ir";
import { checkSource, formatDiagnostic, parseBook } from "@hvm/syntax";
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
  return checkSource(source, file, entry === undefined ? {} : { entry }).map((d) => formatDiagnostic(d, source, file));
}

/** Read, check and parse; on diagnostics, write them to stderr and throw ReportedError. */
export function loadBook(file: string, entry: string | undefined, stderr: (text: string) => void): { book: Book; source: string } {
  const source = readSource(file);
  const diags = diagnose(source, file, entry);
  if (diags.length > 0) {
    stderr(`${diags.join("\n")}\n`);
    throw new ReportedError(diags.length);
  }
  return { book: parseBook(source, file), source };
}
