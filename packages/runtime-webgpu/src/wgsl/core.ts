/**
 * WGSL core: bindings, heap accessors over several storage bindings (32-bit
 * load/store/compare-exchange only), constants, ports, the error flag, and the
 * redex stacks. The allocator is in alloc.ts, the linking protocol in
 * link.ts (see docs/webgpu.md).
 */
import { RULE_CLASSES } from "@hvm/ir";
import { ALLOC_WORDS, BAG_HEADER, S_BUDGET, CHUNK_NODES, ERR_BAG, ERR_OOM, type KernelConfig, type MemoryPlan, windowStart, S_ALLOC, S_BUSY, S_COUNT, S_ACTIVE, S_CURSOR, S_ERR, S_ERR_A, S_ERR_B, S_ERR_CLAIM, S_MAXSTEPS, S_PROBES, S_PUSHED, S_RBUSY, S_RFULL, S_RMAX, S_RSTEPS, S_RETRIED, S_SPREAD, S_SHARED, S_SPILLED, S_SWEPT, S_SPREAD_ROUNDS, S_SPLIT } from "../layout.js";

/** Bindings of group 0: state, book, bag in, bag out, then the heap windows. */
export function bindings(plan: MemoryPlan): string {
  const heaps = plan.heapBufferBytes.map((_, i) => `@group(0) @binding(${4 + i}) var<storage, read_write> heap${i}: array<atomic<u32>>;`);
  return [
    "@group(0) @binding(0) var<storage, read_write> st: array<atomic<u32>>;",
    "@group(0) @binding(1) var<storage, read> book: array<vec2<u32>>;",
    "@group(0) @binding(2) var<storage, read_write> bin: array<atomic<u32>>;",
    "@group(0) @binding(3) var<storage, read_write> bout: array<atomic<u32>>;",
    ...heaps,
  ].join("\n");
}

/**
 * hload/hstore/hcas: one heap of slots, split over the bindings by the
 * slot's high bits. hcas(s, expected, v) is a compare-exchange returning
 * (old value, 1 when it stored v).
 */
export function heapAccessors(plan: MemoryPlan): string {
  const n = plan.heapBufferBytes.length;
  const op = (body: (h: string, i: string) => string, ret: boolean): string => {
    if (n === 1) return `  ${ret ? "return " : ""}${body("heap0", "s")};`;
    const cases = plan.heapBufferBytes.map((_, b) => {
      const label = b === n - 1 ? "default" : `case ${b}u`;
      return `    ${label}: { ${ret ? "return " : ""}${body(`heap${b}`, "s & SLOT_MASK")}; }`;
    });
    return ["  switch (s >> SLOT_SHIFT) {", ...cases, "  }"].join("\n");
  };
  return [
    `const SLOT_SHIFT: u32 = ${plan.bindingShift}u;`,
    `const SLOT_MASK: u32 = ${(2 ** plan.bindingShift - 1) >>> 0}u;`,
    "fn hload(s: u32) -> u32 {",
    op((h, i) => `atomicLoad(&${h}[${i}])`, true),
    "}",
    "fn hstore(s: u32, v: u32) {",
    op((h, i) => `atomicStore(&${h}[${i}], v)`, false),
    "}",
    "fn hcas(s: u32, expected: u32, v: u32) -> vec2<u32> {",
    op((h, i) => `let r = atomicCompareExchangeWeak(&${h}[${i}], expected, v); return vec2<u32>(r.old_value, select(0u, 1u, r.exchanged))`, false),
    "}",
  ].join("\n");
}

/**
 * Interactions per rule class, one private scalar each (registers): count()
 * adds to one (each adds whether its class matched, no branch, so the lanes
 * of a subgroup stay together), flush_counts() adds them to the workgroup's
 * sums.
 */
