/**
 * Random valid nets (random trees of every node kind, variables paired at
 * random, several redexes, references to a small library): cpu-parallel and
 * the reference reach the same canonical normal form with the same per-rule
 * counts, or both fail (a type error, or the interaction limit for nets that
 * never normalise; which of the two comes first may differ).
 */
import { type Book, HvmError, type Tree, printNet } from "@hvm/ir";
import { createCpuRuntime } from "@hvm/runtime-cpu";
import { createParallelCpuRuntime } from "@hvm/runtime-cpu/node";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { book } from "./helpers.js";

const LIBRARY = book(`
@id = (a a)
@k = (a (* a))
@seven = #7
@inc = (a b) & #1 ~ <a b>
@pair = (a (b [a b]))
@dec = (?(#0 (p p)) r r)
`);
const REFS = LIBRARY.defs.map((d) => d.name);
const OPTS = { maxInteractions: 20_000, memory: 1 << 22 };

type Hole = { kind: "var"; name: string };

/** Build a random closed net from a tape of numbers (fast-check shrinks the tape). */
export function netFromTape(tape: readonly number[]): Book {
  let i = 0;
  const next = (n: number): number => (tape.length === 0 ? 0 : tape[i++ % tape.length] % n);
  const holes: Hole[] = [];
  let budget = 40;
  const tree = (depth: number, allowVar: boolean): Tree => {
    const k = next(16);
    if (depth > 5 || budget <= 0 || k < 4) {
      const leaf = next(allowVar ? 7 : 4);
      if (leaf === 0) return { kind: "era" };
      if (leaf === 1) return { kind: "num", value: next(4) };
      if (leaf === 2) return { kind: "ref", name: REFS[next(REFS.length)] };
      if (leaf === 3) return { kind: "num", value: (next(16) << 24) | next(9) };
      const h: Hole = { kind: "var", name: "" };
      holes.push(h);
      return h;
    }
    budget--;
    const left = (): Tree => tree(depth + 1, true);
    if (k < 11) return { kind: "ctr", label: next(3), left: left(), right: left() };
    if (k < 13) return { kind: "op2", left: left(), right: left() };
    if (k < 14) return { kind: "mat", left: left(), right: left() };
    return { kind: "op1", value: next(5), right: left() };
  };
  const root = tree(0, true);
  const redexes = Array.from({ length: 1 + next(4) }, () => ({ left: tree(0, false), right: tree(0, false) }));
  const order = holes.map((h, j) => ({ h, key: next(1000) * 64 + j })).sort((x, y) => x.key - y.key);
  if (order.length % 2 === 1) Object.assign(order.pop()!.h, { kind: "era" });
  for (let j = 0; j < order.length; j += 2) {
    order[j].h.name = `x${j}`;
    order[j + 1].h.name = `x${j}`;
  }
  return { defs: [{ name: "main", net: { root, redexes } }, ...LIBRARY.defs] };
}

type Outcome = { ok: true; text: string; byRule: unknown } | { ok: false; error: string };

async function outcome(run: () => Promise<{ net: import("@hvm/ir").Net; stats: { byRule: unknown } }>): Promise<Outcome> {
  try {
    const r = await run();
    return { ok: true, text: printNet(r.net), byRule: r.stats.byRule };
  } catch (e) {
    if (!(e instanceof HvmError)) throw e;
    return { ok: false, error: e.name };
  }
}

describe("random nets: cpu-parallel equals the reference", () => {
  const par = createParallelCpuRuntime({ threads: 3 });
  const ref = createCpuRuntime();
  afterAll(() => par.dispose());

  it("same normal form and counts, or the same kind of failure", async () => {
    let normalised = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(100_000), { minLength: 1, maxLength: 120 }), async (tape) => {
        const b = netFromTape(tape);
        const want = await outcome(() => ref.run(b, OPTS));
        const got = await outcome(() => par.run(b, OPTS));
        if (want.ok) normalised++;
        // Which failure comes first (a type error, or the limit) depends on the order of reduction.
        if (!want.ok) expect(got).toMatchObject({ ok: false });
        else expect(got).toEqual(want);
      }),
      { numRuns: 100, seed: 20261121 },
    );
    expect(normalised).toBeGreaterThan(40);
  }, 600_000);
});
