/** The .hvmc net language: parser, canonical printer, checks, lexer. */
export { parseBook, parseNet, parseBookPartial, type BookParse } from "./parser.js";
export { printBook, printNet, printTree } from "./printer.js";
export { formatBook } from "./format.js";
export { checkSource, type CheckOptions } from "./check.js";
export { lex as lexHvmc, type LexResult as HvmcLexResult } from "./lexer.js";
