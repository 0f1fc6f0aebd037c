/**
 * The canonical .hvmc printer (DESIGN §3) is ir's iterative printer, the
 * single implementation shared by every package: variables renamed a, b, ...
 * by `canonicalize`; `{0 a b}` as `(a b)`, `{1 a b}` as `[a b]`; numbers in
 * decimal; OP1 as `<!#N T>`; MAT as `?B R`. A book prints `@name = ROOT`,
 * then `  & A ~ B` per redex, each definition ending in a newline, with no
 * blank line between definitions. docs/language.md describes the format.
 */
export { printBook, printNet, printTree } from "@hvm/ir";
