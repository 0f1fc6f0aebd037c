/**
 * WGSL core: bindings, heap accessors over several storage bindings, the
 * redex stacks, the chunk allocator, and the linking protocol (take/link on
 * cells, 32-bit load/store/exchange only; see docs/webgpu.md).
 */
import { RULE_CLASSES } from "@hvm/ir";
import { BAG_HEADER, CHUNK_NODES, ERR_BAG, ERR_OOM, type KernelConfig, type MemoryPlan, S_ALLOC, S_BUSY, S_COUNT, S_ACTIVE, S_CURSOR, S_ERR, S_ERR_A, S_ERR_B, S_MAXSTEPS, S_PROBES, S_SHARED, S_SPILLED, S_SWEPT } from "../layout.js";

/** Bindings of group 0: state, book, bag in, bag out, then the heap windows. */
export function bindings(plan: MemoryPlan): string {
  const heaps = plan.heapBufferBytes.map((_, i) => `@group(0) @binding(${4 + i}) var<storage, read_write> heap${i}: array<atomic<u32>>;`);
  return [
    "@group(0) @binding(0) var<storage, read_write> st: array<atomic<u32>>;",
    "@group(0) @binding(1) var<storage, read> book: array<u32>;",
    "@group(0) @binding(2) var<storage, read_write> bin: array<atomic<u32>>;",
    "@group(0) @binding(3) var<storage, read_write> bout: array<atomic<u32>>;",
    ...heaps,
  ].join("\n");
}

/** hload/hstore/hxchg: one heap of slots, split over the bindings by the slot's high bits. */
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
    "fn hxchg(s: u32, v: u32) -> u32 {",
    op((h, i) => `atomicExchange(&${h}[${i}], v)`, true),
    "}",
  ].join("\n");
}

/**
 * Interactions per rule class, one private scalar each (registers): count()
 * adds to one, flush_counts() adds them to the workgroup's sums.
 */
