/**
 * The example corpus, shared by every runtime's tests: each NAME.hvmc here
 * comes with NAME.expected, what `hvm-cli run NAME.hvmc -s` prints without
 * its TIME and MIPS lines (the canonical normal form, then RWTS and the five
 * per-rule counts). Heavy programs are listed in heavy.txt (or exceed 10M
 * interactions); tests may skip them.
 *
 * Self-contained on purpose (node:fs and node:path only), so any package's
 * tests can import it by relative path.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Same keys as @hvm/ir's RuleClass. */
export type CorpusRule = "ANNI" | "COMM" | "ERAS" | "DREF" | "OPER";
export const CORPUS_RULES: readonly CorpusRule[] = ["ANNI", "COMM", "ERAS", "DREF", "OPER"];

export interface CorpusExpected {
  /** The canonical normal form, as printNet prints it (no trailing newline). */
  readonly normalForm: string;
  readonly rwts: number;
  readonly byRule: Record<CorpusRule, number>;
}

export interface CorpusProgram {
  readonly name: string;
  /** Absolute path of the .hvmc file. */
  readonly file: string;
  readonly source: string;
  readonly expected: CorpusExpected;
  readonly heavy: boolean;
}

export const EXAMPLES_DIR: string = dirname(fileURLToPath(import.meta.url));
const HEAVY_INTERACTIONS = 10_000_000;

/** Parse a .expected file. */
export function parseExpected(text: string, name = "<expected>"): CorpusExpected {
  const lines = text.replace(/\n+$/, "").split("\n");
  const at = lines.findIndex((l) => l.startsWith("RWTS"));
  if (at < 1) throw new Error(`${name}: expected the normal form, then 'RWTS   : N'`);
  const value = (line: string | undefined, label: string): number => {
    const m = line === undefined ? null : new RegExp(`^${label.replace(/[-]/g, "\\-")}\\s*:\\s*(\\d+)$`).exec(line);
    if (!m) throw new Error(`${name}: expected '${label} : N', got '${line ?? "end of file"}'`);
    return Number(m[1]);
  };
  const byRule = {} as Record<CorpusRule, number>;
  CORPUS_RULES.forEach((rule, i) => (byRule[rule] = value(lines[at + 1 + i], `- ${rule}`)));
  return { normalForm: lines.slice(0, at).join("\n"), rwts: value(lines[at], "RWTS"), byRule };
}

/** The names listed in heavy.txt (comments after #). */
export function heavyNames(dir = EXAMPLES_DIR): Set<string> {
  const text = readFileSync(join(dir, "heavy.txt"), "utf8");
  return new Set(
    text
      .split("\n")
      .map((l) => l.replace(/#.*/, "").trim())
      .filter((l) => l.length > 0),
  );
}

/** Every program of the corpus, sorted by name. */
export function loadCorpus(dir = EXAMPLES_DIR): CorpusProgram[] {
  const heavy = heavyNames(dir);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".hvmc"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".hvmc".length);
      const file = join(dir, f);
      const expected = parseExpected(readFileSync(join(dir, `${name}.expected`), "utf8"), `${name}.expected`);
      return {
        name,
        file,
        source: readFileSync(file, "utf8"),
        expected,
        heavy: heavy.has(name) || expected.rwts > HEAVY_INTERACTIONS,
      };
    });
}
