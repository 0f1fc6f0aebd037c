import { describe, expect, it } from "vitest";
import { parseNet } from "@hvm/syntax";
import { highlight, tokenizeLine } from "../src/highlight.js";
import { countAgents, renderNet } from "../src/netview.js";
import { decodeShare, encodeShare, fromBase64Url, toBase64Url } from "../src/share.js";

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

describe("share links", () => {
  it("round-trips a program through the compressed hash", async () => {
    const source = "// ünïcode too\n@main = r & #3 ~ <#123 <#321 r>>\n".repeat(20);
    const hash = await encodeShare(source);
    expect(hash).toMatch(/^z=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(source.length);
    expect(await decodeShare(`#${hash}`)).toBe(source);
  });

  it("reads the uncompressed form and ignores hashes without a program", async () => {
    expect(await decodeShare(`#b=${toBase64Url(new TextEncoder().encode("@main = *"))}`)).toBe("@main = *");
    expect(await decodeShare("")).toBeUndefined();
    expect(await decodeShare("#section")).toBeUndefined();
  });

  it("base64url has no padding and survives every byte", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect([...fromBase64Url(text)]).toEqual([...bytes]);
  });

  it("reports a damaged link with an actionable message", async () => {
    await expect(decodeShare("#z=AAAA")).rejects.toThrow("cannot open the shared program: the compressed program is damaged; ask for a fresh link");
    await expect(decodeShare("#b=%%")).rejects.toThrow("cannot open the shared program: it is not base64url; ask for a fresh link");
  });
});

describe("net drawing", () => {
  const net = parseNet("(a b) & (b c) ~ [a *] & @f ~ <#1 c>");

  it("counts agents, not variables", () => {
    expect(countAgents(net)).toBe(7);
  });

  it("draws agents as shapes, variables as joined dots and redexes as arcs", () => {
    const svg = renderNet(net, "before");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="net"')).toBe(true);
    expect(svg.match(/<polygon /g)).toHaveLength(4);
    expect(svg.match(/<polygon class="ctr l0"/g)).toHaveLength(2);
    expect(svg.match(/<polygon class="ctr l1"/g)).toHaveLength(1);
    expect(svg.match(/<polygon class="op2"/g)).toHaveLength(1);
    expect(svg.match(/<circle class="era"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="ref"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="num"/g)).toHaveLength(1);
    expect(svg.match(/<circle class="var"/g)).toHaveLength(6);
    expect(svg.match(/<path class="link"/g)).toHaveLength(3);
    expect(svg.match(/<path class="redex"/g)).toHaveLength(2);
    expect(svg).toContain(">@f</text>");
    expect(svg).toContain(">before</text>");
  });
});
