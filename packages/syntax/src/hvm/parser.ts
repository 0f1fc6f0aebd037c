/**
 * The .hvm parser: programs of data types and definitions (docs/lang.md).
 *
 *   data List = (Cons head tail) | Nil
 *   (Sum Nil) = 0
 *   (Sum (Cons x xs)) = (+ x (Sum xs))
 *   main = (Sum [1, 2, 3])
 *
 * Terms are parsed with an explicit stack of frames (one per open
 * construct), so nesting depth is bounded by memory, not the JS stack.
 * After a syntax error, parsing resumes at the next token in column 1, so
 * every broken top-level item is reported at once.
 */
import type { IToken, TokenType } from "chevrotain";
import type { Diagnostic, Span } from "@hvm/ir";
import type { Arm, Binder, DataType, Definition, Pattern, Program, Rule, Term } from "@hvm/lang";
import { ParseError } from "../errors.js";
import { HvmSyntaxFailure, TokenCursor } from "./cursor.js";
import {
  Colon, Comma, Equals, Hash, LBrace, LBrack, LParen, Lambda, NumLit, OPERATOR_TOKENS, Pipe, Plus, RBrace, RBrack, RParen, Semi, Star, Tilde, lexHvm,
} from "./lexer.js";

export interface ProgramParse {
  readonly program: Program;
  readonly diagnostics: Diagnostic[];
}

/** Parse a program; throws ParseError listing every syntax error. */
export function parseProgram(source: string, file = "<input>"): Program {
  const res = parseProgramPartial(source);
  if (res.diagnostics.length > 0) throw new ParseError(res.diagnostics, file);
  return res.program;
}

/** Parse one term; throws ParseError. */
export function parseTerm(source: string, file = "<input>"): Term {
  const { tokens, diagnostics } = lexHvm(source);
  const p = new HvmCursor(tokens, source);
  try {
    const t = p.term();
    if (!p.atEnd()) p.fail("the end of the term");
    if (diagnostics.length === 0) return t;
  } catch (e) {
    if (!(e instanceof HvmSyntaxFailure)) throw e;
    diagnostics.push(e.diagnostic);
  }
  throw new ParseError(diagnostics, file);
}

/** Parse a program, recovering after errors. */
export function parseProgramPartial(source: string): ProgramParse {
  const { tokens, diagnostics } = lexHvm(source);
  const p = new HvmCursor(tokens, source);
  const datas: DataType[] = [];
  const defs = new Map<string, { rules: Rule[]; span?: Span }>();
  while (!p.atEnd()) {
    const start = p.pos;
    try {
      const item = p.item();
      if ("ctrs" in item) {
        datas.push(item);
      } else {
        const d = defs.get(item.name);
        if (d) d.rules.push(item.rule);
        else defs.set(item.name, { rules: [item.rule], span: item.rule.span });
      }
    } catch (e) {
      if (!(e instanceof HvmSyntaxFailure)) throw e;
      diagnostics.push(e.diagnostic);
      p.skipToItem(start + 1);
    }
  }
  const list: Definition[] = [...defs].map(([name, d]) => ({ name, rules: d.rules, ...(d.span ? { span: d.span } : {}) }));
  diagnostics.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { program: { datas, defs: list }, diagnostics };
}

type Frame =
  | { k: "app"; s: IToken; items: Term[] }
  | { k: "op"; s: IToken; op: number; items: Term[] }
  | { k: "lam"; s: IToken; bind: Binder }
  | { k: "letv"; s: IToken; bind: Binder; pat?: CtrPattern }
  | { k: "letb"; s: IToken; bind: Binder; pat?: CtrPattern; value: Term }
  | { k: "dupv"; s: IToken; label?: number; l: Binder; r: Binder }
  | { k: "dupb"; s: IToken; label?: number; l: Binder; r: Binder; value: Term }
  | { k: "scrut"; s: IToken }
  | { k: "zero"; s: IToken; scrut: Term }
  | { k: "succ"; s: IToken; scrut: Term; zero: Term; pred: Binder }
  | { k: "arm"; s: IToken; scrut: Term; arms: Arm[]; ctr: string; binds: Binder[]; as: IToken }
  | { k: "list"; s: IToken; items: Term[] }
  | { k: "sup"; s: IToken; label: number; items: Term[] };

