/**
 * Encoding of core terms (after pattern compilation and lambda lifting) as
 * interaction nets, one closed net per definition:
 *
 *   λx b       (x' b')                 a CON: binder port, body port
 *   (f a)      f' ~ (a' r), value r    a CON applied through its main port
 *   #n         #n
 *   (op a b)   #op ~ <a' <b' r>>       a' a constant: #tagged(op, a) ~ <b' r>;
 *                                      b' a constant: the same with the operands swapped
 *   match      n' ~ ?((z' s') r)       s' is λpred succ
 *   dup        {L a b} ~ v'
 *   Ctr a..    λc1..λck (ci a..)       inlined when saturated (Scott encoding)
 *
 * A binder used n times becomes `*` (n = 0), a wire (n = 1) or a chain of
 * n - 1 DUP nodes (labels below). Links `x ~ T` are substituted away at the end, so the
 * printed nets have no variable-headed redexes.
 */
import * as ir from "@hvm/ir";
import type { Binder, Term } from "./ast.js";
import type { CtrInfo } from "./env.js";
import { drive } from "./terms.js";
import { type Diagnostics, LangErrorCode } from "./errors.js";

export interface Globals {
  readonly defs: ReadonlySet<string>;
  readonly ctrs: ReadonlyMap<string, CtrInfo>;
  /** Constructor definitions referenced unsaturated, filled in while encoding. */
  readonly ctrDefsUsed: Set<string>;
}

interface Binding {
  readonly uses: string[];
  /** An explicit `dup #L` label; automatic DUP chains take the next label when closed. */
  readonly label?: number;
  /** For a let: the DUP labels inside its value, which every use carries along. */
  valueLabels?: ReadonlySet<number>;
  /** Some use applies it (it is the head of an application). */
  functional?: boolean;
  /** The value level of the binder (see `level`). */
  readonly depth: number;
}

/**
 * Automatic DUP labels come from two pools: variables applied as functions
 * (whose values are lambdas that may duplicate inside) take 3..5, all other
 * variables 1..2. A DUP copying a function then never meets a DUP of the
 * function's own argument with the same label. Within a pool the label
 * follows the binder's value level (the arguments, fields and let values
 * around it), so a DUP inside a function passed as an argument differs from
 * the DUP of the callee that copies it, up to three levels of nesting; the
 * function labels also rotate from one definition to the next.
 */
const FUNCTION_LABELS: readonly number[] = [3, 4, 5];
const DATA_LABELS: readonly number[] = [1, 2];
const NO_LABELS: ReadonlySet<number> = new Set();

export class Encoder {
  private fresh = 0;
  /**
   * How many values that may be copied enclose the term being encoded:
   * application arguments, constructor fields, list items, let and dup
   * values. A function passed as an argument is copied by the callee's DUP;
   * the DUPs inside it sit one level deeper and so take another label.
   */
  private depth = 0;
  /** Rotates the function labels per definition, so separate definitions (Church numerals) differ. */
  private functionOffset = 0;
  private usedFunctionLabel = false;
  private redexes: ir.Redex[] = [];
  private readonly scope = new Map<string, Binding[]>();
  /** Labels of the DUP nodes made so far, in order. */
  private labelsMade: number[] = [];
  /** Definitions referenced so far, in order. */
  private refsMade: string[] = [];
  /** Labels carried by uses of let-bound variables, in order. */
  private touched: number[] = [];
  private current = "";
  /** The DUP labels each encoded definition uses. */
  readonly defLabels = new Map<string, Set<number>>();
  /** Applications of a definition to itself, checked once every definition is encoded. */
  readonly selfApps: Array<{ readonly name: string; readonly def: string; readonly span?: ir.Span }> = [];

  constructor(
    private readonly globals: Globals,
    private readonly diags: Diagnostics,
  ) {}

  /** Encode a closed term as the net of definition `name`. */
  net(name: string, term: Term): ir.Net {
    this.redexes = [];
    this.current = name;
    const mark = this.labelsMade.length;
    this.usedFunctionLabel = false;
    const root = drive(term, (t) => this.step(t));
    if (this.usedFunctionLabel) this.functionOffset++;
    this.defLabels.set(name, new Set(this.labelsMade.slice(mark)));
    return substituteLinks({ root, redexes: this.redexes });
  }

  /** Report applications `(D .. D ..)` of a definition whose copies would share DUP labels. */
  checkSelfApplications(): void {
    for (const a of this.selfApps) {
      const labels = this.defLabels.get(a.name);
      if (!labels || labels.size === 0) continue;
      this.diags.add(
        LangErrorCode.DUP_UNSAFE,
        `${a.name} is applied to a copy of itself: both copies duplicate with the same DUP label(s) #${[...labels].join(", #")}, so their DUP nodes would annihilate instead of copying each other; apply it to a second definition that uses other labels (dup #k a b = x; ...)`,
        a.span,
        a.def,
      );
    }
  }

