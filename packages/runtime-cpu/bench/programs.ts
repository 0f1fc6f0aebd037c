/**
 * Heavy .hvmc programs for the benchmark and the tests, with what their
 * normal forms must be.
 */

/** Church numeral n: `λf.λx. f (f ... x)`, its f copied by a chain of DUPs of one label. */
export function church(n: number, label: number): string {
  if (n === 0) return "(* (x x))";
  const fs = Array.from({ length: n }, (_, i) => `f${i}`);
  let dups = fs[n - 1];
  for (let i = n - 2; i >= 0; i--) dups = `{${label} ${fs[i]} ${dups}}`;
  const apps = fs.map((f, i) => `& ${f} ~ (${i === 0 ? "x" : `y${i - 1}`} ${i === n - 1 ? "r" : `y${i}`})`);
  return n === 1 ? "((x r) (x r))" : `(${dups} (x r))\n  ${apps.join("\n  ")}`;
}

/**
 * sum(n) = 1 when n = 0, else sum(n-1) + sum(n-1): a recursive sum over an
 * implicit binary tree of depth n, using MAT, OP2 and DUP. Result: 2^n mod 2^24.
 */
export const sumTree = (depth: number): string => `
@main = r & @sum ~ (#${depth} r)
@sum  = (?(#1 @sumS) r r)
@sumS = ({2 p q} r)
  & @sum ~ (p a)
  & @sum ~ (q b)
  & #1 ~ <a <b r>>
`;

/**
 * (c_n c2) inc 0: Church exponentiation 2^n, then 2^n increments of a number.
 * c_n and c2 copy with different labels (with one label, c2 c2 never reaches
 * a normal form in symmetric interaction combinators). Result: 2^n mod 2^24.
 */
export const churchPow = (n: number): string => `
@main = r & @cn ~ (@c2 (@inc (#0 r)))
@cn   = ${church(n, 1)}
@c2   = ${church(2, 2)}
@inc  = (a r) & #1 ~ <a <#1 r>>
`;

/**
 * The hvm-lang bitonic sort of examples/lang/bitonic.hvm over 2^k numbers
 * (the file sorts 2^10), as .hvm source: pass the file's text.
 */
export const bitonicOf = (source: string, k: number): string => source.replace("(Gen 10 0)", `(Gen ${k} 0)`);
