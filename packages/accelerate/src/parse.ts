/**
 * Arrow-function source -> kernel. The source (`fn.toString()`) is parsed
 * with acorn; every accepted construct lowers to a KExpr, every other one is
 * recorded as a diagnostic with its line:col within the function, and all of
 * them are thrown together at the end. Scope functions that are called are
 * parsed the same way (once each), so recursion through the scope works.
 */
import { parseExpressionAt, type Node } from "acorn";
import { AccelerateCode, AccelerateError, type AccelerateDiagnostic } from "./errors.js";
import type { BinOp, KExpr, KFunction, Kernel, Loc } from "./kernel.js";
import { UNSUPPORTED, checkArities } from "./unsupported.js";
import { U24_MAX } from "./values.js";

/** Free identifiers of accelerated functions: u24 numbers and functions. */
export type Scope = Readonly<Record<string, unknown>>;

// acorn's ESTree nodes, read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type N = Node & { [field: string]: any };

const BINOPS: Readonly<Record<string, BinOp>> = {
  "+": "+", "-": "-", "*": "*", "/": "/", "%": "%", "==": "==", "===": "==", "!=": "!=", "!==": "!=",
  "<": "<", ">": ">", "<=": "<=", ">=": ">=", "&": "&", "|": "|", "^": "^", "<<": "<<", ">>": ">>", ">>>": ">>",
};

const describeValue = (v: unknown): string => (Array.isArray(v) ? "an array" : v === null ? "null" : `a ${typeof v}`);

/** Parse the marked function and every scope function it calls. Throws AccelerateError listing every problem. */
export function parseKernel(fn: unknown, role: string, arity: number, scope: Scope = {}): Kernel {
  const diags: AccelerateDiagnostic[] = [];
  const main = parseFunction(fn, role, scope, diags, arity);
  const fns = new Map<string, KFunction>();
  const pending = [...main.calls];
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (fns.has(name)) continue;
    const parsed = parseFunction(scope[name], name, scope, diags);
    fns.set(name, parsed.fn);
    pending.push(...parsed.calls);
  }
  checkArities(main.fn, fns, diags);
  if (diags.length > 0) throw new AccelerateError(diags);
  return { main: main.fn, fns };
}

function parseFunction(
  value: unknown,
  name: string,
  scope: Scope,
  diags: AccelerateDiagnostic[],
  arity?: number,
): { fn: KFunction; calls: string[] } {
  const empty = (source: string): { fn: KFunction; calls: string[] } => ({ fn: { name, params: [], body: { k: "num", value: 0, loc: { line: 1, col: 1 } }, source }, calls: [] });
  const report = (loc: Loc, message: string, code: AccelerateCode = AccelerateCode.UNSUPPORTED): void => {
    diags.push({ code, fn: name, line: loc.line, col: loc.col, message });
  };
  if (typeof value !== "function") {
    report({ line: 1, col: 1 }, `expected a function, got ${describeValue(value)}`);
    return empty(String(value));
  }
  const source = value.toString();
  let node: N;
  try {
    node = parseExpressionAt(source, 0, { ecmaVersion: "latest", locations: true }) as N;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    report(
      loc ? { line: loc.line, col: loc.column + 1 } : { line: 1, col: 1 },
      `cannot parse the function's source (${(e as Error).message.replace(/ \(\d+:\d+\)$/, "")}): pass an arrow function or a function expression, not a method or a native function`,
    );
    return empty(source);
  }
  const conv = new Converter(name, scope, report, arity === undefined);
  const fn = conv.fn(node, arity);
  return { fn: { ...fn, source }, calls: [...conv.calls] };
}

/** `let a = x in let b = y in body`. */
const lets = (bindings: ReadonlyArray<readonly [string, KExpr, Loc]>, body: KExpr): KExpr =>
  bindings.reduceRight<KExpr>((acc, [name, value, loc]) => ({ k: "let", name, value, body: acc, loc }), body);

class Converter {
  readonly calls = new Set<string>();
  private fresh = 0;
  /** A scope function's own name (`function fib2(n)` passed as `fib`, as bundlers rename): calls to it are calls to itself. */
  private selfName: string | null = null;

  constructor(
    private readonly name: string,
    private readonly scope: Scope,
    private readonly report: (loc: Loc, message: string, code?: AccelerateCode) => void,
    private readonly inScope: boolean,
  ) {}

