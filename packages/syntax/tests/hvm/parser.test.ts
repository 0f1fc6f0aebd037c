import { describe, expect, it } from "vitest";
import { showProgram, showTerm } from "@hvm/lang";
import { ParseError, checkProgramSource, formatDiagnostics, parseProgram, parseProgramPartial, parseTerm } from "../../src/index.js";

const show = (src: string): string => showTerm(parseTerm(src));

describe(".hvm terms", () => {
  it("parses every term form", () => {
    expect(show("λx (f x y)")).toBe("λx (f x y)");
    expect(show("@x @* x")).toBe("λx λ* x");
    expect(show("(+ (* 5 6) 0x10)")).toBe("(+ (* 5 6) 16)");
    expect(show("(== a b)")).toBe("(== a b)");
    expect(show("(~ x)")).toBe("(~ 0 x)");
    expect(show("(<< 1 (>> 8 2))")).toBe("(<< 1 (>> 8 2))");
    expect(show("let x = 1; let y = 2 (+ x y)")).toBe("let x = 1; let y = 2; (+ x y)");
    expect(show("dup #2 a b = x; (a b)")).toBe("dup #2 a b = x; (a b)");
    expect(show("dup a _ = x; a")).toBe("dup a * = x; a");
    expect(show("match n { 0: z; 1+p: (s p) }")).toBe("match n { 0: z; 1+p: (s p) }");
    expect(show("match n { 0: z _: s }")).toBe("match n { 0: z; 1+*: s }");
    expect(show("match xs { (Cons h t): h; Nil: 0 }")).toBe("match xs { (Cons h t): h; Nil: 0 }");
    expect(show("[1, [2, 3], []]")).toBe("[1, [2, 3], []]");
    expect(show("{#2 a b}")).toBe("{#2 a b}");
    expect(show("((x))")).toBe("x");
    expect(show("*")).toBe("*");
  });

  it("records spans with line and column", () => {
    const t = parseTerm("\n  (f\n   x)");
    expect(t.span).toEqual({ start: 3, end: 11, line: 2, col: 3 });
  });

  it("parses nesting far deeper than the JS stack without recursion", () => {
    const depth = 100_000;
    const t = parseTerm("(f ".repeat(depth) + "x" + ")".repeat(depth));
    let d = 0;
    let cur = t;
    while (cur.kind === "app") {
      d++;
      cur = cur.arg;
    }
    expect(d).toBe(depth);
    const lets = parseTerm("let x = 1; ".repeat(depth) + "x");
    expect(lets.kind).toBe("let");
  });
});

describe(".hvm programs", () => {
  const src = [
    "data List = (Cons head tail) | Nil",
    "data Bool = True | False",
    "(Len Nil) = 0",
    "(Len (Cons _ t)) = (+ 1 (Len t))",
    "(F 0 x) = x",
    "(F n *) = n",
    "main = (Len [1, 2])",
  ].join("\n");

  it("groups equations by name and keeps data declarations", () => {
    const p = parseProgram(src);
    expect(p.datas.map((d) => d.name)).toEqual(["List", "Bool"]);
    expect(p.defs.map((d) => [d.name, d.rules.length])).toEqual([
      ["Len", 2],
      ["F", 2],
      ["main", 1],
    ]);
  });

  it("prints back to text that parses to the same program", () => {
    const printed = showProgram(parseProgram(src));
    expect(printed).toBe(
      [
        "data List = (Cons head tail) | Nil",
        "",
        "data Bool = True | False",
        "",
        "(Len Nil) = 0",
        "(Len (Cons _ t)) = (+ 1 (Len t))",
        "",
        "(F 0 x) = x",
        "(F n _) = n",
        "",
        "main = (Len [1, 2])",
        "",
      ].join("\n"),
    );
    expect(showProgram(parseProgram(printed))).toBe(printed);
  });

  it("reports every broken item at once, with file:line:col and a caret", () => {
    const bad = "main = (+ 1\nf = )\nok = 1\n(G x = x\n";
    const { diagnostics } = parseProgramPartial(bad);
    expect(formatDiagnostics(diagnostics, bad, "bad.hvm")).toBe(
      [
        "bad.hvm:2:3: error[E_SYNTAX]: expected ')' after the two operands, found '=' (the '(' at 1:8 is still open)",
        "f = )",
        "  ^",
        "bad.hvm:2:5: error[E_SYNTAX]: expected a term, found ')'",
        "f = )",
        "    ^",
        "bad.hvm:4:6: error[E_SYNTAX]: expected a pattern, found '='",
        "(G x = x",
        "     ^",
      ].join("\n"),
    );
    expect(() => parseProgram(bad, "bad.hvm")).toThrow(ParseError);
  });

  it("explains a let written with `in`", () => {
    const text = "main = let x = 1 in x\n";
    expect(formatDiagnostics(parseProgramPartial(text).diagnostics, text, "l.hvm")).toBe(
      [
        "l.hvm:1:18: error[E_SYNTAX]: expected ';' or the body of the let (hvm-lang writes `let x = v; body`, without `in`), found 'in'",
        "main = let x = 1 in x",
        "                 ^^",
      ].join("\n"),
    );
  });

  it("destructures a single-constructor value with let", () => {
    expect(show("let (Pair a *) = p; a")).toBe("match p { (Pair a *): a }");
    const text = "data Pair = (Pair fst snd)\nmain = let (Pair a b) = (Pair 3 4); (* a b)\n";
    expect(checkProgramSource(text)).toEqual([]);
  });

  it("rejects a plain definition given twice", () => {
    const text = "main = 1\nmain = 2\n";
    expect(formatDiagnostics(checkProgramSource(text), text, "d.hvm")).toBe(
      ["d.hvm:2:1: error[E_DEF_DUPLICATE]: main is defined twice (first at line 1); only equations with patterns may repeat a name", "main = 2", "^^^^^^^^"].join("\n"),
    );
  });

  it("locates language errors in the source", () => {
    const text = "(Sum Nil) = 0\nmain = (Sum (Cons 1 Nil) y)\n";
    expect(formatDiagnostics(checkProgramSource(text), text, "s.hvm")).toBe(
      [
        "s.hvm:1:1: error[E_NON_EXHAUSTIVE]: non-exhaustive equations for Sum: no equation matches Cons in argument 1; add an equation for it or a variable/_ case",
        "(Sum Nil) = 0",
        "^^^^^^^^^^^^^",
        "s.hvm:2:26: error[E_VAR_UNBOUND]: unbound variable y",
        "main = (Sum (Cons 1 Nil) y)",
        "                         ^",
      ].join("\n"),
    );
  });
});
