/**
 * `node dist/bench.mjs [options]`: the bundled bench (see docs/bench.md).
 */
import { HvmError } from "@hvm/ir";
import { runBench } from "./cli.js";

runBench(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (outcome) => {
    process.exitCode = outcome.exitCode;
  },
  (e: unknown) => {
    process.stderr.write(`hvm-bench: ${e instanceof HvmError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
