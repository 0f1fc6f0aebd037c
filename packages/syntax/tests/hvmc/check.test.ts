import { describe, expect, it } from "vitest";
import { checkSource } from "../../src/index.js";

const summary = (src: string, entry?: string): string[] =>
  checkSource(src, "c.hvmc", entry === undefined ? {} : { entry }).map((d) => `${d.code} ${d.span ? `${d.span.line}:${d.span.col}` : "-"}${d.def ? ` @${d.def}` : ""}`);

describe("checkSource", () => {
  it("accepts a valid book", () => {
    expect(checkSource("@main = a & #1 ~ <#10 <#2 a>>", "c.hvmc", { entry: "main" })).toEqual([]);
  });

  it("reports every validation problem at once, in source order", () => {
    const src = ["@main = (a b) & b ~ @nope", "@f = {6 x x}", "@g = #268435456", "@g = (p p)", "@h = q & r ~ r", "@i = (s (s s))"].join("\n");
    expect(summary(src, "start")).toEqual([
      "E_VAR_UNBOUND 1:10 @main",
      "E_REF_UNKNOWN 1:21 @main",
      "E_LABEL_RANGE 2:6 @f",
      "E_NUM_RANGE 3:6 @g",
      "E_DEF_DUPLICATE 4:1 @g",
      "E_VAR_UNBOUND 5:6 @h",
      "E_VAR_LOOP 5:8 @h",
      "E_VAR_THRICE 6:12 @i",
      "E_ENTRY_MISSING -",
    ]);
  });

  it("does not report a definition that failed to parse twice as a duplicate of itself", () => {
    expect(summary("@f = @f =", "main")).toEqual(["E_SYNTAX 1:6 @f", "E_SYNTAX 1:10 @f", "E_ENTRY_MISSING -"]);
  });

  it("reports syntax errors together with the validation of the definitions that parsed", () => {
    const src = "@main = (a @f)\n@f = (x\n@g = y";
    expect(summary(src, "main")).toEqual(["E_VAR_UNBOUND 1:10 @main", "E_SYNTAX 3:1 @f", "E_VAR_UNBOUND 3:6 @g"]);
  });

  it("does not report references to a definition whose body failed to parse", () => {
    expect(summary("@main = @f\n@f = (", "main")).toEqual(["E_SYNTAX 2:7 @f"]);
  });
});
