/**
 * hvm-cli as a library: the program builder, the runtime registry and the
 * output formats, for hosts that embed the CLI or add runtimes and commands.
 */
export { buildProgram, main } from "./main.js";
export { RUNTIMES, RUNTIME_FLAGS, DEFAULT_RUNTIME, findRuntime, type RuntimeEntry, type RuntimeFlag, type RuntimeOptions } from "./runtimes.js";
export { COMMANDS, type RegisterCommand } from "./commands/index.js";
export { formatStats, formatResult, formatJson, type JsonResult } from "./output.js";
export { parseMemory, parseCount } from "./options.js";
export { ExitCode, UsageError, InputFileError } from "./errors.js";
export type { Io } from "./io.js";
