/**
 * `compile <file.hvm>`: check and compile an hvm-lang program (docs/lang.md)
 * and print the .hvmc book it compiles to, or write it with --output. Every
 * problem is reported at once, located in the source, as `run` and `check`
 * report them. The book runs like the program: `hvm-cli run out.hvmc`.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { printBook } from "@hvm/syntax";
import { UsageError } from "../errors.js";
import type { Io } from "../terminal.js";
import { isProgram, loadBook } from "../text.js";

interface CompileFlags {
  readonly entry: string;
  readonly output?: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function registerCompile(program: Command, io: Io): void {
  program
    .command("compile")
    .description("compile an hvm-lang program (.hvm) to a .hvmc book and print it")
    .argument("<file>", "a .hvm file")
    .option("-e, --entry <name>", "entry definition that must exist", "main")
    .option("-o, --output <file>", "write the book to this file instead of printing it")
    .action((file: string, flags: CompileFlags) => {
      if (!isProgram(file)) throw new UsageError(`compile takes an hvm-lang program (.hvm); ${file} is not one`);
      const { book } = loadBook(file, flags.entry, io.stderr);
      const text = printBook(book);
      const out = text.endsWith("\n") ? text : `${text}\n`;
      if (flags.output === undefined) {
        io.stdout(out);
        return;
      }
      writeFileSync(flags.output, out);
      io.stdout(`${flags.output}: ${plural(book.defs.length, "definition")}\n`);
    });
}