  /** The labels of DUP nodes made, and of definitions referenced, since `mark`. */
  private labelsSince(mark: { labels: number; refs: number; touched: number }): Set<number> {
    const out = new Set([...this.labelsMade.slice(mark.labels), ...this.touched.slice(mark.touched)]);
    for (const r of this.refsMade.slice(mark.refs)) for (const l of this.defLabels.get(r) ?? []) out.add(l);
    return out;
  }

  private mark(): { labels: number; refs: number; touched: number } {
    return { labels: this.labelsMade.length, refs: this.refsMade.length, touched: this.touched.length };
  }

  /** A label for a DUP chain that copies a value using the labels `avoid`. */
  private labelFor(name: Binder, explicit: number | undefined, avoid: ReadonlySet<number>, functional: boolean, depth: number, span?: ir.Span): number {
    if (explicit !== undefined) {
      if (avoid.has(explicit)) {
        this.diags.add(
          LangErrorCode.DUP_UNSAFE,
          `${name ?? "a value"} is duplicated with label #${explicit}, but its value already duplicates a variable inside a lambda with label #${explicit}: the two DUP nodes would annihilate instead of copying; use another label (1..5) not used inside the value`,
          span,
          this.current,
        );
      }
      return explicit;
    }
    for (const pool of [functional, !functional]) {
      const labels = pool ? FUNCTION_LABELS : DATA_LABELS;
      for (let i = 0; i < labels.length; i++) {
        const l = this.autoLabel(pool, depth + i);
        if (!avoid.has(l)) return l;
      }
    }
    this.diags.add(
      LangErrorCode.DUP_UNSAFE,
      `${name ?? "a value"} is used more than once, but its value already uses every DUP label (1..5), so copying it would annihilate one of its own DUP nodes; lift the value to a top-level definition (each use of a definition is a fresh copy) or use it once`,
      span,
      this.current,
    );
    return FUNCTION_LABELS[0];
  }

  private name(): string {
    return `w${this.fresh++}`;
  }

  private autoLabel(functional: boolean, depth: number): number {
    if (!functional) return DATA_LABELS[depth % DATA_LABELS.length];
    this.usedFunctionLabel = true;
    return FUNCTION_LABELS[(depth + this.functionOffset) % FUNCTION_LABELS.length];
  }

  private link(a: ir.Tree, b: ir.Tree): void {
    this.redexes.push({ left: a, right: b });
  }

  private bind(name: Binder, label?: number): Binding {
    const b: Binding = label === undefined ? { uses: [], depth: this.depth } : { uses: [], label, depth: this.depth };
    if (name !== null) {
      const stack = this.scope.get(name);
      if (stack) stack.push(b);
      else this.scope.set(name, [b]);
    }
    return b;
  }

  /** Close a binder: the tree at its binding site. */
  private unbind(name: Binder, b: Binding, avoid: ReadonlySet<number> = NO_LABELS, span?: ir.Span): ir.Tree {
    if (name !== null) this.scope.get(name)!.pop();
    const uses = b.uses;
    if (uses.length === 0) return ir.era();
    let t: ir.Tree = ir.v(uses[uses.length - 1]);
    if (uses.length === 1) return t;
    const functional = b.functional === true;
    const label = avoid.size === 0 ? (b.label ?? this.autoLabel(functional, b.depth)) : this.labelFor(name, b.label, avoid, functional, b.depth, span);
    for (let i = 0; i < uses.length - 1; i++) this.labelsMade.push(label);
    for (let i = uses.length - 2; i >= 0; i--) t = ir.ctr(label, ir.v(uses[i]), t);
    return t;
  }