  private loc(n: Node): Loc {
    return n.loc ? { line: n.loc.start.line, col: n.loc.start.column + 1 } : { line: 1, col: 1 };
  }

  private zero(n: Node): KExpr {
    return { k: "num", value: 0, loc: this.loc(n) };
  }

  fn(node: N, arity?: number): Omit<KFunction, "source"> {
    const loc = this.loc(node);
    if (node.type !== "ArrowFunctionExpression" && node.type !== "FunctionExpression") {
      this.report(loc, "expected an arrow function or a function expression (methods, classes and native functions cannot be accelerated)");
      return { name: this.name, params: [], body: this.zero(node) };
    }
    if (this.inScope && node.type === "FunctionExpression" && node.id && node.id.name !== this.name) this.selfName = node.id.name;
    if (node.async) this.report(loc, UNSUPPORTED.AwaitExpression);
    if (node.generator) this.report(loc, UNSUPPORTED.YieldExpression);
    const params: string[] = [];
    const unpack: Array<[string, KExpr, Loc]> = [];
    for (const p of node.params as N[]) {
      if (p.type === "Identifier") {
        params.push(p.name);
      } else if (p.type === "ArrayPattern" && !this.inScope) {
        const name = `$p${this.fresh++}`;
        params.push(name);
        unpack.push(...this.destructure(p, { k: "var", name, loc: this.loc(p) }));
      } else {
        this.report(this.loc(p), "only plain parameters (and array patterns like [a, b] in the marked function) are supported: no defaults or rest");
      }
    }
    if (arity !== undefined && params.length !== arity) {
      this.report(loc, `${this.name} takes a function of ${arity} parameter${arity === 1 ? "" : "s"}, this one has ${params.length}`, AccelerateCode.ARITY);
    }
    const env = new Set([...params, ...unpack.map(([n]) => n)]);
    const body = node.body as N;
    let out: KExpr | null;
    if (body.type !== "BlockStatement") {
      out = this.expr(body, env);
    } else {
      this.unreachable(body.body);
      out = this.block(body.body, 0, env);
      if (out === null) this.report(loc, "not every path returns a value: end every branch with return");
    }
    return { name: this.name, params, body: lets(unpack, out ?? this.zero(node)) };
  }

  /** `[a, [b, c]] = source` as bindings of items, nested patterns included. */
  private destructure(p: N, source: KExpr): Array<[string, KExpr, Loc]> {
    if (p.type === "Identifier") return [[p.name, source, this.loc(p)]];
    if (p.type !== "ArrayPattern") {
      this.report(this.loc(p), "only names and array patterns like [a, b] can be bound (no defaults, rest or object patterns)");
      return [];
    }
    const out: Array<[string, KExpr, Loc]> = [];
    (p.elements as Array<N | null>).forEach((el, i) => {
      if (el !== null) out.push(...this.destructure(el, { k: "index", a: source, i, loc: this.loc(el) }));
    });
    return out;
  }

  /** Report the first statement after a return in one source block. */
  private unreachable(stmts: readonly N[]): void {
    const r = stmts.findIndex((s) => s.type === "ReturnStatement");
    if (r >= 0 && r + 1 < stmts.length) this.report(this.loc(stmts[r + 1]), "unreachable code after return: remove it");
  }