function counters(): string {
  const n = RULE_CLASSES.length;
  const ids = [...Array(n).keys()];
  return [
    ...ids.map((c) => `var<private> cnt${c}: u32;`),
    "fn count_class(cls: u32) {",
    "  switch (cls) {",
    ...ids.map((c) => `    case ${c}u: { cnt${c} += 1u; }`),
    "    default: {}",
    "  }",
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
const BUDGET: u32 = ${k.budget}u;
const LOCAL_CAP: u32 = ${k.localCapacity}u;
const CHUNK: u32 = ${CHUNK_NODES}u;
const NCHUNKS: u32 = ${plan.chunks}u;
const BAG_CAP: u32 = ${plan.bagCapacity}u;
const BAG_HEADER: u32 = ${BAG_HEADER}u;
const S_COUNT: u32 = ${S_COUNT}u;
const S_ERR: u32 = ${S_ERR}u;
const S_ERR_A: u32 = ${S_ERR_A}u;
const S_ERR_B: u32 = ${S_ERR_B}u;
const S_CURSOR: u32 = ${S_CURSOR}u;
const S_ACTIVE: u32 = ${S_ACTIVE}u;
const S_ALLOC: u32 = ${S_ALLOC}u;
const S_SWEPT: u32 = ${S_SWEPT}u;
const S_PROBES: u32 = ${S_PROBES}u;
const S_BUSY: u32 = ${S_BUSY}u;
const S_MAXSTEPS: u32 = ${S_MAXSTEPS}u;
const S_SHARED: u32 = ${S_SHARED}u;
const S_SPILLED: u32 = ${S_SPILLED}u;
const SHARE_BELOW: u32 = ${k.shareBelow}u;
const SHARE_MASK: u32 = ${k.shareEvery - 1}u;
const SHARE_MIN: u32 = ${Math.max(2, k.shareMin)}u;
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
var<private> a_next: u32;
var<private> a_end: u32;
var<private> probes: u32;
var<private> swept: u32;

// Raise an error once; the first writer names it.
fn fail(code: u32, ta: u32, tb: u32) {
  loop {
    let r = atomicCompareExchangeWeak(&st[S_ERR], 0u, code);
    if (r.exchanged) {
      atomicStore(&st[S_ERR_A], ta);
      atomicStore(&st[S_ERR_B], tb);
      return;
    }
    if (r.old_value != 0u) { return; }
  }
}

// Work sharing wants redexes while the output bag holds fewer than
// SHARE_BELOW; the bag only grows during a dispatch, so each push's index
// keeps this up to date and, once false, it stays false.
var<private> hungry: bool;

fn push_global(a: u32, b: u32) {
  let i = atomicAdd(&bout[0], 1u);
  hungry = hungry && i + 1u < SHARE_BELOW;
  if (i >= BAG_CAP) { fail(ERR_BAG, 0u, 0u); return; }
  atomicStore(&bout[BAG_HEADER + 2u * i], a);
  atomicStore(&bout[BAG_HEADER + 2u * i + 1u], b);
}

// Push a redex on the local stack. Two nullary ports (ERA/NUM/REF) just
// vanish (VOID): counted here, never stored. A full stack hands its oldest
// redex to the output bag and keeps the new one, so a long chain of work
// stays with its invocation while the redexes it left behind go out.
fn push(a: u32, b: u32) {
  if (!is_var(b) && rule_of(a, b).x == R_VOID) {
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

// Chunks: claim k consecutive chunks that are wholly free (every slot NULL)
// and owned by nobody; owners are a CAS on the chunk's word of the table.
// Eight independent loads per step, so their latencies overlap.
fn chunks_free(c: u32, k: u32) -> bool {
  let end = (c + k) * CHUNK * 2u;
  for (var s = c * CHUNK * 2u; s < end; s += 8u) {
    let v = hload(s) | hload(s + 1u) | hload(s + 2u) | hload(s + 3u) | hload(s + 4u) | hload(s + 5u) | hload(s + 6u) | hload(s + 7u);
    if (v != 0u) { return false; }
  }
  return true;
}

fn release(c: u32, k: u32) {
  for (var i = 0u; i < k; i += 1u) { atomicStore(&st[S_OWNER + c + i], 0u); }
}

// Chunks never used yet are handed out first by a bump counter (S_ACTIVE):
// they are free by construction, so no scan. Once the heap has been handed
// out, the cursor sweeps it for runs of wholly free chunks; a sweep of the
// whole heap without one is out of memory.
fn claim_owners(c: u32, k: u32) -> bool {
  var got = 0u;
  for (; got < k; got += 1u) {
    if (!atomicCompareExchangeWeak(&st[S_OWNER + c + got], 0u, 1u).exchanged) { break; }
  }
  if (got == k) { return true; }
  release(c, got);
  return false;
}

fn claim(k: u32) -> u32 {
  if (atomicLoad(&st[S_ACTIVE]) + k <= NCHUNKS) {
    let f = atomicAdd(&st[S_ACTIVE], k);
    if (f + k <= NCHUNKS && claim_owners(f, k)) { return f; }
  }
  let region = min(NCHUNKS, atomicLoad(&st[S_ACTIVE]));
  for (var t = 0u; t < region + 64u; t += 1u) {
    let c = atomicAdd(&st[S_CURSOR], k) % region;
    if (c + k > region) { continue; }
    probes += 1u;
    if (claim_owners(c, k)) {
      if (chunks_free(c, k)) { swept += 1u; return c; }
      release(c, k);
    }
    if (atomicLoad(&st[S_ERR]) != 0u) { return NONE; }
  }
  fail(ERR_OOM, 0u, 0u);
  return NONE;
}

// n <= CHUNK consecutive nodes from the invocation's current chunk.
fn alloc(n: u32) -> u32 {
  if (a_next + n > a_end) {
    let c = claim(1u);
    if (c == NONE) { return NONE; }
    if (a_end != 0u) { release((a_end - 1u) / CHUNK, 1u); }
    a_next = c * CHUNK;
    a_end = a_next + CHUNK;
  }
  let r = a_next;
  a_next += n;
  return r;
}

// Any number of consecutive nodes: from the current chunk when they fit,
// else a run of wholly free chunks held until the rule has written them
// (release_run), so nobody else can claim them half-written.
var<private> run_c: u32;
var<private> run_k: u32;

fn alloc_nodes(n: u32) -> u32 {
  if (n == 0u) { return 0u; }
  if (n <= CHUNK) { return alloc(n); }
  let k = (n + CHUNK - 1u) / CHUNK;
  let c = claim(k);
  if (c == NONE) { return NONE; }
  run_c = c;
  run_k = k;
  return c * CHUNK;
}

fn release_run() {
  if (run_k != 0u) {
    release(run_c, run_k);
    run_k = 0u;
  }
}

// take: consume the aux slots of a node we own, in two steps so that the
// loads of a rule's nodes are all in flight at once: load2 reads both slots
// of the node a main port points to, take2 settles what was read. An empty
// cell (VR to itself) stays alive for the other end; anything else is
// consumed (slot set to NULL) and a redirect becomes the variable it
// redirects to.
fn load2(p: u32) -> vec2<u32> {
  let s = val(p) << 1u;
  return vec2<u32>(hload(s), hload(s + 1u));
}

fn took(s: u32, v: u32) -> u32 {
  if (v == var_to(s)) { return v; }
  hstore(s, 0u);
  return select(v, v - 2u, tag(v) == RD1 || tag(v) == RD2);
}

fn take2(p: u32, v: vec2<u32>) -> vec2<u32> {
  let s = val(p) << 1u;
  return vec2<u32>(took(s, v.x), took(s + 1u, v.y));
}

// link: connect two wire ends. A variable end VR(c) is a visit to cell c:
// exchange our side in; an empty cell means we deposited and are done,
// otherwise the other end was here first: free the cell and continue with
// what it left. Two main ports make a redex.
fn link(a0: u32, b0: u32) {
  var a = a0;
  var b = b0;
  loop {
    // Visit the higher cell when both ends are variables: the redirect left
    // there is collected when that cell's other end arrives, and long-lived
    // ends (the root, slot 1; boot-time nodes) sit low, so no redirect
    // chain grows from them.
    if (!is_var(a) || (is_var(b) && slot_of(b) > slot_of(a))) { let t = a; a = b; b = t; }
    if (!is_var(a)) { push(a, b); return; }
    let c = slot_of(a);
    let old = hxchg(c, select(b, b + 2u, is_var(b)));
    if (old == a) { return; }
    hstore(c, 0u);
    a = select(old, old - 2u, tag(old) == RD1 || tag(old) == RD2);
  }
}

// The first visit of a link, split so that a rule's links visit their
// cells all at once (the exchanges overlap): returns (a, b, old) oriented as
// in link, old being what the exchange found; old == a when the link is
// already complete (a deposit, or two main ports pushed as a redex).
fn visit(a0: u32, b0: u32) -> vec3<u32> {
  var a = a0;
  var b = b0;
  if (!is_var(a) || (is_var(b) && slot_of(b) > slot_of(a))) { let t = a; a = b; b = t; }
  if (!is_var(a)) { push(a, b); return vec3<u32>(a, b, a); }
  return vec3<u32>(a, b, hxchg(slot_of(a), select(b, b + 2u, is_var(b))));
}

// The rest of a link after its first visit: the other end was there first,
// so free the cell and go on with what it left.
fn settle(v: vec3<u32>) {
  if (v.z == v.x) { return; }
  hstore(slot_of(v.x), 0u);
  link(select(v.z, v.z - 2u, tag(v.z) == RD1 || tag(v.z) == RD2), v.y);
}

// Rules queue their links (at most 4) and the dispatcher performs them, so
// the linking code exists a few times in the compiled shader, not once per
// rule. The queue is four pairs of scalars (registers), not an array.
var<private> la0: u32;
var<private> lb0: u32;
var<private> la1: u32;
var<private> lb1: u32;
var<private> la2: u32;
var<private> lb2: u32;
var<private> la3: u32;
var<private> lb3: u32;
var<private> nl: u32;

fn later(a: u32, b: u32) {
  switch (nl) {
    case 0u: { la0 = a; lb0 = b; }
    case 1u: { la1 = a; lb1 = b; }
    case 2u: { la2 = a; lb2 = b; }
    default: { la3 = a; lb3 = b; }
  }
  nl += 1u;
}

// Two wire ends of one rule never race with each other in a way a
// sequential order would not: each visit is one exchange on one cell, so
// doing every first visit before any settling is one of the orders the
// protocol already allows.
fn link_all() {
  if (nl == 0u) { return; }
  let v0 = visit(la0, lb0);
  var v1 = vec3<u32>(0u);
  var v2 = vec3<u32>(0u);
  var v3 = vec3<u32>(0u);
  if (nl > 1u) { v1 = visit(la1, lb1); }
  if (nl > 2u) { v2 = visit(la2, lb2); }
  if (nl > 3u) { v3 = visit(la3, lb3); }
  settle(v0);
  settle(v1);
  settle(v2);
  settle(v3);
  nl = 0u;
}

// A fresh wire between two slots of new nodes: the cell holds VR to itself.
fn wire(cell: u32, other: u32) {
  hstore(cell, var_to(cell));
  hstore(other, var_to(cell));
}
`;
}
