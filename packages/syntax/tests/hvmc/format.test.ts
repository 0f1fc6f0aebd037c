import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatBook, parseBook, printBook } from "../../src/index.js";

const EXAMPLES = join(__dirname, "..", "..", "..", "..", "examples");

describe("formatBook", () => {
  it("keeps comments: above their definition, inner ones moved up, trailing ones at the end", () => {
    const source = [
      "// Header",
      "// second line",
      "",
      "",
      "// A tree sum.",
      "@main = r & @sum ~ (#22 r)   // entry",
      "",
      "@sum = (?(#1 @sumS) r r)",
      "@sumS = ([p q] r)",
      "  // the halves",
      "  & @sum ~ (p a) & @sum ~ (q b)",
      "  & #1 ~ <a <b r>> // join",
      "// after",
      "",
      "// last",
    ].join("\n");
    expect(formatBook(source)).toBe(
      [
        "// Header",
        "// second line",
        "",
        "// A tree sum.",
        "// entry",
        "@main = a",
        "  & @sum ~ (#22 a)",
        "",
        "@sum = (?(#1 @sumS) a a)",
        "// the halves",
        "// join",
        "@sumS = ([a b] c)",
        "  & @sum ~ (a d)",
        "  & @sum ~ (b e)",
        "  & #1 ~ <d <e c>>",
        "// after",
        "",
        "// last",
        "",
      ].join("\n"),
    );
  });

  it("is printBook's output on a book without comments, blank lines apart", () => {
    const source = "@a = (x x)\n@b = @a\n\n\n@c = *\n";
    expect(formatBook(source)).toBe("@a = (a a)\n@b = @a\n\n@c = *\n");
    expect(formatBook("@a = (x x) @b = @a")).toBe(printBook(parseBook("@a = (x x) @b = @a")));
  });

  it("keeps a comment-only or empty file", () => {
    expect(formatBook("// nothing yet\n")).toBe("// nothing yet\n");
    expect(formatBook("")).toBe("");
  });

  it("keeps every comment of every corpus program, prints the same canonical book and is a fixed point", () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".hvmc"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const source = readFileSync(join(EXAMPLES, f), "utf8");
      const once = formatBook(source, f);
      const comments = (s: string) => s.split("\n").flatMap((l) => (l.includes("//") ? [l.slice(l.indexOf("//")).trimEnd()] : []));
      expect(comments(once), f).toEqual(comments(source));
      expect(printBook(parseBook(once)), f).toBe(printBook(parseBook(source)));
      expect(formatBook(once), f).toBe(once);
    }
  });

  it("never loses a comment, whatever the layout (random comments between the tokens of a book)", () => {
    const tokens = ["@main", "=", "(a", "b)", "&", "@f", "~", "(b", "a)", "@f", "=", "(x", "x)"];
    const layout = fc.array(fc.record({ comment: fc.boolean(), newline: fc.boolean(), blank: fc.boolean() }), { minLength: tokens.length, maxLength: tokens.length });
    fc.assert(
      fc.property(layout, (gaps) => {
        let source = "";
        let n = 0;
        tokens.forEach((t, i) => {
          source += t;
          const g = gaps[i];
          if (g.comment) source += ` // c${n++}\n`;
          else source += g.newline ? (g.blank ? "\n\n" : "\n") : " ";
        });
        const out = formatBook(source);
        const seen = [...out.matchAll(/\/\/ c(\d+)/g)].map((m) => Number(m[1]));
        expect(seen).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(printBook(parseBook(out))).toBe(printBook(parseBook(source)));
        expect(formatBook(out)).toBe(out);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