  /** Statements from index i on, as one expression; null when a path falls off the end. */
  private block(stmts: readonly N[], i: number, env: ReadonlySet<string>): KExpr | null {
    if (i >= stmts.length) return null;
    const s = stmts[i];
    const loc = this.loc(s);
    switch (s.type) {
      case "EmptyStatement":
        return this.block(stmts, i + 1, env);
      case "ReturnStatement":
        if (!s.argument) {
          this.report(loc, "return needs a value");
          return this.zero(s);
        }
        return this.expr(s.argument, env);
      case "BlockStatement":
        this.unreachable(s.body);
        return this.block([...s.body, ...stmts.slice(i + 1)], 0, env);
      case "IfStatement": {
        const test = this.expr(s.test, env);
        const asList = (b: N): N[] => (b.type === "BlockStatement" ? (this.unreachable(b.body), b.body) : [b]);
        const rest = stmts.slice(i + 1);
        const then = this.block([...asList(s.consequent), ...(s.alternate ? [] : rest)], 0, env);
        const otherwise = s.alternate ? this.block([...asList(s.alternate), ...rest], 0, env) : this.block(rest, 0, env);
        if (then === null || otherwise === null) return null;
        return { k: "cond", test, then, else: otherwise, loc };
      }
      case "VariableDeclaration": {
        if (s.kind !== "const") {
          this.report(loc, "`let` and `var` bindings are mutable: use const");
        }
        const decls = s.declarations as N[];
        const bound = new Set(env);
        const values: Array<[string, KExpr, Loc]> = [];
        for (const d of decls) {
          if (!d.init) {
            this.report(this.loc(d), "const needs a value");
            continue;
          }
          const value = this.expr(d.init, bound);
          if (d.id.type === "Identifier") {
            values.push([d.id.name, value, this.loc(d)]);
          } else {
            const name = `$d${this.fresh++}`;
            values.push([name, value, this.loc(d)], ...this.destructure(d.id, { k: "var", name, loc: this.loc(d.id) }));
          }
          for (const [name] of values) bound.add(name);
        }
        const body = this.block(stmts, i + 1, bound);
        if (body === null) return null;
        return lets(values, body);
      }
      default:
        this.report(loc, UNSUPPORTED[s.type] ?? `${s.type} is not supported in accelerated functions`);
        return this.block(stmts, i + 1, env);
    }
  }

  private expr(e: N, env: ReadonlySet<string>): KExpr {
    const loc = this.loc(e);
    switch (e.type) {
      case "Literal":
        return this.literal(e, loc);
      case "Identifier":
        return this.identifier(e.name, env, loc);
      case "BinaryExpression": {
        const op = BINOPS[e.operator];
        if (!op) {
          this.report(loc, `operator ${e.operator} is not supported: use + - * / % comparisons, & | ^ << >> >>>`);
          return this.zero(e);
        }
        return { k: "bin", op, a: this.expr(e.left, env), b: this.expr(e.right, env), loc };
      }
      case "LogicalExpression": {
        const a = this.expr(e.left, env);
        const b = this.expr(e.right, env);
        if (e.operator === "&&") return { k: "cond", test: a, then: b, else: { k: "num", value: 0, loc }, loc };
        if (e.operator === "||") {
          const t = `$or${this.fresh++}`;
          const v: KExpr = { k: "var", name: t, loc };
          return { k: "let", name: t, value: a, body: { k: "cond", test: v, then: v, else: b, loc }, loc };
        }
        this.report(loc, "?? is not supported: values are never null or undefined");
        return this.zero(e);
      }
      case "UnaryExpression": {
        const a = this.expr(e.argument, env);
        if (e.operator === "+") return a;
        if (e.operator === "-" || e.operator === "~" || e.operator === "!") return { k: "un", op: e.operator, a, loc };
        this.report(loc, `unary ${e.operator} is not supported`);
        return this.zero(e);
      }
      case "ConditionalExpression":
        return { k: "cond", test: this.expr(e.test, env), then: this.expr(e.consequent, env), else: this.expr(e.alternate, env), loc };
      case "CallExpression":
        return this.call(e, env, loc);
      case "ArrayExpression": {
        const items: KExpr[] = [];
        for (const el of e.elements as Array<N | null>) {
          if (el === null) this.report(loc, "arrays with holes are not supported");
          else if (el.type === "SpreadElement") this.report(this.loc(el), UNSUPPORTED.SpreadElement);
          else items.push(this.expr(el, env));
        }
        if (items.length === 0) this.report(loc, "empty arrays are not supported: results are numbers or non-empty fixed-size arrays");
        return { k: "tuple", items, loc };
      }
      case "ParenthesizedExpression":
        return this.expr(e.expression, env);
      case "MemberExpression":
        if (e.computed && e.property.type === "Literal" && Number.isInteger(e.property.value) && e.property.value >= 0 && !e.optional) {
          return { k: "index", a: this.expr(e.object, env), i: e.property.value as number, loc };
        }
        this.report(loc, UNSUPPORTED.MemberExpression);
        return this.zero(e);
      default:
        this.report(loc, UNSUPPORTED[e.type] ?? `${e.type} is not supported in accelerated functions`);
        return this.zero(e);
    }
  }

