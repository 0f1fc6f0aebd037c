/**
 * The .hvmc lexer (chevrotain). Numbers and labels are lexed as NAME tokens
 * (NAME ::= [A-Za-z0-9_.]+ covers them) and read as numbers by the parser
 * where the grammar expects one, so `#0x1F`, `{2 a b}` and a variable named
 * `0` all lex the same way.
 */
import { Lexer, createToken, type IToken, type TokenType } from "chevrotain";
import type { Diagnostic, Span } from "@hvm/ir";
import { syntaxDiagnostic } from "../errors.js";

const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
/** Comments go to their own group: the parser never sees them, the formatter (format.ts) keeps them. */
const Comment = createToken({ name: "Comment", pattern: /\/\/[^\n]*/, group: "comments" });

export const At = createToken({ name: "At", pattern: /@/, label: "'@'" });
export const Equals = createToken({ name: "Equals", pattern: /=/, label: "'='" });
export const Amp = createToken({ name: "Amp", pattern: /&/, label: "'&'" });
export const Tilde = createToken({ name: "Tilde", pattern: /~/, label: "'~'" });
export const Star = createToken({ name: "Star", pattern: /\*/, label: "'*'" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "')'" });
export const LBrack = createToken({ name: "LBrack", pattern: /\[/, label: "'['" });
export const RBrack = createToken({ name: "RBrack", pattern: /\]/, label: "']'" });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/, label: "'{'" });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/, label: "'}'" });
export const Lt = createToken({ name: "Lt", pattern: /</, label: "'<'" });
export const Gt = createToken({ name: "Gt", pattern: />/, label: "'>'" });
export const Bang = createToken({ name: "Bang", pattern: /!/, label: "'!'" });
export const Hash = createToken({ name: "Hash", pattern: /#/, label: "'#'" });
export const Question = createToken({ name: "Question", pattern: /\?/, label: "'?'" });
export const Name = createToken({ name: "Name", pattern: /[A-Za-z0-9_.]+/, label: "a name" });

export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  Comment,
  At,
  Equals,
  Amp,
  Tilde,
  Star,
  LParen,
  RParen,
  LBrack,
  RBrack,
  LBrace,
  RBrace,
  Lt,
  Gt,
  Bang,
  Hash,
  Question,
  Name,
];

const lexer = new Lexer(ALL_TOKENS, { positionTracking: "full", ensureOptimizations: true });

export interface LexResult {
  readonly tokens: IToken[];
  /** The `// ...` comments, in source order. */
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

/** The span of one token. */
export function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1, line: t.startLine ?? 1, col: t.startColumn ?? 1 };
}

/** Tokenize a source; unexpected characters become E_SYNTAX diagnostics (one per run of them). */
export function lex(source: string): LexResult {
  const res = lexer.tokenize(source);
  const diagnostics = res.errors.map((e) => {
    const text = source.slice(e.offset, e.offset + e.length);
    const shown = text.length > 20 ? text.slice(0, 20) + "..." : text;
    return syntaxDiagnostic(`unexpected character${e.length > 1 ? "s" : ""} ${JSON.stringify(shown)}`, {
      start: e.offset,
      end: e.offset + e.length,
      line: e.line ?? 1,
      col: e.column ?? 1,
    });
  });
  return { tokens: res.tokens, comments: res.groups.comments ?? [], diagnostics };
}
