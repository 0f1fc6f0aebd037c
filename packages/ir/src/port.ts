/**
 * Ports (pointers): a u32 `(value << 4) | tag`. The tag says what the pointer
 * is; the 28-bit value is a node index, a definition index or a number.
 */

/**
 * The 16 pointer tags of DESIGN §4, written once here; WGSL constants are
 * generated from this table. A TypeScript enum, so that bundlers (esbuild:
 * the CLI, the bench, the workers) put the number itself at every `Tag.X`
 * in the reducers' hot loops instead of a load from an object.
 */
export enum Tag {
  VR1 = 0x0,
  VR2 = 0x1,
  RD1 = 0x2,
  RD2 = 0x3,
  REF = 0x4,
  ERA = 0x5,
  NUM = 0x6,
  OP2 = 0x7,
  OP1 = 0x8,
  MAT = 0x9,
  CT0 = 0xa,
  CT1 = 0xb,
  CT2 = 0xc,
  CT3 = 0xd,
  CT4 = 0xe,
  CT5 = 0xf,
}

/** The tag names in tag order (TAG_NAMES[t] is the name of tag t). */
export const TAG_NAMES: readonly string[] = Array.from({ length: 16 }, (_, t) => Tag[t]);
/** Each tag's name and number, in tag order. */
export const TAG_ENTRIES: ReadonlyArray<readonly [string, Tag]> = TAG_NAMES.map((name, t) => [name, t as Tag]);

/** Largest value a port can carry (28 bits). */
export const VALUE_MAX = 0x0fff_ffff;
/** Number of node labels (CT0..CT5). */
export const LABEL_COUNT = 6;
/** Port value 0 with tag 0: a free slot. */
export const NULL = 0;
/** The reserved node whose aux2 slot holds the root. */
export const ROOT_NODE = 0;
/** The slot index (in a heap Uint32Array) holding the root pointer. */
export const ROOT_SLOT = 1;
/** Pointer to the root slot (node 0, aux 2). */
export const ROOT_PORT = 0x1;
/** The eraser pointer. */
export const ERA_PORT = Tag.ERA;

export const port = (tag: number, value: number): number => ((value << 4) | tag) >>> 0;
export const tagOf = (p: number): number => p & 0xf;
export const valueOf = (p: number): number => p >>> 4;

/** A ctr tag for a label 0..5. */
export const ctrTag = (label: number): number => Tag.CT0 + label;
export const labelOf = (tag: number): number => tag - Tag.CT0;

/** Tags whose value is a node index. */
export const hasNode = (tag: number): boolean => tag <= Tag.RD2 || tag >= Tag.OP2;
/** Tags that are wire ends into an aux slot (variables and redirects). */
export const isVar = (tag: number): boolean => tag <= Tag.RD2;
/** Tags of main ports: everything that can take part in a redex. */
export const isMain = (tag: number): boolean => tag >= Tag.REF;
/** Nullary main ports: REF, ERA, NUM. */
export const isNullary = (tag: number): boolean => tag >= Tag.REF && tag <= Tag.NUM;
export const isCtr = (tag: number): boolean => tag >= Tag.CT0;

/** The heap slot index (2*node + aux) a VR1/VR2/RD1/RD2 pointer refers to. */
export const slotOf = (p: number): number => ((p >>> 4) << 1) | (p & 1);
/** The variable pointer that refers to a heap slot. */
export const varTo = (slot: number): number => (((slot >>> 1) << 4) | (slot & 1)) >>> 0;

export function showPort(p: number): string {
  const tag = tagOf(p);
  return `${TAG_NAMES[tag]}:${valueOf(p)}`;
}