  private literal(e: N, loc: Loc): KExpr {
    const v = e.value;
    if (typeof v === "boolean") return { k: "num", value: v ? 1 : 0, loc };
    if (typeof v === "number") {
      if (!Number.isInteger(v) || v < 0 || v > U24_MAX) {
        this.report(loc, `number ${e.raw} is outside the u24 model: literals must be integers 0..${U24_MAX}`, AccelerateCode.RANGE);
        return { k: "num", value: 0, loc };
      }
      return { k: "num", value: v, loc };
    }
    if (typeof v === "string") this.report(loc, UNSUPPORTED.TemplateLiteral);
    else if (e.bigint !== undefined) this.report(loc, "BigInt is not supported: numbers are u24 (0..16777215)");
    else if (e.regex !== undefined) this.report(loc, "regular expressions are not supported");
    else this.report(loc, "null is not supported: values are u24 numbers");
    return { k: "num", value: 0, loc };
  }

  private identifier(name: string, env: ReadonlySet<string>, loc: Loc): KExpr {
    if (env.has(name)) return { k: "var", name, loc };
    if (name === "undefined" || name === "NaN" || name === "Infinity") {
      this.report(loc, `${name} is not a u24 number`);
      return { k: "num", value: 0, loc };
    }
    if (!Object.prototype.hasOwnProperty.call(this.scope, name)) {
      this.report(loc, `free identifier '${name}': it is not a parameter or a const, pass it in options.scope ({ scope: { ${name} } })`, AccelerateCode.FREE_IDENTIFIER);
      return { k: "num", value: 0, loc };
    }
    const v = this.scope[name];
    if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= U24_MAX) return { k: "num", value: v, loc };
    if (typeof v === "function") this.report(loc, `'${name}' is a function: functions are not values here, call it as ${name}(...)`);
    else this.report(loc, `scope value '${name}' is ${typeof v === "number" ? `${v}` : describeValue(v)}: only functions and integers 0..${U24_MAX} can be passed in scope`);
    return { k: "num", value: 0, loc };
  }

  private call(e: N, env: ReadonlySet<string>, loc: Loc): KExpr {
    const args = (e.arguments as N[]).map((a) => (a.type === "SpreadElement" ? (this.report(this.loc(a), UNSUPPORTED.SpreadElement), this.zero(a)) : this.expr(a, env)));
    const callee = e.callee as N;
    if (e.optional) this.report(loc, UNSUPPORTED.ChainExpression);
    if (callee.type === "MemberExpression" && !callee.computed && callee.object.type === "Identifier" && callee.object.name === "Math" && !env.has("Math")) {
      return this.mathCall(callee.property.name as string, args, loc);
    }
    if (callee.type !== "Identifier") {
      this.report(loc, "only calls of functions passed in options.scope (and Math.floor/min/max) are supported");
      return this.zero(e);
    }
    const name = callee.name === this.selfName && !env.has(callee.name) ? this.name : (callee.name as string);
    if (env.has(name)) {
      this.report(loc, `'${name}' is a parameter or a const: calling it is not supported (functions are not values); pass the function in options.scope`);
      return this.zero(e);
    }
    if (typeof this.scope[name] !== "function") {
      if (Object.prototype.hasOwnProperty.call(this.scope, name)) this.report(loc, `scope value '${name}' is not a function`);
      else this.report(loc, `free identifier '${name}': pass the function in options.scope ({ scope: { ${name} } })`, AccelerateCode.FREE_IDENTIFIER);
      return this.zero(e);
    }
    this.calls.add(name);
    return { k: "call", fn: name, args, loc };
  }

  private mathCall(fn: string, args: KExpr[], loc: Loc): KExpr {
    if (fn === "floor" && args.length === 1) return { k: "floor", a: args[0], loc };
    if ((fn === "min" || fn === "max") && args.length === 2) {
      const [x, y] = [`$m${this.fresh++}`, `$m${this.fresh++}`];
      const vx: KExpr = { k: "var", name: x, loc };
      const vy: KExpr = { k: "var", name: y, loc };
      const test: KExpr = { k: "bin", op: fn === "min" ? "<" : ">", a: vx, b: vy, loc };
      return { k: "let", name: x, value: args[0], body: { k: "let", name: y, value: args[1], body: { k: "cond", test, then: vx, else: vy, loc }, loc }, loc };
    }
    this.report(loc, `Math.${fn} with ${args.length} argument(s) is not supported: only Math.floor(x), Math.min(a, b) and Math.max(a, b)`);
    return { k: "num", value: 0, loc };
  }
}