/** `(Ctr a b)` on the left of a destructuring let. */
interface CtrPattern {
  readonly ctr: string;
  readonly binds: readonly Binder[];
}

/** Frames of constructs with a closing token: an error inside one names where it opened. */
const OPENERS: ReadonlySet<Frame["k"]> = new Set(["app", "op", "list", "sup", "zero", "succ", "arm"]);

class HvmCursor extends TokenCursor {
  /** A data declaration, or one equation of a definition. */
  item(): DataType | { name: string; rule: Rule } {
    const s = this.peek()!;
    if (this.isWord("data")) {
      this.pos++;
      const name = this.name("the data type's name").image;
      this.expect(Equals, `'=' after data ${name}`);
      const ctrs = [this.ctrDecl()];
      while (this.eat(Pipe)) ctrs.push(this.ctrDecl());
      return this.at(s, { name, ctrs });
    }
    if (this.eat(LParen)) {
      const name = this.name("the name of the function an equation defines").image;
      const pats: Pattern[] = [];
      while (!this.eat(RParen)) pats.push(this.pattern());
      this.expect(Equals, `'=' after the patterns of ${name}`);
      const body = this.term();
      return { name, rule: this.at(s, { pats, body }) };
    }
    const name = this.name("a definition (`name = term`, `(Name patterns) = term` or `data ...`)").image;
    this.expect(Equals, `'=' after ${name}`);
    const body = this.term();
    return { name, rule: this.at(s, { pats: [], body }) };
  }

  private ctrDecl(): DataType["ctrs"][number] {
    const s = this.peek()!;
    if (!this.eat(LParen)) return this.at(s, { name: this.name("a constructor name").image, fields: [] });
    const name = this.name("a constructor name").image;
    const fields: string[] = [];
    while (!this.eat(RParen)) fields.push(this.name(`a field name of ${name} or ')'`).image);
    return this.at(s, { name, fields });
  }

  /** Names starting with an upper-case letter are constructors; `_` and `*` are wildcards. */
  private pattern(): Pattern {
    const s = this.peek()!;
    if (this.is(NumLit)) return this.at(s, { kind: "pnum", value: this.number() });
    if (this.eat(Star)) return this.at(s, { kind: "pvar", bind: null });
    if (this.eat(LParen)) {
      const name = this.name("a constructor name").image;
      const args: Pattern[] = [];
      while (!this.eat(RParen)) args.push(this.pattern());
      return this.at(s, { kind: "pctr", name, args });
    }
    const t = this.name("a pattern");
    if (t.image === "_") return this.at(s, { kind: "pvar", bind: null });
    if (/^[A-Z]/.test(t.image)) return this.at(s, { kind: "pctr", name: t.image, args: [] });
    return this.at(s, { kind: "pvar", bind: t.image });
  }

  /** A term, parsed with an explicit stack. */
  term(): Term {
    const stack: Frame[] = [];
    let feeding: Frame | undefined;
    try {
      for (;;) {
        let value = this.open(stack);
        if (value === undefined) continue;
        for (;;) {
          const f = stack.pop();
          if (f === undefined) return value;
          feeding = f;
          const done = this.feed(f, value, stack);
          feeding = undefined;
          if (done === undefined) break;
          value = done;
        }
      }
    } catch (e) {
      const frames = feeding ? [...stack, feeding] : stack;
      const open = frames.reverse().find((f) => OPENERS.has(f.k));
      if (!(e instanceof HvmSyntaxFailure) || open === undefined) throw e;
      const d = e.diagnostic;
      throw new HvmSyntaxFailure({ ...d, message: `${d.message} (the '${open.s.image}' at ${open.s.startLine}:${open.s.startColumn} is still open)` });
    }
  }

