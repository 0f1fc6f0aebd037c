/**
 * @hvm/lang: hvm-lang, a functional language compiled to interaction nets.
 *
 * - `ast`       Term / Pattern / Program types and constructors
 * - `compile`   compileProgram: Program -> ir.Book (patterns, lifting, encoding)
 * - `readback`  readbackTerm: normal-form ir.Net -> Term (Scott data, lists)
 * - `print`     terms and programs as .hvm text
 * - `errors`    LangError (all diagnostics of a program) and codes
 */
export * from "./ast.js";
export * from "./errors.js";
export { compileProgram, compileProgramDetailed, type CompileOptions, type Compiled } from "./compile.js";
export { readbackTerm, readbackRaw, resugar } from "./readback.js";
export { showTerm, showPattern, showData, showDefinition, showProgram } from "./print.js";
export { buildEnv, type Env, type CtrInfo } from "./env.js";
export { mapTerm, termChildren, spine } from "./terms.js";
