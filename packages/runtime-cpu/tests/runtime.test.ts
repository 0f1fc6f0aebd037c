import { AbortedError, ErrorCode, ValidationError, compileBook, printNet } from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { MissingEntryError, createCpuRuntime, runCompiled, runCompiledAsync } from "../src/index.js";
import { counts } from "./helpers.js";

describe("createCpuRuntime", () => {
  it("is named cpu and runs a book to its canonical normal form", async () => {
    const rt = createCpuRuntime();
    expect(rt.name).toBe("cpu");
    const { net, stats } = await rt.run(parseBook("@main = r & #3 ~ <#123 <#321 R>> & R ~ r"));
    expect(printNet(net)).toBe("#39483");
    expect(stats.byRule).toEqual(counts({ DREF: 1, OPER: 4 }));
    expect(stats.interactions).toBe(5);
    expect(stats.peakNodes).toBe(2);
    expect(stats.seconds).toBeGreaterThanOrEqual(0);
    await rt.dispose();
  });

  it("validates the book and reports a missing entry", async () => {
    const rt = createCpuRuntime();
    await expect(rt.run(parseBook("@main = #1"), { entry: "nope" })).rejects.toThrow(ValidationError);
  });

  it("yields to the event loop, so a timer can abort a run that never ends", async () => {
    const rt = createCpuRuntime();
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    const book = parseBook("@main = r & @loop ~ (r *)\n@loop = (a b) & @loop ~ (a b)");
    await expect(rt.run(book, { signal: ctl.signal })).rejects.toThrow(AbortedError);
  });
});

describe("runCompiled", () => {
  it("names the missing entry and the ones available", () => {
    const book = compileBook(parseBook("@main = #1\n@two = #2"));
    expect(() => runCompiled(book, { entry: "three" })).toThrow(MissingEntryError);
    expect(() => runCompiled(book, { entry: "three" })).toThrow("entry @three is not defined; define it or pick one of: @main, @two");
    expect(() => runCompiled(book, { entry: "three" })).toThrow(expect.objectContaining({ code: ErrorCode.ENTRY_MISSING }));
  });

  it("runCompiledAsync gives the same result as runCompiled", async () => {
    const book = compileBook(parseBook("@main = (a b) & (a b) ~ [#1 #2]"));
    const sync = runCompiled(book);
    const async = await runCompiledAsync(book);
    expect(printNet(async.net)).toBe(printNet(sync.net));
    expect(async.stats.byRule).toEqual(sync.stats.byRule);
  });
});
