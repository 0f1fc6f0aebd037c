/**
 * `hvm-cli fmt <file>`: print the canonical form of a book (variables
 * renamed a, b, ..., one definition a line); --write replaces the file.
 * Comments are not kept: the canonical form is the AST printed back.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { parseBook, printBook } from "@hvm/syntax";
import { ReportedError } from "../errors.js";
import type { Io } from "../io.js";
import { diagnose, readSource } from "../source.js";

export function registerFmt(program: Command, io: Io): void {
  program
    .command("fmt")
    .description("print a program in canonical form (comments are dropped)")
    .argument("<file>", "a .hvmc file")
    .option("-w, --write", "rewrite the file in place instead of printing")
    .action((file: string, flags: { write?: boolean }) => {
      const source = readSource(file);
      const diags = diagnose(source, file, undefined);
      if (diags.length > 0) {
        io.stderr(`${diags.join("\n")}\n`);
        throw new ReportedError(diags.length);
      }
      const text = printBook(parseBook(source, file));
      const out = text.endsWith("\n") ? text : `${text}\n`;
      if (flags.write) {
        if (out !== source) writeFileSync(file, out);
        io.stdout(`${file}: ${out === source ? "unchanged" : "formatted"}\n`);
      } else {
        io.stdout(out);
      }
    });
}
