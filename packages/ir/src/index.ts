/**
 * @hvm/ir: the interchange format of the runtime.
 *
 * - `port`     pointers: 4-bit tag, 28-bit value; tag predicates
 * - `rules`    the interaction rule table and rule classes
 * - `numeric`  the numeric operator table and its edge cases
 * - `ast`      Book / Net / Tree ASTs, equality, canonical names
 * - `validate` every check of DESIGN §3, all errors at once
 * - `encode`   Book -> compiled definitions (compact closed nets)
 * - `readback` heap -> Net AST, iterative
 * - `print`    canonical .hvmc printing of trees, nets and books
 * - `runtime`  the Runtime interface shared by all reducers
 * - `errors`   named error classes and diagnostic codes
 */
export * from "./port.js";
export * from "./rules.js";
export * from "./numeric.js";
export * from "./ast.js";
export * from "./errors.js";
export * from "./validate.js";
export * from "./encode.js";
export * from "./readback.js";
export * from "./runtime.js";
export * from "./print.js";
