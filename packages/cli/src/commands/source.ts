/**
 * The commands that read a program without running it.
 *
 * `check <file>`: report every problem of a program at once.
 *
 * `fmt <file>`: print the canonical form of a book (variables renamed a, b,
 * ..., one redex a line) with its comments (syntax's formatBook says where
 * they go); --write replaces the file.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { compileSource, formatBook, parseBook } from "@hvm/syntax";
import { ReportedError, UsageError } from "../errors.js";
import type { Io } from "../terminal.js";
import { diagnose, isProgram, readSource } from "../text.js";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function registerCheck(program: Command, io: Io): void {
  program
    .command("check")
    .description("check a program (syntax, variables, references, ranges, entry) and report every error")
    .argument("<file>", "a .hvmc book or a .hvm program")
    .option("-e, --entry <name>", "entry definition that must exist", "main")
    .action((file: string, flags: { entry: string }) => {
      const source = readSource(file);
      const diags = diagnose(source, file, flags.entry);
      if (diags.length > 0) {
        io.stderr(`${diags.join("\n")}\n${plural(diags.length, "error")}\n`);
        throw new ReportedError(diags.length);
      }
      const book = isProgram(file) ? compileSource(source, file, { entry: flags.entry }).book : parseBook(source, file);
      io.stdout(`${file}: ok (${plural(book.defs.length, "definition")})\n`);
    });
}

export function registerFmt(program: Command, io: Io): void {
  program
    .command("fmt")
    .description("print a program in canonical form, keeping its comments")
    .argument("<file>", "a .hvmc file")
    .option("-w, --write", "rewrite the file in place instead of printing")
    .action((file: string, flags: { write?: boolean }) => {
      if (isProgram(file)) throw new UsageError(`fmt formats .hvmc books; ${file} is a .hvm program`);
      const source = readSource(file);
      const diags = diagnose(source, file, undefined);
      if (diags.length > 0) {
        io.stderr(`${diags.join("\n")}\n`);
        throw new ReportedError(diags.length);
      }
      const text = formatBook(source, file);
      const out = text.endsWith("\n") ? text : `${text}\n`;
      if (!flags.write) {
        io.stdout(out);
        return;
      }
      if (out !== source) writeFileSync(file, out);
      io.stdout(`${file}: ${out === source ? "unchanged" : "formatted"}\n`);
    });
}
