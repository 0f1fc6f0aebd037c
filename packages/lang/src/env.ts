/**
 * The global environment of a program: its data types (plus the built-in
 * List unless the program declares one), constructors and definitions.
 */
import type { Constructor, DataType, Program } from "./ast.js";
import { LIST_TYPE } from "./ast.js";
import { Diagnostics, LangErrorCode } from "./errors.js";

export interface CtrInfo {
  readonly ctr: Constructor;
  readonly type: DataType;
  /** Position among the type's constructors (its Scott selector). */
  readonly index: number;
  readonly arity: number;
}

export interface Env {
  readonly datas: readonly DataType[];
  readonly ctrs: ReadonlyMap<string, CtrInfo>;
  /** Definition name -> number of patterns of its equations. */
  readonly defs: ReadonlyMap<string, number>;
}

/** Build the environment, reporting duplicate types, constructors and definitions. */
export function buildEnv(prog: Program, diags: Diagnostics): Env {
  const datas = [...prog.datas];
  const declared = new Set(datas.map((d) => d.name));
  const ctrNames = new Set(datas.flatMap((d) => d.ctrs.map((c) => c.name)));
  if (!declared.has(LIST_TYPE.name) && !LIST_TYPE.ctrs.some((c) => ctrNames.has(c.name))) datas.push(LIST_TYPE);
  const ctrs = new Map<string, CtrInfo>();
  const types = new Set<string>();
  for (const type of datas) {
    if (types.has(type.name)) diags.add(LangErrorCode.DEF_DUPLICATE, `duplicate data type ${type.name}`, type.span);
    types.add(type.name);
    type.ctrs.forEach((ctr, index) => {
      if (ctrs.has(ctr.name)) {
        diags.add(LangErrorCode.CTR_DUPLICATE, `constructor ${ctr.name} is declared twice (also in data ${ctrs.get(ctr.name)!.type.name})`, ctr.span);
        return;
      }
      ctrs.set(ctr.name, { ctr, type, index, arity: ctr.fields.length });
    });
  }
  const defs = new Map<string, number>();
  for (const d of prog.defs) {
    if (defs.has(d.name)) {
      diags.add(LangErrorCode.DEF_DUPLICATE, `duplicate definition ${d.name}: write all its equations together under one name`, d.span, d.name);
      continue;
    }
    if (ctrs.has(d.name)) diags.add(LangErrorCode.DEF_DUPLICATE, `definition ${d.name} has the name of a constructor`, d.span, d.name);
    defs.set(d.name, d.rules[0]?.pats.length ?? 0);
  }
  return { datas, ctrs, defs };
}