  /** Start a term: an atom is returned, an opening construct pushes a frame. */
  private open(stack: Frame[]): Term | undefined {
    const s = this.peek();
    if (s === undefined) this.fail("a term");
    if (this.eat(Lambda)) {
      stack.push({ k: "lam", s, bind: this.binder() });
      return undefined;
    }
    if (this.isWord("let")) {
      this.pos++;
      if (this.eat(LParen)) {
        const ctr = this.name("a constructor name").image;
        const binds: Binder[] = [];
        while (!this.eat(RParen)) binds.push(this.binder());
        this.expect(Equals, `'=' after the (${ctr} ...) pattern`);
        stack.push({ k: "letv", s, bind: null, pat: { ctr, binds } });
        return undefined;
      }
      const bind = this.binder();
      this.expect(Equals, "'=' after the let binder");
      stack.push({ k: "letv", s, bind });
      return undefined;
    }
    if (this.isWord("dup")) {
      this.pos++;
      const label = this.eat(Hash) ? this.number() : undefined;
      const l = this.binder();
      const r = this.binder();
      this.expect(Equals, "'=' after the dup binders");
      stack.push({ k: "dupv", s, l, r, ...(label === undefined ? {} : { label }) });
      return undefined;
    }
    if (this.isWord("match")) {
      this.pos++;
      stack.push({ k: "scrut", s });
      return undefined;
    }
    if (this.eat(LParen)) {
      const op = OPERATOR_TOKENS.get(this.peek()?.tokenType as TokenType);
      if (op !== undefined) {
        this.pos++;
        stack.push({ k: "op", s, op, items: [] });
      } else {
        stack.push({ k: "app", s, items: [] });
      }
      return undefined;
    }
    if (this.eat(LBrack)) {
      if (this.eat(RBrack)) return this.at(s, { kind: "list", items: [] });
      stack.push({ k: "list", s, items: [] });
      return undefined;
    }
    if (this.eat(LBrace)) {
      const label = this.eat(Hash) ? this.number() : 1;
      stack.push({ k: "sup", s, label, items: [] });
      return undefined;
    }
    if (this.is(NumLit)) return this.at(s, { kind: "num", value: this.number() });
    if (this.eat(Star)) return this.at(s, { kind: "era" });
    const t = this.name("a term");
    return this.at(s, { kind: "var", name: t.image });
  }

