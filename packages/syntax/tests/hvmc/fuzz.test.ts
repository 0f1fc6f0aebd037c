import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ErrorCode } from "@hvm/ir";
import { ParseError, checkSource, formatDiagnostic, parseBook } from "../../src/index.js";

const ALPHABET = [..."@=&~*()[]{}<>!#?ab01x_. \n\t/$"];
const sourceArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }).map((cs) => cs.join(""));
const tokenSourceArb = fc
  .array(fc.constantFrom("@main", "@f", "=", "&", "~", "*", "(", ")", "[", "]", "{2", "}", "<", ">", "<!#3", "?", "#5", "#0x1F", "a", "b", "\n"), { maxLength: 40 })
  .map((ts) => ts.join(" "));

describe("arbitrary input", () => {
  it("checkSource reports located diagnostics and parseBook throws only ParseError", () => {
    fc.assert(
      fc.property(fc.oneof(sourceArb, tokenSourceArb), (src) => {
        const lines = src.split("\n");
        const diags = checkSource(src, "f.hvmc", { entry: "main" });
        for (const d of diags) {
          if (d.span === undefined) {
            expect(d.code).toBe(ErrorCode.ENTRY_MISSING);
            continue;
          }
          expect(d.span.line).toBeGreaterThanOrEqual(1);
          expect(d.span.line).toBeLessThanOrEqual(lines.length);
          expect(d.span.col).toBeLessThanOrEqual(lines[d.span.line - 1].length + 1);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(formatDiagnostic(d, src, "f.hvmc").startsWith(`f.hvmc:${d.span.line}:${d.span.col}: error[${d.code}]: `)).toBe(true);
        }
        let threw: unknown;
        try {
          parseBook(src);
        } catch (e) {
          threw = e;
        }
        const syntax = diags.filter((d) => d.code === ErrorCode.SYNTAX);
        if (syntax.length > 0) expect(threw).toBeInstanceOf(ParseError);
        else expect(threw).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});
