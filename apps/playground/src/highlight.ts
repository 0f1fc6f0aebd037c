/**
 * Syntax highlighting of .hvmc source for the editor overlay: each line is
 * tokenized with one regular expression and turned into escaped HTML spans.
 * Lines named in `errorLines` are wrapped so CSS can mark them.
 */

/** Token classes; each is a CSS class `tok-<class>`. */
export type TokenClass = "comment" | "ref" | "num" | "def" | "op" | "punct" | "var" | "space" | "other";

export interface Token {
  readonly cls: TokenClass;
  readonly text: string;
}

const TOKEN = /(\/\/.*)|(@[A-Za-z0-9_.]+)|(#(?:0x[0-9a-fA-F]+|[0-9]+))|([=&~])|([<>?!*])|([()[\]{}])|([A-Za-z0-9_.]+)|(\s+)|(.)/g;
const CLASSES: readonly TokenClass[] = ["comment", "ref", "num", "def", "op", "punct", "var", "space", "other"];

/** Tokens of one line, covering it exactly. */
export function tokenizeLine(line: string): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(TOKEN)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    out.push({ cls: CLASSES[group], text: m[0] });
  }
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/**
 * HTML for the overlay <pre>: one span per token, a `line err` wrapper on
 * lines with errors (1-based), and a trailing newline kept visible so the
 * overlay stays as tall as the textarea.
 */
export function highlight(source: string, errorLines: ReadonlySet<number> = new Set()): string {
  const lines = source.split("\n");
  const html = lines.map((line, i) => {
    const body = tokenizeLine(line)
      .map((t) => (t.cls === "space" ? escapeHtml(t.text) : `<span class="tok-${t.cls}">${escapeHtml(t.text)}</span>`))
      .join("");
    return errorLines.has(i + 1) ? `<span class="line err">${body || " "}</span>` : body;
  });
  return html.join("\n") + "\n ";
}