  /** Give a finished subterm to the innermost frame: its own term when complete, else undefined (frame pushed back). */
  private feed(f: Frame, value: Term, stack: Frame[]): Term | undefined {
    const more = (): undefined => {
      stack.push(f);
      return undefined;
    };
    switch (f.k) {
      case "app": {
        f.items.push(value);
        if (!this.eat(RParen)) return more();
        if (f.items.length === 1) return f.items[0];
        const [fun, ...args] = f.items;
        return args.reduce<Term>((acc, arg) => ({ kind: "app", fun: acc, arg, span: this.span(f.s) }), fun);
      }
      case "op":
        f.items.push(value);
        if (f.items.length === 1 && f.op === OPERATOR_TOKENS.get(Tilde) && this.eat(RParen)) {
          return this.at(f.s, { kind: "op", op: f.op, left: { kind: "num", value: 0 }, right: f.items[0] });
        }
        if (f.items.length === 1 && f.op === OPERATOR_TOKENS.get(Star) && this.eat(RParen)) {
          return this.at(f.s, { kind: "app", fun: { kind: "era" }, arg: f.items[0] });
        }
        if (f.items.length < 2) return more();
        this.expect(RParen, "')' after the two operands");
        return this.at(f.s, { kind: "op", op: f.op, left: f.items[0], right: f.items[1] });
      case "lam":
        return this.at(f.s, { kind: "lam", bind: f.bind, body: value });
      case "letv":
        if (this.isWord("in")) this.fail("';' or the body of the let (hvm-lang writes `let x = v; body`, without `in`)");
        this.eat(Semi);
        stack.push({ k: "letb", s: f.s, bind: f.bind, value, ...(f.pat ? { pat: f.pat } : {}) });
        return undefined;
      case "letb":
        if (f.pat) return this.at(f.s, { kind: "case", scrutinee: f.value, arms: [{ ctr: f.pat.ctr, binds: f.pat.binds, body: value }] });
        return this.at(f.s, { kind: "let", bind: f.bind, value: f.value, body: value });
      case "dupv":
        this.eat(Semi);
        stack.push({ k: "dupb", s: f.s, l: f.l, r: f.r, value, ...(f.label === undefined ? {} : { label: f.label }) });
        return undefined;
      case "dupb":
        return this.at(f.s, { kind: "dup", left: f.l, right: f.r, value: f.value, body: value, ...(f.label === undefined ? {} : { label: f.label }) });
      case "scrut":
        this.expect(LBrace, "'{' after the matched term");
        if (this.is(NumLit)) {
          if (this.number() !== 0) this.fail("'0:' as the first arm of a numeric match");
          this.expect(Colon, "':' after 0");
          stack.push({ k: "zero", s: f.s, scrut: value });
        } else {
          stack.push({ k: "arm", s: f.s, scrut: value, arms: [], ...this.armHead() });
        }
        return undefined;
      case "zero": {
        this.eat(Semi);
        let pred: Binder = null;
        if (this.is(NumLit)) {
          if (this.number() !== 1) this.fail("'1+pred:' or '_:' as the second arm");
          this.expect(Plus, "'+' in '1+pred'");
          pred = this.binder();
        } else if (!this.isWord("_")) {
          this.fail("'1+pred:' or '_:' as the second arm");
        } else {
          this.pos++;
        }
        this.expect(Colon, "':' after the successor pattern");
        stack.push({ k: "succ", s: f.s, scrut: f.scrut, zero: value, pred });
        return undefined;
      }
      case "succ":
        this.eat(Semi);
        this.expect(RBrace, "'}' after the two arms of a numeric match");
        return this.at(f.s, { kind: "match", scrutinee: f.scrut, zero: f.zero, pred: f.pred, succ: value });
      case "arm": {
        const arms = [...f.arms, { ctr: f.ctr, binds: f.binds, body: value, span: this.span(f.as) }];
        this.eat(Semi);
        if (this.eat(RBrace)) return this.at(f.s, { kind: "case", scrutinee: f.scrut, arms });
        stack.push({ k: "arm", s: f.s, scrut: f.scrut, arms, ...this.armHead() });
        return undefined;
      }
      case "list":
        f.items.push(value);
        if (this.eat(Comma)) return more();
        this.expect(RBrack, "',' or ']' in a list");
        return this.at(f.s, { kind: "list", items: f.items });
      case "sup":
        f.items.push(value);
        if (f.items.length < 2) return more();
        this.expect(RBrace, "'}' after the two sides of a superposition");
        return this.at(f.s, { kind: "sup", label: f.label, left: f.items[0], right: f.items[1] });
    }
  }

  /** `Ctr:` or `(Ctr a b):` */
  private armHead(): { ctr: string; binds: Binder[]; as: IToken } {
    const as = this.peek()!;
    let ctr: string;
    const binds: Binder[] = [];
    if (this.eat(LParen)) {
      ctr = this.name("a constructor name").image;
      while (!this.eat(RParen)) binds.push(this.binder());
    } else {
      ctr = this.name("a constructor arm (`Ctr:` or `(Ctr fields):`)").image;
    }
    this.expect(Colon, `':' after the ${ctr} pattern`);
    return { ctr, binds, as };
  }
}
