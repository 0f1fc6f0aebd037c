/**
 * The command list. A new command is a module with a `register` function and
 * one line here.
 */
import type { Command } from "commander";
import type { Io } from "../io.js";
import { registerBench } from "./bench.js";
import { registerCheck } from "./check.js";
import { registerFmt } from "./fmt.js";
import { registerRun } from "./run.js";

export type RegisterCommand = (program: Command, io: Io) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerRun, registerCheck, registerFmt, registerBench];
