/**
 * The token cursor under the .hvm parser: lookahead, expectations with
 * "expected X, found Y" diagnostics, spans, and the small shared pieces of
 * the grammar (numbers, names, binders).
 */
import type { IToken, TokenType } from "chevrotain";
import type { Diagnostic, Span } from "@hvm/ir";
import type { Binder } from "@hvm/lang";
import { syntaxDiagnostic } from "../errors.js";
import { tokenSpan } from "../hvmc/lexer.js";
import { Name, NumLit, Star } from "./lexer.js";

/** Reserved words: not usable as names. */
export const KEYWORDS: ReadonlySet<string> = new Set(["data", "let", "dup", "match"]);

/** Thrown at the first syntax error of an item; the parser records it and resumes. */
export class HvmSyntaxFailure extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export class TokenCursor {
  pos = 0;
  constructor(
    protected readonly tokens: IToken[],
    private readonly source: string,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  protected peek(k = 0): IToken | undefined {
    return this.tokens[this.pos + k];
  }

  protected is(type: TokenType, k = 0): boolean {
    return this.tokens[this.pos + k]?.tokenType === type;
  }

  protected isWord(word: string, k = 0): boolean {
    const t = this.tokens[this.pos + k];
    return t?.tokenType === Name && t.image === word;
  }

  protected eat(type: TokenType): boolean {
    if (!this.is(type)) return false;
    this.pos++;
    return true;
  }

  protected expect(type: TokenType, what: string): IToken {
    const t = this.peek();
    if (t === undefined || t.tokenType !== type) this.fail(what);
    this.pos++;
    return t;
  }

  fail(what: string): never {
    const t = this.peek();
    const found = t === undefined ? "the end of the input" : `'${t.image}'`;
    throw new HvmSyntaxFailure(syntaxDiagnostic(`expected ${what}, found ${found}`, t ? tokenSpan(t) : this.endSpan()));
  }

  protected endSpan(): Span {
    const lines = this.source.split("\n");
    return { start: this.source.length, end: this.source.length, line: lines.length, col: lines[lines.length - 1].length + 1 };
  }

  /** The span from token `s` to the last consumed token. */
  protected span(s: IToken): Span {
    const last = this.tokens[this.pos - 1] ?? s;
    return { start: s.startOffset, end: (last.endOffset ?? last.startOffset) + 1, line: s.startLine ?? 1, col: s.startColumn ?? 1 };
  }

  protected at<const T extends object>(s: IToken, node: T): T {
    return { ...node, span: this.span(s) };
  }

  skipToItem(i: number): void {
    let j = i;
    while (j < this.tokens.length && this.tokens[j].startColumn !== 1) j++;
    this.pos = j;
  }

  protected number(): number {
    const t = this.expect(NumLit, "a number");
    return t.image.startsWith("0x") ? parseInt(t.image.slice(2), 16) : parseInt(t.image, 10);
  }

  protected name(what: string): IToken {
    const t = this.expect(Name, what);
    if (KEYWORDS.has(t.image)) {
      this.pos--;
      this.fail(what);
    }
    return t;
  }

  /** A binder: a name, or `*` / `_` for an unused one. */
  protected binder(): Binder {
    if (this.eat(Star)) return null;
    const t = this.name("a variable name or '*'");
    return t.image === "_" ? null : t.image;
  }
}
