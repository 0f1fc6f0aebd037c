/**
 * The editor: a transparent-text <textarea> over a highlighted <pre>, with a
 * line-number gutter. Diagnostics mark their line (gutter, background, and
 * the message at the end of the line) and are listed under the editor.
 */
import type { Diagnostic } from "@hvm/ir";
import { escapeHtml, highlight } from "./highlight.js";

export class Editor {
  readonly textarea: HTMLTextAreaElement;
  private readonly pre: HTMLPreElement;
  private readonly gutter: HTMLPreElement;
  private readonly list: HTMLUListElement;
  private diagnostics: readonly Diagnostic[] = [];

  constructor(host: HTMLElement, list: HTMLUListElement) {
    host.classList.add("editor");
    this.gutter = host.appendChild(document.createElement("pre"));
    this.gutter.className = "gutter";
    this.gutter.setAttribute("aria-hidden", "true");
    const body = host.appendChild(document.createElement("div"));
    body.className = "editor-body";
    this.pre = body.appendChild(document.createElement("pre"));
    this.pre.className = "highlight";
    this.pre.setAttribute("aria-hidden", "true");
    this.textarea = body.appendChild(document.createElement("textarea"));
    this.textarea.id = "source";
    this.textarea.spellcheck = false;
    this.textarea.wrap = "off";
    this.textarea.setAttribute("aria-label", ".hvmc source");
    this.list = list;
    this.textarea.addEventListener("input", () => this.render());
    this.textarea.addEventListener("scroll", () => this.syncScroll());
    this.textarea.addEventListener("keydown", (ev) => {
      if (ev.key !== "Tab") return;
      ev.preventDefault();
      this.textarea.setRangeText("  ", this.textarea.selectionStart, this.textarea.selectionEnd, "end");
      this.render();
    });
  }

  get value(): string {
    return this.textarea.value;
  }

  set value(source: string) {
    this.textarea.value = source;
    this.diagnostics = [];
    this.render();
  }

  onInput(listener: () => void): void {
    this.textarea.addEventListener("input", listener);
  }

  setDiagnostics(ds: readonly Diagnostic[]): void {
    this.diagnostics = ds;
    this.render();
  }

  /** Put the caret at a 1-based line and column. */
  goTo(line: number, col: number): void {
    const lines = this.value.split("\n");
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
    this.textarea.focus();
    this.textarea.setSelectionRange(offset, offset);
  }

  private render(): void {
    const source = this.value;
    const byLine = new Map<number, Diagnostic[]>();
    for (const d of this.diagnostics) {
      if (d.span) byLine.set(d.span.line, [...(byLine.get(d.span.line) ?? []), d]);
    }
    const lines = highlight(source, new Set(byLine.keys())).split("\n");
    this.pre.innerHTML = lines
      .map((html, i) => {
        const ds = byLine.get(i + 1);
        return ds ? `${html}<span class="err-note">  ◀ ${escapeHtml(ds.map((d) => d.message).join("; "))}</span>` : html;
      })
      .join("\n");
    const count = source.split("\n").length;
    this.gutter.innerHTML = Array.from({ length: count }, (_, i) =>
      byLine.has(i + 1) ? `<span class="err">${i + 1}</span>` : String(i + 1),
    ).join("\n") + "\n ";
    this.renderList();
    this.syncScroll();
  }

  private renderList(): void {
    this.list.replaceChildren(
      ...this.diagnostics.map((d) => {
        const li = document.createElement("li");
        const where = d.span ? `line ${d.span.line}, col ${d.span.col}` : "program";
        li.textContent = `${where}: ${d.message} [${d.code}]`;
        li.dataset.line = String(d.span?.line ?? "");
        if (d.span) {
          const { line, col } = d.span;
          li.addEventListener("click", () => this.goTo(line, col));
        }
        return li;
      }),
    );
  }

  private syncScroll(): void {
    this.pre.scrollTop = this.textarea.scrollTop;
    this.pre.scrollLeft = this.textarea.scrollLeft;
    this.gutter.scrollTop = this.textarea.scrollTop;
  }
}
