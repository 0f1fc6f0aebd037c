import { describe, expect, it } from "vitest";
import { highlight, tokenizeLine } from "../src/highlight.js";

describe("highlight", () => {
  it("tokenizes a line of .hvmc completely", () => {
    expect(tokenizeLine("@main = (a [b #0x1F]) // c").map((t) => `${t.cls}:${t.text}`)).toEqual([
      "ref:@main", "space: ", "def:=", "space: ", "punct:(", "var:a", "space: ", "punct:[", "var:b", "space: ",
      "num:#0x1F", "punct:]", "punct:)", "space: ", "comment:// c",
    ]);
    expect(tokenizeLine("& <a ?b> ~ * $").map((t) => t.cls)).toEqual([
      "def", "space", "op", "var", "space", "op", "var", "op", "space", "def", "space", "op", "space", "other",
    ]);
  });

  it("escapes HTML and wraps lines with errors", () => {
    expect(highlight("@a = <x y>\n& x ~ y", new Set([2]))).toBe(
      '<span class="tok-ref">@a</span> <span class="tok-def">=</span> <span class="tok-op">&lt;</span><span class="tok-var">x</span> ' +
        '<span class="tok-var">y</span><span class="tok-op">&gt;</span>\n' +
        '<span class="line err"><span class="tok-def">&amp;</span> <span class="tok-var">x</span> <span class="tok-def">~</span> <span class="tok-var">y</span></span>\n ',
    );
  });
});
