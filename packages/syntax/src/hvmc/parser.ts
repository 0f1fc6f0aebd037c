/**
 * The .hvmc parser (DESIGN §3, plus `<!#N T>` for OP1). It reads the token
 * vector of the chevrotain lexer with an explicit stack, so trees of any
 * depth parse without recursion. Syntax errors are collected: after one,
 * parsing resumes at the next `&` of the net or the next `@name =`, so a
 * book reports every broken redex and definition at once.
 */
import type { IToken, TokenType } from "chevrotain";
import type { Book, Definition, Diagnostic, Net, Redex, Span, Tree } from "@hvm/ir";
import { ParseError, syntaxDiagnostic } from "../errors.js";
import {
  Amp, At, Bang, Equals, Gt, Hash, LBrace, LBrack, LParen, Lt, Name, Question, RBrace, RBrack, RParen, Star, Tilde, lex, tokenSpan,
} from "./lexer.js";

/** A book as far as it parsed, with every syntax problem. */
export interface BookParse {
  readonly book: Book;
  readonly diagnostics: Diagnostic[];
  /** Names of definitions whose body failed to parse (they are not in `book`). */
  readonly broken: string[];
}

/** Parse a book; throws ParseError listing every syntax error. */
export function parseBook(source: string, file = "<input>"): Book {
  const res = parseBookPartial(source);
  if (res.diagnostics.length > 0) throw new ParseError(res.diagnostics, file);
  return res.book;
}

/** Parse a single net (a root tree and its redexes); throws ParseError. */
export function parseNet(source: string, file = "<input>"): Net {
  const { tokens, diagnostics } = lex(source);
  const p = new Cursor(tokens, source);
  const before = diagnostics.length;
  const net = p.net(diagnostics);
  if (diagnostics.length === before && !p.atEnd()) p.record("'&' or the end of the input", diagnostics);
  if (diagnostics.length > 0) throw new ParseError(sortDiagnostics(diagnostics), file);
  return net;
}

/** Parse a book, recovering after errors. */
export function parseBookPartial(source: string): BookParse {
  const { tokens, diagnostics } = lex(source);
  const p = new Cursor(tokens, source);
  const defs: Definition[] = [];
  const broken: string[] = [];
  while (!p.atEnd()) {
    const start = p.pos;
    try {
      const def = p.definition(diagnostics);
      if (def.ok) defs.push(def.def);
      else broken.push(def.def.name);
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
      diagnostics.push(e.diagnostic);
      p.skipToDefinition(start + 1);
    }
  }
  return { book: { defs }, diagnostics: sortDiagnostics(diagnostics), broken };
}

function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity));
}

class SyntaxFailure extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** A tree under construction on the parser's stack. */
interface Frame {
  readonly kind: "ctr" | "op2" | "op1" | "mat";
  readonly start: IToken;
  readonly label: number;
  readonly value: number;
  /** How many subtrees it takes. */
  readonly arity: number;
  /** The closing token, or undefined for `?` (which has none). */
  readonly close: TokenType | undefined;
  readonly kids: Tree[];
  /** Span end of the last subtree (for `?`, which has no closing token). */
  end: number;
}

const DESCRIBE = new Map<TokenType, string>([
  [RParen, "')'"],
  [RBrack, "']'"],
  [RBrace, "'}'"],
  [Gt, "'>'"],
]);

