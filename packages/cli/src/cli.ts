/**
 * The `hvm-cli` / `hvm` binary. build.mjs bundles this file (with the @hvm/*
 * packages) into dist/cli.js and adds the shebang.
 */
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2));
