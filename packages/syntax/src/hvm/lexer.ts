/**
 * The .hvm lexer (chevrotain). Keywords (`data`, `let`, `dup`, `match`) are
 * names the parser recognises by their image; operators are their own
 * tokens, longest first (`==` before `=`, `<<` before `<`).
 */
import { Lexer, createToken, type IToken, type TokenType } from "chevrotain";
import type { Diagnostic } from "@hvm/ir";
import { syntaxDiagnostic } from "../errors.js";

const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
const Comment = createToken({ name: "Comment", pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });

const tok = (name: string, pattern: RegExp, label: string): TokenType => createToken({ name, pattern, label });

export const Lambda = tok("Lambda", /λ|@/, "'λ'");
export const EqEq = tok("EqEq", /==/, "'=='");
export const NotEq = tok("NotEq", /!=/, "'!='");
export const Shl = tok("Shl", /<</, "'<<'");
export const Shr = tok("Shr", />>/, "'>>'");
export const Equals = tok("Equals", /=/, "'='");
export const Lt = tok("Lt", /</, "'<'");
export const Gt = tok("Gt", />/, "'>'");
export const Plus = tok("Plus", /\+/, "'+'");
export const Minus = tok("Minus", /-/, "'-'");
export const Star = tok("Star", /\*/, "'*'");
export const Slash = tok("Slash", /\//, "'/'");
export const Percent = tok("Percent", /%/, "'%'");
export const Amp = tok("Amp", /&/, "'&'");
export const Pipe = tok("Pipe", /\|/, "'|'");
export const Caret = tok("Caret", /\^/, "'^'");
export const Tilde = tok("Tilde", /~/, "'~'");
export const LParen = tok("LParen", /\(/, "'('");
export const RParen = tok("RParen", /\)/, "')'");
export const LBrack = tok("LBrack", /\[/, "'['");
export const RBrack = tok("RBrack", /\]/, "']'");
export const LBrace = tok("LBrace", /\{/, "'{'");
export const RBrace = tok("RBrace", /\}/, "'}'");
export const Comma = tok("Comma", /,/, "','");
export const Semi = tok("Semi", /;/, "';'");
export const Colon = tok("Colon", /:/, "':'");
export const Hash = tok("Hash", /#/, "'#'");
export const NumLit = tok("NumLit", /0x[0-9a-fA-F]+|[0-9]+/, "a number");
export const Name = tok("Name", /[A-Za-z_][A-Za-z0-9_.]*/, "a name");

/** Operator tokens -> ir operator code (ir.OPERATORS order). */
export const OPERATOR_TOKENS: ReadonlyMap<TokenType, number> = new Map([
  [Plus, 1],
  [Minus, 2],
  [Star, 3],
  [Slash, 4],
  [Percent, 5],
  [EqEq, 6],
  [NotEq, 7],
  [Lt, 8],
  [Gt, 9],
  [Amp, 10],
  [Pipe, 11],
  [Caret, 12],
  [Tilde, 13],
  [Shl, 14],
  [Shr, 15],
]);

export const HVM_TOKENS: TokenType[] = [
  WhiteSpace,
  Comment,
  Lambda,
  EqEq,
  NotEq,
  Shl,
  Shr,
  Equals,
  Lt,
  Gt,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Amp,
  Pipe,
  Caret,
  Tilde,
  LParen,
  RParen,
  LBrack,
  RBrack,
  LBrace,
  RBrace,
  Comma,
  Semi,
  Colon,
  Hash,
  NumLit,
  Name,
];

const lexer = new Lexer(HVM_TOKENS, { positionTracking: "full", ensureOptimizations: false });

/** Tokenize .hvm source; unexpected characters become E_SYNTAX diagnostics. */
export function lexHvm(source: string): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const res = lexer.tokenize(source);
  const diagnostics = res.errors.map((e) =>
    syntaxDiagnostic(`unexpected character ${JSON.stringify(source.slice(e.offset, e.offset + Math.min(e.length, 20)))}`, {
      start: e.offset,
      end: e.offset + e.length,
      line: e.line ?? 1,
      col: e.column ?? 1,
    }),
  );
  return { tokens: res.tokens, diagnostics };
}
