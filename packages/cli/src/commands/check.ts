/**
 * `hvm-cli check <file>`: report every problem of a program at once.
 */
import type { Command } from "commander";
import { parseBook } from "@hvm/syntax";
import { ReportedError } from "../errors.js";
import type { Io } from "../io.js";
import { diagnose, readSource } from "../source.js";

export function registerCheck(program: Command, io: Io): void {
  program
    .command("check")
    .description("check a program (syntax, variables, references, ranges, entry) and report every error")
    .argument("<file>", "a .hvmc file")
    .option("-e, --entry <name>", "entry definition that must exist", "main")
    .action((file: string, flags: { entry: string }) => {
      const source = readSource(file);
      const diags = diagnose(source, file, flags.entry);
      if (diags.length > 0) {
        io.stderr(`${diags.join("\n")}\n${diags.length} error${diags.length === 1 ? "" : "s"}\n`);
        throw new ReportedError(diags.length);
      }
      const count = parseBook(source, file).defs.length;
      io.stdout(`${file}: ok (${count} definition${count === 1 ? "" : "s"})\n`);
    });
}
