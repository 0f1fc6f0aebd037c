/**
 * Printing and parsing .hvm terms are inverse: for random terms of every
 * form, parse(show(t)) prints back to the same text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Binder, type Term, showTerm } from "@hvm/lang";
import { parseTerm } from "../../src/index.js";

const name = fc.constantFrom("a", "b", "x", "y", "foo", "Bar", "x1", "n.2");
const binder: fc.Arbitrary<Binder> = fc.option(name, { nil: null });
const label = fc.integer({ min: 1, max: 5 });

const term: fc.Arbitrary<Term> = fc.letrec<{ t: Term }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    name.map((n): Term => ({ kind: "var", name: n })),
    fc.integer({ min: 0, max: 0xffffff }).map((value): Term => ({ kind: "num", value })),
    fc.constant<Term>({ kind: "era" }),
    fc.record({ bind: binder, body: tie("t") }).map((r): Term => ({ kind: "lam", ...r })),
    fc.record({ fun: tie("t"), arg: tie("t") }).map((r): Term => ({ kind: "app", ...r })),
    fc.record({ op: fc.integer({ min: 1, max: 15 }), left: tie("t"), right: tie("t") }).map((r): Term => ({ kind: "op", ...r })),
    fc.record({ bind: binder, value: tie("t"), body: tie("t") }).map((r): Term => ({ kind: "let", ...r })),
    fc.record({ label: fc.option(label, { nil: undefined }), left: binder, right: binder, value: tie("t"), body: tie("t") }).map(
      ({ label: l, ...r }): Term => ({ kind: "dup", ...r, ...(l === undefined ? {} : { label: l }) }),
    ),
    fc.record({ scrutinee: tie("t"), zero: tie("t"), pred: binder, succ: tie("t") }).map((r): Term => ({ kind: "match", ...r })),
    fc
      .record({ scrutinee: tie("t"), arms: fc.array(fc.record({ ctr: fc.constantFrom("Cons", "Nil", "Node"), binds: fc.array(binder, { maxLength: 2 }), body: tie("t") }), { minLength: 1, maxLength: 3 }) })
      .map((r): Term => ({ kind: "case", ...r })),
    fc.array(tie("t"), { maxLength: 3 }).map((items): Term => ({ kind: "list", items })),
    fc.record({ label, left: tie("t"), right: tie("t") }).map((r): Term => ({ kind: "sup", ...r })),
  ),
})).t;

describe(".hvm print/parse round trip", () => {
  it("parse(show(t)) shows as show(t)", () => {
    fc.assert(
      fc.property(term, (t) => {
        const text = showTerm(t);
        expect(showTerm(parseTerm(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
