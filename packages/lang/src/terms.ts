/**
 * Generic walks over terms: children, rebuild, and an iterative bottom-up
 * map (deep terms such as long lists are walked without recursion).
 */
import type { Term } from "./ast.js";

/** The direct subterms of a term, left to right. */
export function termChildren(t: Term): Term[] {
  switch (t.kind) {
    case "lam":
      return [t.body];
    case "app":
      return [t.fun, t.arg];
    case "op":
    case "sup":
      return [t.left, t.right];
    case "match":
      return [t.scrutinee, t.zero, t.succ];
    case "case":
      return [t.scrutinee, ...t.arms.map((a) => a.body)];
    case "let":
    case "dup":
      return [t.value, t.body];
    case "list":
      return [...t.items];
    default:
      return [];
  }
}

/** The same term with new subterms (in termChildren's order). */
export function withTermChildren(t: Term, k: Term[]): Term {
  switch (t.kind) {
    case "lam":
      return { ...t, body: k[0] };
    case "app":
      return { ...t, fun: k[0], arg: k[1] };
    case "op":
    case "sup":
      return { ...t, left: k[0], right: k[1] };
    case "match":
      return { ...t, scrutinee: k[0], zero: k[1], succ: k[2] };
    case "case":
      return { ...t, scrutinee: k[0], arms: t.arms.map((a, i) => ({ ...a, body: k[i + 1] })) };
    case "let":
    case "dup":
      return { ...t, value: k[0], body: k[1] };
    case "list":
      return { ...t, items: k };
    default:
      return t;
  }
}

/** Rebuild a term bottom-up: `f` sees each node with its already mapped children. */
export function mapTerm(top: Term, f: (t: Term) => Term): Term {
  const out: Term[] = [];
  const stack: Array<{ t: Term; done: boolean }> = [{ t: top, done: false }];
  while (stack.length > 0) {
    const e = stack.pop()!;
    const kids = termChildren(e.t);
    if (!e.done && kids.length > 0) {
      stack.push({ t: e.t, done: true });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ t: kids[i], done: false });
      continue;
    }
    const mapped = out.splice(out.length - kids.length, kids.length);
    out.push(f(kids.length > 0 ? withTermChildren(e.t, mapped) : e.t));
  }
  return out[0];
}

/** `(f a b c)` -> [f, a, b, c]. */
export function spine(t: Term): Term[] {
  const args: Term[] = [];
  let head = t;
  while (head.kind === "app") {
    args.push(head.arg);
    head = head.fun;
  }
  args.push(head);
  return args.reverse();
}

/**
 * Run a recursive step function without growing the JS stack: `step` is a
 * generator that yields each sub-problem and receives its result, e.g.
 * `const a = yield left;`. Deep terms cost heap, not stack frames.
 */
export function drive<T, R>(root: T, step: (t: T) => Generator<T, R, R>): R {
  const stack: Array<Generator<T, R, R>> = [step(root)];
  let input: R | undefined;
  for (;;) {
    const r = stack[stack.length - 1].next(input as R);
    if (r.done) {
      stack.pop();
      if (stack.length === 0) return r.value;
      input = r.value;
    } else {
      stack.push(step(r.value));
      input = undefined;
    }
  }
}
