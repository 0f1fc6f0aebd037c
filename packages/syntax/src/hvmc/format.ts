/**
 * The formatter behind `hvm-cli fmt`: each definition in canonical form (as
 * printBook prints it: variables renamed a, b, ..., one redex a line), with
 * the source's comments kept.
 *
 * - A comment before a definition (after the previous one's last token)
 *   stays above it; comments after the last definition stay at the end.
 * - A comment inside a definition's text (between its tokens, or at the end
 *   of one of its lines, the last one included) moves above that definition:
 *   the canonical layout has no place for it, and dropping it would lose
 *   what it says.
 * - A blank line between two definitions, or between two comments above a
 *   definition, is kept as one blank line; other blank lines go.
 *
 * Formatting is idempotent: the output formats to itself.
 */
import type { IToken } from "chevrotain";
import { printNet } from "@hvm/ir";
import { lex } from "./lexer.js";
import { parseBook } from "./parser.js";

const blankBetween = (source: string, from: number, to: number): boolean => /\n[ \t\r]*\n/.test(source.slice(from, to));

/** Format a .hvmc book, keeping its comments (throws the parser's errors, like parseBook). */
export function formatBook(source: string, file = "<input>"): string {
  const book = parseBook(source, file);
  const { tokens, comments } = lex(source);
  const starts = book.defs.map((d) => d.span?.start ?? 0);
  const lasts = starts.map((_, i) => lastTokenBefore(tokens, i + 1 < starts.length ? starts[i + 1] : source.length));
  const ends = lasts.map((t) => (t === undefined ? 0 : (t.endOffset ?? t.startOffset) + 1));
  const out: string[] = [];
  let c = 0;
  let prevEnd = 0;
  const emitComments = (upTo: number): void => {
    for (; c < comments.length && comments[c].startOffset < upTo; c++) {
      if (out.length > 0 && blankBetween(source, prevEnd, comments[c].startOffset)) out.push("");
      out.push(comments[c].image.trimEnd());
      prevEnd = comments[c].startOffset + comments[c].image.length;
    }
  };
  book.defs.forEach((def, i) => {
    emitComments(starts[i]);
    if (out.length > 0 && blankBetween(source, prevEnd, starts[i])) out.push("");
    const inner: string[] = [];
    const lastLine = lasts[i]?.endLine ?? 0;
    for (; c < comments.length && (comments[c].startOffset < ends[i] || comments[c].startLine === lastLine); c++) {
      inner.push(comments[c].image.trimEnd());
      prevEnd = comments[c].startOffset + comments[c].image.length;
    }
    out.push(...inner, `@${def.name} = ${printNet(def.net)}`);
    prevEnd = Math.max(prevEnd, ends[i]);
  });
  emitComments(source.length);
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

/** The last token that starts before `limit`. */
function lastTokenBefore(tokens: readonly IToken[], limit: number): IToken | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : tokens[lo - 1];
}
