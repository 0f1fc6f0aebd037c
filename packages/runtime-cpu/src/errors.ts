/**
 * Errors of the CPU runtime. Runtime failures shared by every reducer
 * (out of memory, interaction limit, type error pair, abort) are ir's
 * classes, re-exported here so callers can catch them from one place.
 */
import { ErrorCode, HvmError } from "@hvm/ir";

export { AbortedError, InteractionLimitError, OutOfMemoryError, TypeErrorPair } from "@hvm/ir";

/** The requested entry definition is not in the compiled book. */
export class MissingEntryError extends HvmError {
  constructor(readonly entry: string, readonly available: readonly string[]) {
    const list = available.length > 0 ? available.map((n) => `@${n}`).join(", ") : "(the book is empty)";
    super(ErrorCode.ENTRY_MISSING, `entry @${entry} is not defined; define it or pick one of: ${list}`);
  }
}

/** The heap broke an invariant of the reducer: a bug in the reducer or in a hand-built heap. */
export class ReducerInvariantError extends HvmError {
  constructor(message: string) {
    super("E_INTERNAL", `reducer invariant broken: ${message}; please report this with the program that triggers it`);
  }
}
