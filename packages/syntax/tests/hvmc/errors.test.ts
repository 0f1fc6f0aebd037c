import { describe, expect, it } from "vitest";
import { ErrorCode, ValidationError } from "@hvm/ir";
import { ParseError, parseBook, parseBookPartial, parseNet } from "../../src/index.js";

/** The diagnostics of a source that must fail to parse, as `line:col message`. */
function errors(src: string): string[] {
  try {
    parseBook(src, "t.hvmc");
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    expect(e).toBeInstanceOf(ValidationError);
    const pe = e as ParseError;
    for (const d of pe.diagnostics) expect(d.code).toBe(ErrorCode.SYNTAX);
    return pe.diagnostics.map((d) => `${d.span!.line}:${d.span!.col} ${d.message}`);
  }
  throw new Error(`expected ${JSON.stringify(src)} to fail`);
}

describe("syntax errors: E_SYNTAX at the right line:col", () => {
  const cases: Array<[string, string]> = [
    ["main = *", "1:1 expected '@' to start a definition, found 'main'"],
    ["@ = *", "1:3 expected a definition name after '@', found '='"],
    ["@main *", "1:7 expected '=' after '@main', found '*'"],
    ["@main = ", "1:9 expected a tree, found the end of the input"],
    ["@main =\n", "2:1 expected a tree, found the end of the input"],
    ["@main = (a b", "1:13 expected ')' to close the node opened at 1:9, found the end of the input"],
    ["@main = (a\n  b]", "2:4 expected ')' to close the node opened at 1:9, found ']'"],
    ["@main = [a b c]", "1:14 expected ']' to close the node opened at 1:9, found 'c'"],
    ["@main = {2 a b)", "1:15 expected '}' to close the node opened at 1:9, found ')'"],
    ["@main = <a b c>", "1:14 expected '>' to close the node opened at 1:9, found 'c'"],
    ["@main = (a b))", "1:14 expected '&' or the next definition after the net of @main, found ')'"],
    ["@main = a & a b", "1:15 expected '~' between the two sides of a redex, found 'b'"],
    ["@main = a & a ~", "1:16 expected a tree, found the end of the input"],
    ["@main = a ~ a", "1:11 expected '&' or the next definition after the net of @main, found '~'"],
    ["@main = #x", "1:10 expected a number (decimal or 0x hex) after '#', found 'x'"],
    ["@main = #0x", "1:10 expected a number (decimal or 0x hex) after '#', found '0x'"],
    ["@main = #12ab", "1:10 expected a number (decimal or 0x hex) after '#', found '12ab'"],
    ["@main = #", "1:10 expected a number (decimal or 0x hex) after '#', found the end of the input"],
    ["@main = {x a b}", "1:10 expected a label (a number 0..5) after '{', found 'x'"],
    ["@main = <!5 a>", "1:11 expected '#' after '<!', found '5'"],
    ["@main = <!#y a>", "1:12 expected a number after '<!#', found 'y'"],
    ["@main = <!#1 a b>", "1:16 expected '>' to close the node opened at 1:9, found 'b'"],
    ["@main = @", "1:10 expected a definition name after '@', found the end of the input"],
    ["@main = ?a", "1:11 expected a tree, found the end of the input"],
    ["@main = )", "1:9 expected a tree, found ')'"],
    ["@main = (a $ b)", "1:12 unexpected character \"$\""],
    ["@main = a\n  & b ~ %%% b", "2:9 unexpected characters \"%%%\""],
  ];
  for (const [src, want] of cases) {
    it(JSON.stringify(src), () => {
      expect(errors(src)).toEqual([want]);
    });
  }

  it("reports an error in every broken definition at once", () => {
    const src = "@a = (x\n@b = ok\n@c = [y y\n@d = <#1\n@e = *";
    expect(errors(src)).toEqual([
      "2:1 expected a tree, found the start of definition @b",
      "4:1 expected ']' to close the node opened at 3:6, found '@'",
      "5:1 expected a tree, found the start of definition @e",
    ]);
    expect(parseBookPartial(src).book.defs.map((d) => d.name)).toEqual(["b", "e"]);
    expect(parseBookPartial(src).broken).toEqual(["a", "c", "d"]);
  });

  it("never reads `@name =` as a reference: a missing tree before a definition", () => {
    const src = "@main =\n@f = *";
    expect(errors(src)).toEqual(["2:1 expected a tree, found the start of definition @f"]);
    expect(parseBookPartial(src).book.defs.map((d) => d.name)).toEqual(["f"]);
  });

  it("resumes at the next '&' inside a definition, reporting every broken redex", () => {
    expect(errors("@main = (a b c) & x ~ y & p q & r ~ (s")).toEqual([
      "1:14 expected ')' to close the node opened at 1:9, found 'c'",
      "1:29 expected '~' between the two sides of a redex, found 'q'",
      "1:39 expected a tree, found the end of the input",
    ]);
    expect(errors("@main = (a & b ~ c)\n@f = *")).toEqual(["1:12 expected a tree, found '&'"]);
    expect(errors("@main = a & & b ~ b & c d")).toEqual(["1:13 expected a tree, found '&'", "1:25 expected '~' between the two sides of a redex, found 'd'"]);
  });

  it("names the definition a syntax error was found in", () => {
    try {
      parseBook("@ok = *\n@bad = (a");
    } catch (e) {
      expect((e as ParseError).diagnostics.map((d) => d.def)).toEqual(["bad"]);
    }
    expect.assertions(1);
  });

  it("names the file in the message of a ParseError", () => {
    expect(() => parseBook("@main = (", "dir/x.hvmc")).toThrow("dir/x.hvmc:1:10: expected a tree, found the end of the input");
    expect(() => parseNet("a b")).toThrow("<input>:1:3: expected '&' or the end of the input, found 'b'");
  });
});
