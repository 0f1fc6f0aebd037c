/**
 * The canonical .hvmc printer (DESIGN §3). Variables are renamed a, b, ...
 * by ir's `canonicalize`; `{0 a b}` prints as `(a b)`, `{1 a b}` as `[a b]`,
 * numbers in decimal, OP1 as `<!#N T>`, MAT as `?B R`. Printing walks the
 * tree with an explicit stack, so any depth prints without recursion.
 */
import { canonicalize, type Book, type Net, type Tree } from "@hvm/ir";

/** Print one tree as it is (no renaming). */
export function printTree(tree: Tree): string {
  const out: string[] = [];
  const stack: Array<Tree | string> = [tree];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    switch (item.kind) {
      case "era":
        out.push("*");
        break;
      case "var":
        out.push(item.name);
        break;
      case "ref":
        out.push("@" + item.name);
        break;
      case "num":
        out.push("#" + item.value.toString(10));
        break;
      case "ctr":
        if (item.label === 0) out.push("(");
        else if (item.label === 1) out.push("[");
        else out.push(`{${item.label} `);
        stack.push(item.label === 0 ? ")" : item.label === 1 ? "]" : "}", item.right, " ", item.left);
        break;
      case "op2":
        out.push("<");
        stack.push(">", item.right, " ", item.left);
        break;
      case "op1":
        out.push(`<!#${item.value.toString(10)} `);
        stack.push(">", item.right);
        break;
      case "mat":
        out.push("?");
        stack.push(item.right, " ", item.left);
        break;
    }
  }
  return out.join("");
}

/** The body of a canonical net: the root, then `\n  & A ~ B` per redex. */
function printCanonical(net: Net): string {
  let s = printTree(net.root);
  for (const r of net.redexes) s += `\n  & ${printTree(r.left)} ~ ${printTree(r.right)}`;
  return s;
}

/** Print a net canonically (variables renamed in order of first appearance). */
export function printNet(net: Net): string {
  return printCanonical(canonicalize(net));
}

/** Print a book canonically: `@name = ROOT`, its redexes indented below, a final newline. */
export function printBook(book: Book): string {
  return book.defs.map((d) => `@${d.name} = ${printNet(d.net)}\n`).join("");
}
