/**
 * Canonical printing of nets and books in the .hvmc format (DESIGN §3):
 * variables renamed a, b, ... in order of first appearance, `{0 a b}` as
 * `(a b)`, `{1 a b}` as `[a b]`, a half-applied operation as `<!#N tree>`.
 * A definition prints as `@name = ROOT` followed by one `  & A ~ B` line per
 * redex, each definition ending in a newline (the same text as @hvm/syntax's
 * printBook). Iterative, so deep trees print without recursion.
 */
import type { Book, Net, Tree } from "./ast.js";
import { canonicalize } from "./ast.js";

type Item = { kind: "tree"; t: Tree } | { kind: "text"; s: string };

/** Print one tree as it stands (no renaming). */
export function printTree(tree: Tree): string {
  let out = "";
  const stack: Item[] = [{ kind: "tree", t: tree }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.kind === "text") {
      out += item.s;
      continue;
    }
    const t = item.t;
    switch (t.kind) {
      case "era":
        out += "*";
        break;
      case "ref":
        out += `@${t.name}`;
        break;
      case "num":
        out += `#${t.value}`;
        break;
      case "var":
        out += t.name;
        break;
      case "ctr": {
        const [open, close] = t.label === 0 ? ["(", ")"] : t.label === 1 ? ["[", "]"] : [`{${t.label} `, "}"];
        out += open;
        stack.push({ kind: "text", s: close }, { kind: "tree", t: t.right }, { kind: "text", s: " " }, { kind: "tree", t: t.left });
        break;
      }
      case "op2":
        out += "<";
        stack.push({ kind: "text", s: ">" }, { kind: "tree", t: t.right }, { kind: "text", s: " " }, { kind: "tree", t: t.left });
        break;
      case "op1":
        out += `<!#${t.value} `;
        stack.push({ kind: "text", s: ">" }, { kind: "tree", t: t.right });
        break;
      case "mat":
        out += "?";
        stack.push({ kind: "tree", t: t.right }, { kind: "text", s: " " }, { kind: "tree", t: t.left });
        break;
    }
  }
  return out;
}

/** Print a net canonically: the root tree, then one `& A ~ B` line per redex. */
export function printNet(net: Net, indent = "  "): string {
  const c = canonicalize(net);
  const lines = [printTree(c.root)];
  for (const r of c.redexes) lines.push(`${indent}& ${printTree(r.left)} ~ ${printTree(r.right)}`);
  return lines.join("\n");
}

/** Print a book canonically: `@name = NET` and a newline per definition. */
export function printBook(book: Book): string {
  return book.defs.map((d) => `@${d.name} = ${printNet(d.net)}\n`).join("");
}
