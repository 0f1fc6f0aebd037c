/**
 * `node dist/bench.mjs [options]`: the bundled bench (see docs/bench.md).
 */
import { setFlagsFromString } from "node:v8";
import { HvmError } from "@hvm/ir";
import { runBench } from "./cli.js";

// The same V8 inlining budget as hvm-cli, so the bench measures what users run.
setFlagsFromString("--max-inlined-bytecode-size-cumulative=10000");

runBench(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (outcome) => {
    process.exitCode = outcome.exitCode;
  },
  (e: unknown) => {
    process.stderr.write(`hvm-bench: ${e instanceof HvmError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