class Cursor {
  pos = 0;
  constructor(
    private readonly tokens: IToken[],
    private readonly source: string,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  private peek(k = 0): IToken | undefined {
    return this.tokens[this.pos + k];
  }

  private is(type: TokenType, k = 0): boolean {
    return this.tokens[this.pos + k]?.tokenType === type;
  }

  private expect(type: TokenType, what: string): IToken {
    const t = this.peek();
    if (t === undefined || t.tokenType !== type) this.fail(what);
    this.pos++;
    return t;
  }

  /** Throw a syntax error at the current token: "expected X, found Y". */
  fail(what: string): never {
    throw new SyntaxFailure(this.expected(what));
  }

  private expected(what: string): Diagnostic {
    const t = this.peek();
    const found = t === undefined ? "the end of the input" : `'${t.image}'`;
    return syntaxDiagnostic(`expected ${what}, found ${found}`, t ? tokenSpan(t) : this.endSpan());
  }

  private endSpan(): Span {
    const lines = this.source.split("\n");
    return { start: this.source.length, end: this.source.length, line: lines.length, col: lines[lines.length - 1].length + 1 };
  }

  private span(from: IToken, end: number): Span {
    return { start: from.startOffset, end, line: from.startLine ?? 1, col: from.startColumn ?? 1 };
  }

  isDefStart(i: number): boolean {
    return this.tokens[i]?.tokenType === At && this.tokens[i + 1]?.tokenType === Name && this.tokens[i + 2]?.tokenType === Equals;
  }

  /** Resume at the first `@name =` at or after token i. */
  skipToDefinition(i: number): void {
    let j = i;
    while (j < this.tokens.length && !this.isDefStart(j)) j++;
    this.pos = j;
  }

  /**
   * DEF ::= "@" NAME "=" NET. A broken header throws; errors in the net are
   * recorded in `sink` (tagged with the definition) and leave the cursor at
   * the next definition, with `ok` false.
   */
  definition(sink: Diagnostic[]): { def: Definition; ok: boolean } {
    const at = this.expect(At, "'@' to start a definition");
    const name = this.expect(Name, "a definition name after '@'");
    this.expect(Equals, `'=' after '@${name.image}'`);
    const before = sink.length;
    const net = this.net(sink);
    if (sink.length === before && !this.atEnd() && !this.is(At)) this.record(`'&' or the next definition after the net of @${name.image}`, sink);
    const def = { name: name.image, net, span: this.span(at, tokenSpan(name).end) };
    if (sink.length === before) return { def, ok: true };
    for (let i = before; i < sink.length; i++) sink[i] = { ...sink[i], def: name.image };
    this.skipToDefinition(this.pos);
    return { def, ok: false };
  }

  /**
   * NET ::= TREE ("&" TREE "~" TREE)*. After an error in the root or a redex,
   * parsing resumes at the next '&' (which never occurs inside a tree) or at
   * the next definition, so every broken redex is reported.
   */
  net(sink: Diagnostic[]): Net {
    let root: Tree = { kind: "era" };
    const rootStart = this.pos;
    try {
      root = this.tree();
    } catch (e) {
      this.recover(e, sink, rootStart);
    }
    const redexes: Redex[] = [];
    while (this.is(Amp)) {
      const ampAt = this.pos++;
      const amp = this.tokens[ampAt];
      try {
        const left = this.tree();
        this.expect(Tilde, "'~' between the two sides of a redex");
        const right = this.tree();
        redexes.push({ left, right, span: this.span(amp, right.span!.end) });
      } catch (e) {
        this.recover(e, sink, ampAt + 1);
      }
    }
    return { root, redexes };
  }

  /** Record a failure and move to the first '&' or definition at or after token `from`. */
  private recover(e: unknown, sink: Diagnostic[], from: number): void {
    if (!(e instanceof SyntaxFailure)) throw e;
    sink.push(e.diagnostic);
    let j = from;
    while (j < this.tokens.length && this.tokens[j].tokenType !== Amp && !this.isDefStart(j)) j++;
    this.pos = j;
  }

  /** Record "expected X, found Y" at the current token without throwing. */
  record(what: string, sink: Diagnostic[]): void {
    sink.push(this.expected(what));
  }

  /** Read a number token (decimal or 0x hex) after `#`, `<!#` or `{`. */
  private number(what: string): number {
    const t = this.peek();
    if (t === undefined || t.tokenType !== Name || !/^(?:[0-9]+|0[xX][0-9A-Fa-f]+)$/.test(t.image)) this.fail(what);
    this.pos++;
    return Number(t.image);
  }

  /** TREE, parsed with an explicit stack of open nodes. */
  tree(): Tree {
    const stack: Frame[] = [];
    for (;;) {
      let done: Tree | undefined = this.leafOrOpen(stack);
      while (done !== undefined) {
        const top = stack[stack.length - 1];
        if (top === undefined) return done;
        top.kids.push(done);
        top.end = done.span!.end;
        if (top.kids.length < top.arity) break;
        if (top.close !== undefined) {
          const t = this.peek();
          if (t?.tokenType !== top.close) this.fail(`${DESCRIBE.get(top.close)} to close the node opened at ${top.start.startLine}:${top.start.startColumn}`);
          this.pos++;
          top.end = tokenSpan(t).end;
        }
        stack.pop();
        done = build(top, this.span(top.start, top.end));
      }
    }
  }

  /** Read a leaf tree, or push a frame for an opening token and return undefined. */
  private leafOrOpen(stack: Frame[]): Tree | undefined {
    const t = this.peek();
    if (t === undefined) this.fail("a tree");
    const open = (kind: Frame["kind"], arity: number, close: TokenType | undefined, label = 0, value = 0): undefined => {
      stack.push({ kind, start: t, label, value, arity, close, kids: [], end: 0 });
      return undefined;
    };
    switch (t.tokenType) {
      case Star:
        this.pos++;
        return { kind: "era", span: tokenSpan(t) };
      case Name:
        this.pos++;
        return { kind: "var", name: t.image, span: tokenSpan(t) };
      case At: {
        if (this.isDefStart(this.pos)) {
          throw new SyntaxFailure(syntaxDiagnostic(`expected a tree, found the start of definition @${this.tokens[this.pos + 1].image}`, tokenSpan(t)));
        }
        this.pos++;
        const name = this.expect(Name, "a definition name after '@'");
        return { kind: "ref", name: name.image, span: this.span(t, tokenSpan(name).end) };
      }
      case Hash: {
        this.pos++;
        const value = this.number("a number (decimal or 0x hex) after '#'");
        return { kind: "num", value, span: this.span(t, tokenSpan(this.tokens[this.pos - 1]).end) };
      }
      case LParen:
        this.pos++;
        return open("ctr", 2, RParen, 0);
      case LBrack:
        this.pos++;
        return open("ctr", 2, RBrack, 1);
      case LBrace: {
        this.pos++;
        const label = this.number("a label (a number 0..5) after '{'");
        return open("ctr", 2, RBrace, label);
      }
      case Lt:
        this.pos++;
        if (!this.is(Bang)) return open("op2", 2, Gt);
        this.pos++;
        this.expect(Hash, "'#' after '<!'");
        return open("op1", 1, Gt, 0, this.number("a number after '<!#'"));
      case Question:
        this.pos++;
        return open("mat", 2, undefined);
      default:
        return this.fail("a tree");
    }
  }
}

function build(f: Frame, span: Span): Tree {
  switch (f.kind) {
    case "ctr":
      return { kind: "ctr", label: f.label, left: f.kids[0], right: f.kids[1], span };
    case "op2":
      return { kind: "op2", left: f.kids[0], right: f.kids[1], span };
    case "mat":
      return { kind: "mat", left: f.kids[0], right: f.kids[1], span };
    case "op1":
      return { kind: "op1", value: f.value, right: f.kids[0], span };
  }
}
