/**
 * Handing a partially reduced net from the reference to another runtime
 * without redoing any work. Runtimes take books, so the net becomes one more
 * definition of the program's book, the entry of the second run:
 *
 *   reference:  boot @main, reduce N interactions        -> net X (root + redexes)
 *   book':      the book's definitions + @auto.handover = X
 *   engine:     boot @auto.handover (1 DREF), reduce X to its normal form
 *
 * Every complete reduction of a net performs the same interactions, so the
 * engine's normal form is the program's and the counts add up: the
 * reference's, the nullary pairs left out of X (one ERAS each), and the
 * engine's less the one DREF of booting the extra definition.
 */
import { type Book, type Net, type Progress, type RunOptions, type RunStats, RULE_CLASSES, type RuleClass } from "@hvm/ir";

/** Name of the definition that carries the net across (suffixed when the book has one already). */
export const HANDOVER_ENTRY = "auto.handover";

/** The book for the second run: every definition of `book`, and the net under a fresh name. */
export function handoverBook(book: Book, net: Net): { book: Book; entry: string } {
  const names = new Set(book.defs.map((d) => d.name));
  let entry = HANDOVER_ENTRY;
  for (let i = 1; names.has(entry); i++) entry = `${HANDOVER_ENTRY}${i}`;
  return { book: { defs: [...book.defs, { name: entry, net }] }, entry };
}

/** What the reference did before the handover. */
export interface Before {
  readonly interactions: number;
  readonly byRule: Record<RuleClass, number>;
  readonly seconds: number;
  readonly peakNodes: number;
}

/** Per-rule counts added up; `boot` DREFs (the engine's boot of the extra definition) taken out. */
export function addByRule(before: Record<RuleClass, number>, after: Record<RuleClass, number>, boot = 1): Record<RuleClass, number> {
  const out = { ...before };
  for (const r of RULE_CLASSES) out[r] += after[r];
  out.DREF -= boot;
  return out;
}

/** The whole run's stats: the reference's part, then the engine's (its extra fields kept). */
export function joinStats<S extends RunStats>(before: Before, after: S): S {
  const interactions = before.interactions + after.interactions - 1;
  const seconds = before.seconds + after.seconds;
  return {
    ...after,
    interactions,
    byRule: addByRule(before.byRule, after.byRule),
    seconds,
    mips: seconds > 0 ? interactions / seconds / 1e6 : 0,
    peakNodes: Math.max(before.peakNodes, after.peakNodes),
  };
}

/**
 * The engine's run options: the rest of the interaction limit (plus the
 * boot), progress counted from the start of the program (the engine's
 * reports add to the reference's; within one interaction of exact, as the
 * engines differ in when they count their boot).
 */
export function handoverOptions(opts: RunOptions, entry: string, before: Before): RunOptions {
  const limit = opts.maxInteractions;
  const onProgress = opts.onProgress;
  return {
    ...opts,
    entry,
    maxInteractions: limit === undefined ? undefined : limit - before.interactions + 1,
    onProgress: onProgress
      ? (p: Progress) =>
          onProgress({ interactions: before.interactions + p.interactions, byRule: addByRule(before.byRule, p.byRule, 0), seconds: before.seconds + p.seconds, nodes: p.nodes })
      : undefined,
  };
}
