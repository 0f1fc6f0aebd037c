import { describe, expect, it } from "vitest";
import { AbortedError, type Runtime } from "@hvm/ir";
import { checksum } from "../src/checksum.js";
import { runCase } from "../src/measure.js";
import { MUL, OPTIONS, RIGHT, WRONG, fakeRuntime, print } from "./fixtures.js";

describe("runCase", () => {
  it("measures the runs after the warm-up and checks each normal form", async () => {
    const rt = fakeRuntime("fake", RIGHT, 5, [9, 0.5, 0.25, 1]);
    const r = await runCase(rt, "fake", MUL, OPTIONS, print);
    expect(rt.runs).toBe(4);
    expect(r.status).toBe("ok");
    expect(r.seconds).toEqual({ n: 3, median: 0.5, min: 0.25, max: 1, spread: 1.5 });
    expect(r.samples).toEqual([0.5, 0.25, 1]);
    expect(r.interactionsPerSecond).toBe(10);
    expect(r.checksum).toBe(checksum("#39483"));
    expect(r.expectedChecksum).toBe(r.checksum);
  });

  it("reports a wrong normal form as WRONG, without any time", async () => {
    const r = await runCase(fakeRuntime("fake", WRONG, 5, [1]), "fake", MUL, OPTIONS, print);
    expect(r.status).toBe("WRONG");
    expect(r.reason).toBe(`normal form differs from the reference (checksum ${checksum("#39484")}, expected ${checksum("#39483")})`);
    expect(r.seconds.n).toBe(0);
    expect(r.interactionsPerSecond).toBe(0);
  });

  it("reports a wrong interaction count as WRONG", async () => {
    const r = await runCase(fakeRuntime("fake", RIGHT, 6, [1]), "fake", MUL, OPTIONS, print);
    expect(r.status).toBe("WRONG");
    expect(r.reason).toBe("6 interactions, the reference reports 5");
  });

  it("reports wrong per-rule counts as WRONG, naming each differing rule", async () => {
    const program = { ...MUL, expectedByRule: { ANNI: 0, COMM: 0, ERAS: 1, DREF: 1, OPER: 3 } };
    const r = await runCase(fakeRuntime("fake", RIGHT, 5, [1]), "fake", program, OPTIONS, print);
    expect(r.status).toBe("WRONG");
    expect(r.reason).toBe("per-rule counts differ from the reference: ERAS 0 (expected 1), DREF 0 (expected 1), OPER 5 (expected 3)");
    expect(r.byRule).toEqual({ ANNI: 0, COMM: 0, ERAS: 0, DREF: 0, OPER: 5 });
  });

  it("prints the normal form with the program's own printer when it has one", async () => {
    const program = { ...MUL, expected: "39483", show: () => "39483" };
    const r = await runCase(fakeRuntime("fake", RIGHT, 5, [1]), "fake", program, OPTIONS, print);
    expect([r.status, r.checksum]).toEqual(["ok", checksum("39483")]);
  });

  it("reports a runtime error as an error case", async () => {
    const failing: Runtime = { name: "bad", run: () => Promise.reject(new AbortedError()), dispose: async () => undefined };
    const r = await runCase(failing, "bad", MUL, OPTIONS, print);
    expect(r.status).toBe("error");
    expect(r.reason).toBe("reduction aborted");
  });

  it("gives up on a run past the timeout", async () => {
    const hung: Runtime = { name: "hung", run: () => new Promise(() => undefined), dispose: async () => undefined };
    const r = await runCase(hung, "hung", MUL, { ...OPTIONS, timeoutSeconds: 0.05 }, print);
    expect(r.status).toBe("error");
    expect(r.reason).toBe("a run took longer than 0.05 s; raise --timeout to wait longer");
  });

  it("stops repeating once the budget is spent, keeping at least one measured run", async () => {
    const rt = fakeRuntime("fake", RIGHT, 5, [1]);
    const r = await runCase(rt, "fake", MUL, { ...OPTIONS, warmup: 0, reps: 5, budgetSeconds: 0 }, print);
    expect(r.seconds.n).toBe(1);
    expect(rt.runs).toBe(1);
  });
});
