/**
 * The canonical .hvmc printer (DESIGN §3). Trees and nets print with ir's
 * iterative printer (variables renamed a, b, ... by `canonicalize`; `{0 a b}`
 * as `(a b)`, `{1 a b}` as `[a b]`, numbers in decimal, OP1 as `<!#N T>`,
 * MAT as `?B R`). A book prints one definition after another with no blank
 * line between them: `@name = ROOT`, then `  & A ~ B` per redex, and a final
 * newline.
 */
import { printNet, printTree, type Book } from "@hvm/ir";

export { printNet, printTree };

/** Print a book canonically: `@name = ROOT`, its redexes indented below, a final newline. */
export function printBook(book: Book): string {
  return book.defs.map((d) => `@${d.name} = ${printNet(d.net)}\n`).join("");
}
