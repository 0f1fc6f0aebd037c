/**
 * `main` in-process: Ctrl-C (SIGINT) aborts a long reduction through the
 * runtime's AbortSignal, with a clean message and exit code 130.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { EXAMPLES, STACK_LINE, captureIo } from "./helpers.js";

describe("main", () => {
  it("aborts on SIGINT with E_ABORTED and exit code 130", async () => {
    const io = captureIo();
    const pending = main(["run", join(EXAMPLES, "bench", "chain-2p25.hvmc"), "-s"], io);
    // Emitting with no listener registered does nothing, so keep signalling
    // until the run has installed its handler and stopped.
    let done = false;
    const ticker = setInterval(() => {
      if (!done) process.emit("SIGINT");
    }, 20);
    const code = await pending;
    done = true;
    clearInterval(ticker);
    expect(code).toBe(130);
    expect(io.out).toEqual([]);
    expect(io.err.join("")).toBe("error[E_ABORTED]: reduction aborted\n");
    expect(io.err.join("")).not.toMatch(STACK_LINE);
    expect(process.listenerCount("SIGINT")).toBe(0);
  });

  it("returns 0 and writes the normal form through the given io", async () => {
    const io = captureIo();
    expect(await main(["run", join(EXAMPLES, "op-chain.hvmc")], io)).toBe(0);
    expect(io.out.join("")).toBe("#56\n");
  });

  it("returns 2 for a usage error, writing commander's message to the io", async () => {
    const io = captureIo();
    expect(await main(["run"], io)).toBe(2);
    expect(io.err.join("")).toBe("error: missing required argument 'file'\n(run with --help for usage)\n");
  });
});
