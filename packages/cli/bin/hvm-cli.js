#!/usr/bin/env node
// The `hvm-cli` / `hvm` bin: loads the bundled CLI (dist/cli.js, made by the
// package's build). Kept as a separate file so package managers can link the
// bin before the first build in a workspace checkout.
const cli = new URL("../dist/cli.js", import.meta.url);
import(cli.href).catch((e) => {
  if (e?.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes(cli.pathname)) {
    process.stderr.write("hvm-cli is not built yet: run `pnpm build` (or `pnpm start`) in the repository first\n");
    process.exit(1);
  }
  throw e;
});
