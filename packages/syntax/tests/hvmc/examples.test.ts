import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bookEquals, canonicalize } from "@hvm/ir";
import { checkSource, parseBook, parseNet, printBook, printNet } from "../../src/index.js";

const root = fileURLToPath(new URL("../../../../examples/", import.meta.url));
const programs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? programs(join(dir, e.name)) : e.name.endsWith(".hvmc") ? [join(dir, e.name)] : []));

describe("the example corpus", () => {
  const files = programs(root);

  it("has programs to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const name = file.slice(root.length);
    it(`${name}: checks clean, round-trips through the printer, and its expected normal form (if any) is canonical`, () => {
      const source = readFileSync(file, "utf8");
      expect(checkSource(source, name, { entry: "main" })).toEqual([]);
      const book = parseBook(source, name);
      const text = printBook(book);
      const back = parseBook(text);
      expect(bookEquals(back, { defs: book.defs.map((d) => ({ name: d.name, net: canonicalize(d.net) })) })).toBe(true);
      expect(printBook(back)).toBe(text);
      const expectedFile = file.replace(/\.hvmc$/, ".expected");
      if (!existsSync(expectedFile)) return;
      const expected = readFileSync(expectedFile, "utf8").split("\n")[0];
      expect(printNet(parseNet(expected))).toBe(expected);
    });
  }
});