  /** One term's tree; subterms are yielded to `drive`, so deep terms use no JS stack. */
  private *step(t: Term): Generator<Term, ir.Tree, ir.Tree> {
    switch (t.kind) {
      case "var":
        return this.encVar(t.name);
      case "lam": {
        const b = this.bind(t.bind);
        const body = yield t.body;
        return ir.con(this.unbind(t.bind, b), body);
      }
      case "app":
        return yield* this.encApp(t);
      case "num":
        return ir.num(t.value);
      case "op": {
        const a = yield t.left;
        const b = yield t.right;
        const r = this.name();
        const flipped = a.kind !== "num" && b.kind === "num" ? constantFirst(t.op, b.value) : undefined;
        if (a.kind === "num") this.link(ir.num(ir.tagged(t.op, a.value)), ir.op2(b, ir.v(r)));
        else if (flipped) this.link(ir.num(ir.tagged(flipped.op, flipped.value)), ir.op2(a, ir.v(r)));
        else this.link(ir.num(t.op), ir.op2(a, ir.op2(b, ir.v(r))));
        return ir.v(r);
      }
      case "match": {
        const n = yield t.scrutinee;
        const zero = yield t.zero;
        let succ: ir.Tree;
        if (t.lifted) {
          succ = yield t.succ;
        } else {
          const b = this.bind(t.pred);
          const body = yield t.succ;
          succ = ir.con(this.unbind(t.pred, b), body);
        }
        const r = this.name();
        this.link(n, ir.mat(ir.con(zero, succ), ir.v(r)));
        return ir.v(r);
      }
      case "case": {
        const head = yield t.scrutinee;
        const arms: ir.Tree[] = [];
        // The Scott encoding takes one function per constructor, in declaration order.
        const ordered = [...t.arms].sort((a, b) => this.globals.ctrs.get(a.ctr)!.index - this.globals.ctrs.get(b.ctr)!.index);
        for (const a of ordered) arms.push(yield* this.encLams(a.binds, a.body));
        return this.applyTree(head, arms);
      }
      case "let": {
        const m = this.mark();
        const value = yield* this.nested(t.value);
        const inside = copiesLambda(t.value) ? this.labelsSince(m) : NO_LABELS;
        const b = this.bind(t.bind);
        b.valueLabels = inside;
        const body = yield t.body;
        this.link(this.unbind(t.bind, b, inside, t.span), value);
        return body;
      }
      case "dup": {
        const m = this.mark();
        const value = yield* this.nested(t.value);
        const inside = copiesLambda(t.value) ? this.labelsSince(m) : NO_LABELS;
        const l = this.bind(t.left);
        const r = this.bind(t.right);
        const body = yield t.body;
        const label = this.labelFor(t.left, t.label, inside, l.functional === true || r.functional === true, this.depth, t.span);
        this.labelsMade.push(label);
        const rt = this.unbind(t.right, r);
        const lt = this.unbind(t.left, l);
        this.link(ir.ctr(label, lt, rt), value);
        return body;
      }
      case "era":
        return ir.era();
      case "list": {
        const items: ir.Tree[] = [];
        for (const x of t.items) items.push(yield* this.nested(x));
        let tail = this.ctrValue(this.globals.ctrs.get("Nil")!, []);
        for (let i = items.length - 1; i >= 0; i--) tail = this.ctrValue(this.globals.ctrs.get("Cons")!, [items[i], tail]);
        return tail;
      }
      case "sup":
        this.labelsMade.push(t.label);
        const left = yield t.left;
        return ir.ctr(t.label, left, yield t.right);
    }
  }

  /** A value that may be copied (an argument, a field, a let value): one level deeper. */
  private *nested(t: Term): Generator<Term, ir.Tree, ir.Tree> {
    this.depth++;
    const out = yield t;
    this.depth--;
    return out;
  }

  private *encLams(binds: readonly Binder[], body: Term): Generator<Term, ir.Tree, ir.Tree> {
    const bs = binds.map((x) => this.bind(x));
    const bt = yield body;
    let out = bt;
    for (let i = binds.length - 1; i >= 0; i--) out = ir.con(this.unbind(binds[i], bs[i]), out);
    return out;
  }

  private encVar(name: string): ir.Tree {
    const stack = this.scope.get(name);
    if (stack && stack.length > 0) {
      const u = this.name();
      const b = stack[stack.length - 1];
      b.uses.push(u);
      if (b.valueLabels) this.touched.push(...b.valueLabels);
      return ir.v(u);
    }
    if (this.globals.defs.has(name)) {
      this.refsMade.push(name);
      return ir.ref(name);
    }
    const info = this.globals.ctrs.get(name);
    if (info) {
      if (info.arity === 0) return this.ctrValue(info, []);
      this.globals.ctrDefsUsed.add(name);
      return ir.ref(name);
    }
    throw new Error(`internal: unbound variable '${name}' reached the encoder`);
  }

