/**
 * Random valid books (random trees, randomly paired variables, redexes,
 * references between definitions, recursion included) on the WebGPU runtime
 * and on the reference reducer: equal canonical normal forms and per-rule
 * counts when the reference finishes; an error when the reference stops
 * with one (a type error or the interaction limit; a parallel run may meet
 * the other one first, or run out of the small heap while past the limit).
 */
import { AbortedError, type Book, InteractionLimitError, OutOfMemoryError, TypeErrorPair, compileBook, validateBook } from "@hvm/ir";
import { runCompiled } from "@hvm/runtime-cpu";
import { printNet } from "@hvm/syntax";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWebGpuRuntime } from "../src/index.js";
import { books } from "./arbitrary.js";
import { SCHEDULES, TEST_MEMORY, gpu } from "./gpu.js";

/** Small: a REF chain in the normal form costs one GPU round trip and heap readback per expansion. */
const LIMIT = 2_000;

type Outcome = { ok: true; nf: string; byRule: unknown } | { ok: false; error: unknown };

describe.skipIf(!gpu).each(SCHEDULES)("random books: webgpu equals the reference (%s)", (_, kernel) => {
  const rt = gpu ? createWebGpuRuntime({ device: gpu.device, adapterInfo: gpu.adapterInfo, kernel }) : undefined;

  it("same normal forms, counts and error outcomes", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(books, async (book) => {
        fc.pre(validateBook(book).length === 0);
        let compiled;
        try {
          compiled = compileBook(book);
        } catch {
          fc.pre(false);
          return;
        }
        let ref: Outcome;
        try {
          const r = runCompiled(compiled, { maxInteractions: LIMIT, memory: TEST_MEMORY });
          ref = { ok: true, nf: printNet(r.net), byRule: r.stats.byRule };
        } catch (error) {
          ref = { ok: false, error };
        }
        let got: Outcome;
        try {
          const r = await rt!.run(book, { maxInteractions: LIMIT, memory: TEST_MEMORY });
          got = { ok: true, nf: printNet(r.net), byRule: r.stats.byRule };
        } catch (error) {
          got = { ok: false, error };
        }
        compared++;
        if (ref.ok) {
          expect(got).toEqual(ref);
        } else {
          expect(ref.error).toSatisfy((e) => e instanceof TypeErrorPair || e instanceof InteractionLimitError);
          expect(got.ok).toBe(false);
          const e = (got as { error: unknown }).error;
          const allowed = e instanceof TypeErrorPair || e instanceof InteractionLimitError || (ref.error instanceof InteractionLimitError && e instanceof OutOfMemoryError);
          expect(allowed, String(e)).toBe(true);
          if (ref.error instanceof TypeErrorPair && e instanceof TypeErrorPair) expect(e.message).toMatch(/type error: (OP2|OP1|MAT) ~ (OP2|OP1|MAT)/);
        }
      }),
      { numRuns: 40, seed: 20261121 },
    );
    expect(compared).toBeGreaterThan(20);
  }, 300_000);

  it("honours an aborted signal", async () => {
    const book: Book = { defs: [{ name: "main", net: { root: { kind: "num", value: 1 }, redexes: [] } }] };
    await expect(rt!.run(book, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortedError);
  });
});
