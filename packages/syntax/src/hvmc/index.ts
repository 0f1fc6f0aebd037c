export { parseBook, parseNet, parseBookPartial, type BookParse } from "./parser.js";
export { printBook, printNet, printTree } from "./printer.js";
export { checkSource, type CheckOptions } from "./check.js";
export { lex, tokenSpan, ALL_TOKENS, type LexResult } from "./lexer.js";