function counters(): string {
  const n = RULE_CLASSES.length;
  const ids = [...Array(n).keys()];
  return [
    ...ids.map((c) => `var<private> cnt${c}: u32;`),
    "fn count_class(cls: u32) {",
    "  add_class(cls, 1u);",
    "}",
    "// Add d to class cls's counter (d = NONE takes one back: the sum wraps).",
    "fn add_class(cls: u32, d: u32) {",
    ...ids.map((c) => `  cnt${c} += select(0u, d, cls == ${c}u);`),
    "}",
    "fn flush_counts() {",
    ...ids.map((c) => `  if (cnt${c} != 0u) { atomicAdd(&wsum[${c}u], cnt${c}); }`),
    "}",
  ].join("\n");
}

/** Ports, stacks, allocator, take and link. */
export function core(plan: MemoryPlan, k: KernelConfig): string {
  return `
const WG: u32 = ${k.workgroupSize}u;
const MAX_WG: u32 = ${k.maxWorkgroups}u;
const KEEP: u32 = ${k.keepChunks}u;
const BUDGET: u32 = ${k.budget}u;
const BUDGET_MIN: u32 = ${k.budgetMin}u;
const BUDGET_TAIL: u32 = 4u;
const S_BUDGET: u32 = ${S_BUDGET}u;
const S_RSTEPS: u32 = ${S_RSTEPS}u;
const S_RBUSY: u32 = ${S_RBUSY}u;
const S_RFULL: u32 = ${S_RFULL}u;
const S_RMAX: u32 = ${S_RMAX}u;
const S_SPREAD: u32 = ${S_SPREAD}u;
const S_SPREAD_ROUNDS: u32 = ${S_SPREAD_ROUNDS}u;
const S_SPLIT: u32 = ${S_SPLIT}u;
const SPREAD_MAX: u32 = ${k.spreadMax}u;
const SPREAD_WIDTH: u32 = ${k.spreadWidth}u;
const LOCAL_CAP: u32 = ${k.localCapacity}u;
const CHUNK: u32 = ${CHUNK_NODES}u;
const NCHUNKS: u32 = ${plan.chunks}u;
const BAG_CAP: u32 = ${plan.bagCapacity}u;
const BAG_HEADER: u32 = ${BAG_HEADER}u;
const S_COUNT: u32 = ${S_COUNT}u;
const S_ERR: u32 = ${S_ERR}u;
const S_ERR_A: u32 = ${S_ERR_A}u;
const S_ERR_B: u32 = ${S_ERR_B}u;
const S_ERR_CLAIM: u32 = ${S_ERR_CLAIM}u;
const S_CURSOR: u32 = ${S_CURSOR}u;
const S_ACTIVE: u32 = ${S_ACTIVE}u;
const S_ALLOC: u32 = ${S_ALLOC}u;
const ALLOC_WORDS: u32 = ${ALLOC_WORDS}u;
const S_SWEPT: u32 = ${S_SWEPT}u;
const S_PROBES: u32 = ${S_PROBES}u;
const S_BUSY: u32 = ${S_BUSY}u;
const S_MAXSTEPS: u32 = ${S_MAXSTEPS}u;
const S_SHARED: u32 = ${S_SHARED}u;
const S_SPILLED: u32 = ${S_SPILLED}u;
const S_RETRIED: u32 = ${S_RETRIED}u;
const S_PUSHED: u32 = ${S_PUSHED}u;
const SHARE_BELOW: u32 = ${k.shareBelow}u;
${k.shareEveryWide <= k.shareEvery ? `const SHARE_MASK: u32 = ${k.shareEvery - 1}u;` : `const SHARE_MASK_NARROW: u32 = ${k.shareEvery - 1}u;
const SHARE_MASK_WIDE: u32 = ${k.shareEveryWide - 1}u;
const SHARE_WIDE_FROM: u32 = ${Math.min(Math.ceil(k.shareWideAt * k.wave), 0xffffffff)}u;
// The sharing period of this dispatch (SHARE_MASK_WIDE in wide rounds).
var<private> SHARE_MASK: u32;`}
const SHARE_MIN: u32 = ${Math.max(2, k.shareMin)}u;
const WINDOW: u32 = ${Math.min(k.window, 0xffffffff)}u;
const WINDOW_START: u32 = ${windowStart(plan, k)}u;
const S_OWNER: u32 = ${plan.ownerBase}u;
const ERR_OOM: u32 = ${ERR_OOM}u;
const ERR_BAG: u32 = ${ERR_BAG}u;
const NONE: u32 = 0xffffffffu;

fn tag(p: u32) -> u32 { return p & 0xfu; }
fn val(p: u32) -> u32 { return p >> 4u; }
fn mk(t: u32, v: u32) -> u32 { return (v << 4u) | t; }
fn is_var(p: u32) -> bool { return tag(p) <= RD2; }
fn has_node(t: u32) -> bool { return t <= RD2 || t >= OP2; }
// The slot (2*node + aux) a VR/RD pointer refers to, and back.
fn slot_of(p: u32) -> u32 { return ((p >> 4u) << 1u) | (p & 1u); }
fn var_to(s: u32) -> u32 { return ((s >> 1u) << 4u) | (s & 1u); }
fn shift(p: u32, base: u32) -> u32 { return select(p, p + (base << 4u), has_node(tag(p))); }

// The redex stacks live in workgroup memory, interleaved (word w of
// invocation l at w * WG + l) so a subgroup's accesses hit distinct banks;
// private arrays would live in (cached) global memory.
var<workgroup> stk: array<u32, ${2 * k.localCapacity * k.workgroupSize}>;
var<private> lid: u32;
var<private> sp: u32;
var<private> bot: u32;
${counters()}
// A ring: sp and bot count up, entry i sits at i % LOCAL_CAP (a power of two).
fn stk_a(i: u32) -> u32 { return stk[(2u * (i & (LOCAL_CAP - 1u))) * WG + lid]; }
fn stk_b(i: u32) -> u32 { return stk[(2u * (i & (LOCAL_CAP - 1u)) + 1u) * WG + lid]; }
var<private> probes: u32;
var<private> swept: u32;
var<private> retried: u32;
var<private> pushed: u32;

// Raise an error once; the first to claim it names it. No loop: while this
// was a compare-exchange retry loop (inlined wherever an error can be
// raised), NVIDIA's compiler wrapped most of the kernel's branches in
// lane-mask bookkeeping (378 of its 478 MATCH.ANY went with the loop, and
// about a fifth of a lone chain's step; docs/webgpu.md, session 11).
fn fail(code: u32, ta: u32, tb: u32) {
  if (atomicExchange(&st[S_ERR_CLAIM], 1u) == 0u) {
    atomicStore(&st[S_ERR_A], ta);
    atomicStore(&st[S_ERR_B], tb);
    atomicStore(&st[S_ERR], code);
  }
}

// Work sharing wants redexes while the output bag holds fewer than
// SHARE_BELOW above \`obase\` (0, or what the bag held before this dispatch
// when leftovers do not count); the bag only grows during a dispatch, so
// each push's index keeps this up to date and, once false, it stays false.
var<private> hungry: bool;
var<private> obase: u32;

fn push_global(a: u32, b: u32) {
  let i = atomicAdd(&bout[0], 1u);
  pushed += 1u;
  hungry = hungry && i + 1u - obase < SHARE_BELOW;
  if (i >= BAG_CAP) { fail(ERR_BAG, 0u, 0u); return; }
  atomicStore(&bout[BAG_HEADER + 2u * i], a);
  atomicStore(&bout[BAG_HEADER + 2u * i + 1u], b);
}

// Push a redex on the local stack. Two nullary ports (ERA/NUM/REF) just
// vanish (VOID): counted here, never stored. A full stack hands its oldest
// redex to the output bag and keeps the new one, so a long chain of work
// stays with its invocation while the redexes it left behind go out.
fn push(a: u32, b: u32) {
  if (is_void(a, b)) {
    count(R_VOID);
    return;
  }
  if (sp - bot == LOCAL_CAP) {
    push_global(stk_a(bot), stk_b(bot));
    bot += 1u;
  }
  let i = sp & (LOCAL_CAP - 1u);
  stk[(2u * i) * WG + lid] = a;
  stk[(2u * i + 1u) * WG + lid] = b;
  sp += 1u;
}

`;
}
