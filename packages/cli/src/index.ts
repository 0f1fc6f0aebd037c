/**
 * hvm-cli as a library: the program builder, the command and runtime
 * registries and the output formats, for hosts that embed the CLI or add
 * runtimes and commands.
 */
export { buildProgram, main, COMMANDS, VERSION, type RegisterCommand } from "./main.js";
export { RUNTIMES, RUNTIME_FLAGS, DEFAULT_RUNTIME, findRuntime, type RuntimeEntry, type RuntimeFlag, type RuntimeOptions } from "./runtimes.js";
export { formatStats, formatResult, formatJson, type JsonResult } from "./text.js";
export { parseMemory, parseCount, parseList } from "./options.js";
export { ExitCode, UsageError, InputFileError } from "./errors.js";
export type { Io } from "./terminal.js";
