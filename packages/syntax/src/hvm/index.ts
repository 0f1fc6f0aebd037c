export { parseProgram, parseProgramPartial, parseTerm, type ProgramParse } from "./parser.js";
export { lexHvm, HVM_TOKENS } from "./lexer.js";
export { compileSource, checkProgramSource, type CompileSourceResult } from "./compile.js";
