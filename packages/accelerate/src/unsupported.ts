/**
 * What the front end says about constructs it does not compile (one
 * actionable message per ESTree node type) and the whole-kernel checks run
 * after parsing.
 */
import { AccelerateCode, type AccelerateDiagnostic } from "./errors.js";
import type { KExpr, KFunction } from "./kernel.js";

const STRINGS = "strings are not supported: accelerated functions compute u24 numbers";
const CLOSURE = "nested functions (closures) are not supported: define the function at top level and pass it in options.scope";
const MUTATION = "mutation is not supported: bind each new value with const";
const LOOP = "loops with side effects are not supported: use loop(n, i => ...) for data-parallel iteration, or a recursive function passed in options.scope";

export const UNSUPPORTED: Readonly<Record<string, string>> = {
  ThisExpression: "`this` is not supported: pass values as parameters or in options.scope",
  ObjectExpression: "objects are not supported: return a number or a fixed-size array such as [a, b]",
  TemplateLiteral: STRINGS,
  TaggedTemplateExpression: STRINGS,
  AwaitExpression: "async code is not supported: accelerated functions must be synchronous",
  YieldExpression: "generators are not supported: accelerated functions return one value",
  NewExpression: "`new` is not supported: accelerated functions compute u24 numbers",
  ArrowFunctionExpression: CLOSURE,
  FunctionExpression: CLOSURE,
  ClassExpression: "classes are not supported",
  AssignmentExpression: MUTATION,
  UpdateExpression: MUTATION,
  SequenceExpression: "the comma operator is not supported: bind intermediate values with const",
  ChainExpression: "optional chaining is not supported: values are always numbers",
  ImportExpression: "imports are not supported inside accelerated functions",
  MetaProperty: "meta properties are not supported inside accelerated functions",
  SpreadElement: "spread is not supported: arrays in accelerated functions have a fixed size",
  MemberExpression: "property access is not supported (only t[0]-style items of fixed-size arrays and Math.floor/min/max calls): pass numbers as parameters or in options.scope",
  ForStatement: LOOP,
  ForInStatement: LOOP,
  ForOfStatement: LOOP,
  WhileStatement: LOOP,
  DoWhileStatement: LOOP,
  ExpressionStatement: "expression statements only have side effects: bind values with const and return the result",
  FunctionDeclaration: CLOSURE,
  ClassDeclaration: "classes are not supported",
  SwitchStatement: "switch is not supported: use if/else or ? :",
  TryStatement: "try/catch is not supported: accelerated functions cannot throw",
  ThrowStatement: "throw is not supported: accelerated functions cannot throw",
  LabeledStatement: "labels are not supported",
  BreakStatement: LOOP,
  ContinueStatement: LOOP,
  WithStatement: "with is not supported",
  DebuggerStatement: "debugger statements are not supported",
};

/** Every call passes as many arguments as the scope function has parameters. */
export function checkArities(main: KFunction, fns: ReadonlyMap<string, KFunction>, diags: AccelerateDiagnostic[]): void {
  for (const f of [main, ...fns.values()]) {
    const stack: KExpr[] = [f.body];
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (e.k === "call") {
        const g = fns.get(e.fn);
        if (g && g.source && g.params.length !== e.args.length) {
          diags.push({ code: AccelerateCode.ARITY, fn: f.name, line: e.loc.line, col: e.loc.col, message: `${e.fn} takes ${g.params.length} argument(s), called with ${e.args.length}` });
        }
      }
      stack.push(...kids(e));
    }
  }
}

/** The sub-expressions of a kernel expression. */
export function kids(e: KExpr): KExpr[] {
  switch (e.k) {
    case "num":
    case "var":
      return [];
    case "bin":
      return [e.a, e.b];
    case "un":
    case "floor":
      return [e.a];
    case "cond":
      return [e.test, e.then, e.else];
    case "call":
      return [...e.args];
    case "let":
      return [e.value, e.body];
    case "tuple":
      return [...e.items];
    case "index":
      return [e.a];
  }
}
