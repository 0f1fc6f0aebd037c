/**
 * @hvm/syntax: parsers and printers for the project's text languages.
 *
 * - `hvmc`       the .hvmc net language: parseBook/parseNet, canonical printers, checkSource
 * - `hvm`        the .hvm program language (hvm-lang): parseProgram, parseTerm, compileSource
 * - `diagnostic` formatDiagnostic: `file:line:col: error[CODE]: message` with a caret snippet
 * - `errors`     ParseError
 */
export * from "./hvmc/index.js";
export * from "./hvm/index.js";
export * from "./diagnostic.js";
export * from "./errors.js";
