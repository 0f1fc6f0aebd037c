import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare, fromBase64Url, toBase64Url } from "../src/share.js";

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