  private *encApp(t: Term): Generator<Term, ir.Tree, ir.Tree> {
    const args: Term[] = [];
    let head = t;
    while (head.kind === "app") {
      args.push(head.arg);
      head = head.fun;
    }
    args.reverse();
    if (head.kind === "var" && !this.scope.get(head.name)?.length && !this.globals.defs.has(head.name)) {
      const info = this.globals.ctrs.get(head.name);
      if (info && args.length >= info.arity) {
        const trees: ir.Tree[] = [];
        for (const a of args) trees.push(yield* this.nested(a));
        return this.applyTree(this.ctrValue(info, trees.slice(0, info.arity)), trees.slice(info.arity));
      }
    }
    if (head.kind === "var" && !this.scope.get(head.name)?.length && this.globals.defs.has(head.name)) {
      if (args.some((a) => a.kind === "var" && a.name === head.name && !this.scope.get(a.name)?.length)) {
        this.selfApps.push({ name: head.name, def: this.current, ...(t.span ? { span: t.span } : {}) });
      }
    }
    if (head.kind === "var") {
      const stack = this.scope.get(head.name);
      if (stack && stack.length > 0) stack[stack.length - 1].functional = true;
    }
    const f = yield head;
    const trees: ir.Tree[] = [];
    for (const a of args) trees.push(yield* this.nested(a));
    return this.applyTree(f, trees);
  }

  /** `(f a1 .. an)` on trees: one application node each. */
  private applyTree(f: ir.Tree, args: readonly ir.Tree[]): ir.Tree {
    let fun = f;
    for (const a of args) {
      const r = this.name();
      this.link(fun, ir.con(a, ir.v(r)));
      fun = ir.v(r);
    }
    return fun;
  }

  /** The Scott encoding of a saturated constructor: λc1 .. λck (ci f1 .. fn). */
  ctrValue(info: CtrInfo, fields: readonly ir.Tree[]): ir.Tree {
    const r = this.name();
    let call: ir.Tree = ir.v(r);
    for (let i = fields.length - 1; i >= 0; i--) call = ir.con(fields[i], call);
    let out: ir.Tree = ir.v(r);
    for (let i = info.type.ctrs.length - 1; i >= 0; i--) out = ir.con(i === info.index ? call : ir.era(), out);
    return out;
  }
}

/**
 * Whether a let or dup value may be a lambda whose inner DUPs get copied: a
 * lambda, or a variable (possibly bound to one). Other values (numbers,
 * applications computing numbers) use DUPs while computing, not after.
 */
const copiesLambda = (t: Term): boolean => t.kind === "lam" || t.kind === "var";

const COMMUTATIVE: ReadonlySet<number> = new Set([ir.OP.ADD, ir.OP.MUL, ir.OP.EQ, ir.OP.NE, ir.OP.AND, ir.OP.OR, ir.OP.XOR]);

/**
 * `(op x #k)` as `(op' #k' x)`, so the constant carries the operator and the
 * operation costs 2 OPER instead of 4: commutative operators swap, `<` and
 * `>` swap into each other, `(- x k)` is `(+ (2^24 - k) x)` (u24 wraps).
 */
export function constantFirst(op: number, k: number): { op: number; value: number } | undefined {
  if (COMMUTATIVE.has(op)) return { op, value: k };
  if (op === ir.OP.LT) return { op: ir.OP.GT, value: k };
  if (op === ir.OP.GT) return { op: ir.OP.LT, value: k };
  if (op === ir.OP.SUB) return { op: ir.OP.ADD, value: (ir.U24_MASK + 1 - k) & ir.U24_MASK };
  return undefined;
}

/**
 * Replace every link `x ~ T` (a redex with a variable side) by putting T at
 * x's other occurrence. Iterative: inserted trees are walked with a stack.
 */
export function substituteLinks(net: ir.Net): ir.Net {
  const subst = new Map<string, ir.Tree>();
  const kept: ir.Redex[] = [];
  for (const r of net.redexes) {
    if (r.left.kind === "var" && !subst.has(r.left.name)) subst.set(r.left.name, r.right);
    else if (r.right.kind === "var" && !subst.has(r.right.name)) subst.set(r.right.name, r.left);
    else kept.push(r);
  }
  const resolve = (top: ir.Tree): ir.Tree => {
    const out: ir.Tree[] = [];
    const stack: Array<{ t: ir.Tree; done: boolean }> = [{ t: top, done: false }];
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (e.t.kind === "var" && subst.has(e.t.name)) {
        const s = subst.get(e.t.name)!;
        subst.delete(e.t.name);
        stack.push({ t: s, done: false });
        continue;
      }
      const kids = ir.children(e.t);
      if (!e.done && kids.length > 0) {
        stack.push({ t: e.t, done: true });
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ t: kids[i], done: false });
        continue;
      }
      out.push(ir.withChildren(e.t, out.splice(out.length - kids.length, kids.length)));
    }
    return out[0];
  };
  const root = resolve(net.root);
  const redexes = kept.map((r) => ({ left: resolve(r.left), right: resolve(r.right) }));
  return { root, redexes };
}
