/**
 * The `hvm-cli` / `hvm` binary. build.mjs bundles this file (with the @hvm/*
 * packages) into dist/cli.js and adds the shebang.
 */
import { setFlagsFromString } from "node:v8";
import { main } from "./main.js";

// Let V8 inline every interaction rule into the reducers' hot loops: its
// default cumulative inlining budget leaves half of them as calls. About 20%
// more interactions/s on the heavy corpus (docs/runtime-cpu.md).
setFlagsFromString("--max-inlined-bytecode-size-cumulative=10000");

process.exitCode = await main(process.argv.slice(2));
