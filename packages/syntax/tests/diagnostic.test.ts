import { describe, expect, it } from "vitest";
import { ErrorCode } from "@hvm/ir";
import { checkSource, formatDiagnostic, formatDiagnostics } from "../src/index.js";

describe("formatDiagnostic", () => {
  it("prints file:line:col, the code, the source line and carets under the span", () => {
    const src = "@main = a\n  & a ~ #300000000\n";
    const [d] = checkSource(src, "n.hvmc");
    expect(formatDiagnostic(d, src, "n.hvmc")).toBe(
      [
        "n.hvmc:2:9: error[E_NUM_RANGE]: number 300000000 out of range: numbers are 0..268435455 (2^28 - 1)",
        "  & a ~ #300000000",
        "        ^^^^^^^^^^",
      ].join("\n"),
    );
  });

  it("puts a single caret at the end of the input and keeps tabs in the padding", () => {
    const src = "@main =\t(a\n\t";
    const [d] = checkSource(src, "t.hvmc");
    expect(formatDiagnostic(d, src, "t.hvmc")).toBe(
      ["t.hvmc:2:2: error[E_SYNTAX]: expected a tree, found the end of the input", "\t", "\t^"].join("\n"),
    );
  });

  it("clips a span to its first line", () => {
    const src = "@m = *\n@m = (a\n  a)\n";
    const ds = checkSource(src, "d.hvmc");
    expect(formatDiagnostics(ds, src, "d.hvmc")).toBe(
      ["d.hvmc:2:1: error[E_DEF_DUPLICATE]: duplicate definition @m (first defined at line 1)", "@m = (a", "^^"].join("\n"),
    );
  });

  it("prints a diagnostic without a span as file: error[CODE]: message", () => {
    const d = { code: ErrorCode.ENTRY_MISSING, message: "missing entry: no definition @main; the book is empty" };
    expect(formatDiagnostic(d, "", "e.hvmc")).toBe("e.hvmc: error[E_ENTRY_MISSING]: missing entry: no definition @main; the book is empty");
  });

  it("handles CRLF line endings", () => {
    const src = "@main = (a b\r\n";
    const [d] = checkSource(src, "w.hvmc");
    expect(formatDiagnostic(d, src, "w.hvmc")).toBe(
      ["w.hvmc:2:1: error[E_SYNTAX]: expected ')' to close the node opened at 1:9, found the end of the input", "", "^"].join("\n"),
    );
  });
});
