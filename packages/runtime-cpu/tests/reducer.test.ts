import {
  AbortedError,
  ErrorCode,
  InteractionLimitError,
  type Tree,
  compileBook,
  printNet,
  con,
  num,
  era,
  treeEquals,
} from "@hvm/ir";
import { parseBook } from "@hvm/syntax";
import { describe, expect, it } from "vitest";
import { churchPow, sumTree } from "../bench/programs.js";
import { runCompiled } from "../src/index.js";
import { Reducer } from "../src/internal.js";
import { counts, run } from "./helpers.js";

/** Never reaches a normal form: each step is one DREF and one ANNI, in constant memory. */
const LOOP = "@main = r & @loop ~ (r *)\n@loop = (a b) & @loop ~ (a b)";

describe("heavy programs", () => {
  it("sum over a binary tree of depth 16", () => {
    const d = 16;
    const n = 2 ** d;
    const { text, result } = run(sumTree(d));
    expect(text).toBe(`#${n}`);
    expect(result.stats.byRule).toEqual(
      counts({ ANNI: 5 * n - 3, COMM: n - 1, ERAS: 2 * n - 1, DREF: 3 * n - 1, OPER: 6 * n - 5 }),
    );
    expect(result.stats.peakNodes).toBe(52);
  });

  it("Church exponentiation 2^10 then 1024 increments", () => {
    const { text, result } = run(churchPow(10));
    expect(text).toBe("#1024");
    expect(result.stats.byRule).toEqual(counts({ ANNI: 70, COMM: 3124, DREF: 4, OPER: 3073 }));
  });
});

describe("normal form: expansion of reachable REFs", () => {
  it("expands a REF at the root and inside nodes, each one DREF", () => {
    const { text, result } = run("@main = @a\n@a = (#1 @b)\n@b = [@c *]\n@c = #2");
    expect(text).toBe("(#1 [#2 *])");
    expect(result.stats.byRule).toEqual(counts({ DREF: 4 }));
  });

  it("reduces what an expansion brings before walking into it", () => {
    const { text, result } = run("@main = (@a @a)\n@a = r & @id ~ (@b r)\n@id = (x x)\n@b = #5");
    expect(text).toBe("(#5 #5)");
    expect(result.stats.byRule).toEqual(counts({ DREF: 7, ANNI: 2 }));
  });

  it("does not expand REFs under an OP1 or erased ones", () => {
    expect(run("@main = <!#1 @a>\n@a = #2").result.stats.byRule).toEqual(counts({ DREF: 1 }));
    expect(run("@main = <!#1 @a>\n@a = #2").text).toBe("<!#1 @a>");
    expect(run("@main = * & @a ~ *\n@a = (#1 #2)").result.stats.byRule).toEqual(counts({ DREF: 1, ERAS: 1 }));
  });

  it("uses the entry option", () => {
    expect(run("@main = #1\n@other = #2", { entry: "other" }).text).toBe("#2");
  });
});

/** @gen(n) = (#0 gen(n-1)), gen(0) = *: a right comb of depth n built by recursion. */
const GEN = `
@main = r & @gen ~ (#1000000 r)
@gen  = (?(* @genS) r r)
@genS = (p (#0 r)) & @gen ~ (p r)
`;

describe("depth", () => {
  it("a net of depth 1,000,000 reduces and reads back", () => {
    const { result } = run(GEN);
    let expected: Tree = era();
    for (let i = 0; i < 1_000_000; i++) expected = con(num(0), expected);
    expect(treeEquals(result.net.root, expected)).toBe(true);
    expect(result.stats.byRule).toEqual(counts({ DREF: 2_000_002, ANNI: 3_000_002, OPER: 1_000_001, ERAS: 1_000_001 }));
  });
});

describe("memory", () => {
  it("grows the heap past its initial size", () => {
    const { text, result } = run(churchPow(16));
    expect(text).toBe("#65536");
    expect(result.stats.peakNodes).toBeGreaterThan(1 << 16);
  });

  it("throws OutOfMemoryError at the limit", () => {
    expect(() => run(churchPow(16), { memory: 8 * 100_000 })).toThrow(
      "out of memory: 100000 nodes (781.3 KiB) are not enough, raise --memory",
    );
  });

  it("a limit the program fits in is enough", () => {
    const book = compileBook(parseBook(churchPow(12)));
    const peak = runCompiled(book).stats.peakNodes;
    expect(runCompiled(book, { memory: 8 * (peak + 1) }).stats.peakNodes).toBe(peak);
    expect(() => runCompiled(book, { memory: 8 * peak })).toThrow(expect.objectContaining({ code: ErrorCode.OUT_OF_MEMORY }));
  });
});

describe("limits and abort", () => {
  it("maxInteractions stops a run without a normal form", () => {
    expect(() => run(LOOP, { maxInteractions: 1000 })).toThrow(InteractionLimitError);
    expect(() => run(LOOP, { maxInteractions: 1000 })).toThrow("interaction limit reached: 1000 interactions");
  });

  it("maxInteractions equal to the work needed is enough", () => {
    const total = run(sumTree(8)).result.stats.interactions;
    expect(run(sumTree(8), { maxInteractions: total }).text).toBe("#256");
    expect(() => run(sumTree(8), { maxInteractions: total - 1 })).toThrow(InteractionLimitError);
  });

  it("an aborted signal stops the run", () => {
    const ctl = new AbortController();
    ctl.abort();
    expect(() => run("@main = #1", { signal: ctl.signal })).toThrow(AbortedError);
  });

  it("aborting from onProgress stops a run that never ends", () => {
    const ctl = new AbortController();
    const seen: number[] = [];
    const onProgress = (p: { interactions: number }) => {
      seen.push(p.interactions);
      ctl.abort();
    };
    expect(() => run(LOOP, { signal: ctl.signal, onProgress })).toThrow("reduction aborted");
    expect(seen.length).toBe(1);
    expect(seen[0]).toBeGreaterThan(0);
  });

  it("Reducer: boot leaves the entry's redexes on the stack; steps yields while reducing", () => {
    const book = compileBook(parseBook("@main = r & #1 ~ <#10 <#2 r>>"));
    const booted = new Reducer(book);
    booted.boot(0);
    expect(booted.core.rlen).toBe(2);
    const r = new Reducer(book);
    const it = r.steps(0);
    while (!it.next().done);
    expect(printNet(r.readback())).toBe("#12");
    expect(r.stats().byRule).toEqual(counts({ DREF: 1, OPER: 4 }));
  });
});
