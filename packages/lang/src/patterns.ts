/**
 * Pattern compilation: the equations of a definition become one term,
 * `λa0 .. λan-1 tree`, where `tree` tests one argument column at a time:
 *
 * - constructor patterns: a `case` on the column's data type, one arm per
 *   constructor (Scott encoding); a variable pattern in such a column binds
 *   the value rebuilt from the arm's fields (no DUP needed);
 * - numeric patterns with small values (<= 8): a chain of `match` on the
 *   predecessor; larger ones: `match (== v x)` tests. A variable pattern
 *   there binds the number (a literal in a value's own branch).
 *
 * The first equation that matches wins. A missing case is reported as a
 * non-exhaustive definition, naming the first missing constructor or
 * the missing default of a numeric column.
 */
import { OP } from "@hvm/ir";
import type { Definition, Pattern, Rule, Term } from "./ast.js";
import { App, Case, Era, Lams, Let, Match, Num, Op, Var, arm } from "./ast.js";
import type { Env } from "./env.js";
import { Diagnostics, LangErrorCode } from "./errors.js";

interface Row {
  readonly pats: readonly Pattern[];
  readonly binds: ReadonlyArray<readonly [string, Term]>;
  readonly rule: Rule;
}

/** The largest literal compiled as a predecessor chain rather than equality tests. */
const PRED_CHAIN_MAX = 8;

export class PatternCompiler {
  private fresh = 0;

  constructor(
    private readonly env: Env,
    private readonly diags: Diagnostics,
  ) {}

  /** One term for all equations of a definition. */
  compile(d: Definition): Term {
    const arity = d.rules[0]?.pats.length ?? 0;
    if (arity === 0) return d.rules[0].body;
    const args = Array.from({ length: arity }, () => this.name());
    const rows: Row[] = d.rules.filter((r) => r.pats.length === arity).map((rule) => ({ pats: rule.pats, binds: [], rule }));
    return Lams(args, this.rows(d, args, rows));
  }

  private name(): string {
    return `%${this.fresh++}`;
  }

  private rows(d: Definition, args: readonly string[], rows: readonly Row[]): Term {
    if (rows.length === 0) return Era();
    const first = rows[0];
    const col = first.pats.findIndex((p) => p.kind !== "pvar");
    if (col < 0) {
      const binds: Array<readonly [string, Term]> = [...first.binds];
      first.pats.forEach((p, i) => {
        if (p.kind === "pvar" && p.bind !== null) binds.push([p.bind, Var(args[i])]);
      });
      return binds.reduceRight<Term>((body, [x, v]) => Let(x, v, body), first.rule.body);
    }
    const p = first.pats[col];
    return p.kind === "pctr" ? this.ctrColumn(d, args, rows, col, p.name) : this.numColumn(d, args, rows, col);
  }

  private ctrColumn(d: Definition, args: readonly string[], rows: readonly Row[], col: number, ctrName: string): Term {
    const info = this.env.ctrs.get(ctrName)!;
    const arms = info.type.ctrs.map((ctr) => {
      const fields = ctr.fields.map(() => this.name());
      const sub: Row[] = [];
      for (const row of rows) {
        const p = row.pats[col];
        const rest = [...row.pats.slice(0, col), ...row.pats.slice(col + 1)];
        if (p.kind === "pctr" && p.name === ctr.name) {
          sub.push({ ...row, pats: [...rest, ...p.args] });
        } else if (p.kind === "pvar") {
          const wild = fields.map((): Pattern => ({ kind: "pvar", bind: null }));
          const binds = p.bind === null ? row.binds : [...row.binds, [p.bind, App(Var(ctr.name), ...fields.map(Var))] as const];
          sub.push({ ...row, pats: [...rest, ...wild], binds });
        } else if (p.kind === "pnum") {
          this.diags.add(LangErrorCode.PATTERN, `a number pattern in a column of ${info.type.name} constructors`, p.span ?? row.rule.span, d.name);
        } else if (!this.env.ctrs.has(p.name) || this.env.ctrs.get(p.name)!.type !== info.type) {
          this.diags.add(LangErrorCode.PATTERN, `constructor ${p.name} in a column of ${info.type.name} constructors`, p.span ?? row.rule.span, d.name);
        }
      }
      if (sub.length === 0) {
        this.diags.add(
          LangErrorCode.NON_EXHAUSTIVE,
          `non-exhaustive equations for ${d.name}: no equation matches ${ctr.name} in argument ${col + 1}; add an equation for it or a variable/_ case`,
          d.span ?? d.rules[0].span,
          d.name,
        );
      }
      const nextArgs = [...args.slice(0, col), ...args.slice(col + 1), ...fields];
      return arm(ctr.name, fields, this.rows(d, nextArgs, sub));
    });
    return Case(Var(args[col]), arms);
  }

  private numColumn(d: Definition, args: readonly string[], rows: readonly Row[], col: number): Term {
    const values = [...new Set(rows.flatMap((r) => (r.pats[col].kind === "pnum" ? [(r.pats[col] as { value: number }).value] : [])))].sort((a, b) => a - b);
    for (const row of rows) {
      const p = row.pats[col];
      if (p.kind === "pctr") this.diags.add(LangErrorCode.PATTERN, `constructor ${p.name} in a column of numbers`, p.span ?? row.rule.span, d.name);
    }
    const rest = [...args.slice(0, col), ...args.slice(col + 1)];
    // Rows that match the value `v` (a literal, or any number when v is undefined), with column `col` removed.
    const select = (v: number | undefined, self: Term): Row[] => {
      const out: Row[] = [];
      for (const row of rows) {
        const p = row.pats[col];
        const pats = [...row.pats.slice(0, col), ...row.pats.slice(col + 1)];
        if (p.kind === "pnum" && p.value === v) out.push({ ...row, pats });
        else if (p.kind === "pvar") out.push({ ...row, pats, binds: p.bind === null ? row.binds : [...row.binds, [p.bind, self] as const] });
      }
      return out;
    };
    const branch = (v: number | undefined, self: Term): Term => {
      const sub = select(v, self);
      if (sub.length === 0) {
        const what = v === undefined ? `numbers other than ${values.join(", ")}` : `the number ${v}`;
        this.diags.add(LangErrorCode.NON_EXHAUSTIVE, `non-exhaustive equations for ${d.name}: nothing matches ${what} in argument ${col + 1}; add a variable or _ case`, d.span ?? d.rules[0].span, d.name);
      }
      return this.rows(d, rest, sub);
    };
    const x = args[col];
    const max = values[values.length - 1];
    if (max <= PRED_CHAIN_MAX) {
      // match x {0: R(0); 1+p1: match p1 {0: R(1); 1+p2: ... default with x = (+ k pk)}}
      const build = (k: number, cur: string): Term => {
        if (k > max) return branch(undefined, k === 0 ? Var(cur) : Op(OP.ADD, Num(k), Var(cur)));
        const p = this.name();
        return Match(Var(cur), branch(values.includes(k) ? k : undefined, Num(k)), p, build(k + 1, p));
      };
      return build(0, x);
    }
    const tests = (i: number): Term => {
      if (i === values.length) return branch(undefined, Var(x));
      const v = values[i];
      return Match(Op(OP.EQ, Num(v), Var(x)), tests(i + 1), null, branch(v, Num(v)));
    };
    return tests(0);
  }
}
