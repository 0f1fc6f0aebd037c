/**
 * WGSL linking protocol on cells (docs/webgpu.md, "Linking"): take the aux
 * slots of an owned node, visit a wire's cell with one compare-exchange, settle a
 * visit that found the other end's deposit, the queue of a rule's links, and
 * the links put back on the stack when their cell had not landed.
 */
import type { KernelConfig } from "../layout.js";

export function linking(k: KernelConfig): string {
  return `
// take: consume the aux slots of a node we own, in two steps so that the
// loads of a redex's nodes are all in flight at once: load2 reads both slots
// of the node a main port points to, take2 settles what was read. An empty
// cell (VR to itself) stays alive for the other end; anything else is
// consumed (slot set to NULL) and a redirect becomes the variable it
// redirects to.
//
// Late writes: a slot of a node in a redex is never NULL once its write
// lands, but WGSL atomics are relaxed, so the invocation that made the
// node may have published its main port before that write arrived. The
// dispatcher loads the slots of a redex's nodes (load_node) and checks
// them once, before the rule changes anything (docs/webgpu.md, "Late
// writes").
fn load2(p: u32) -> vec2<u32> {
  let s = val(p) << 1u;
  return vec2<u32>(hload(s), hload(s + 1u));
}

// Both slots of p's node when it has one (has), else two non-NULL dummies.
fn load_node(p: u32, has: bool) -> vec2<u32> {
  if (!has) { return vec2<u32>(1u); }
  return load2(p);
}

// A deposit left as a redirect (RD1/RD2) is the variable it redirects to.
fn unredirect(v: u32) -> u32 { return select(v, v - 2u, tag(v) == RD1 || tag(v) == RD2); }

fn took(s: u32, v: u32) -> u32 {
  if (v != var_to(s)) { hstore(s, 0u); }
  return unredirect(v);
}

// A node none of whose slots is an empty cell is wholly consumed: free.
// Its slots are NULLed all the same (took): a node is reused only once its
// old ports read as NULL, so a reader in another invocation that gets to a
// reused node before its new writes have landed sees NULL, which the late
// write checks recognize, never the old ports (docs/webgpu.md, "Late
// writes").
fn take2(p: u32, v: vec2<u32>) -> vec2<u32> {
  let s = val(p) << 1u;
  if (v.x != var_to(s) && v.y != var_to(s + 1u)) { recycle(val(p)); }
  return vec2<u32>(took(s, v.x), took(s + 1u, v.y));
}

// A link's ends in visiting order: (a, b) with a the variable end whose
// cell is visited (the higher one when both are: the redirect left there is
// collected when that cell's other end arrives, and long-lived ends, the
// root and boot-time nodes, sit low, so no redirect chain grows from them).
fn orient(a: u32, b: u32) -> vec2<u32> {
  let swap = !is_var(a) || (is_var(b) && slot_of(b) > slot_of(a));
  return vec2<u32>(select(a, b, swap), select(b, a, swap));
}

// Our end b as a cell's deposit: a variable as a redirect to it.
fn deposit(b: u32) -> u32 { return select(b, b + 2u, is_var(b)); }

// What a visit of cell c found from its compare-exchange r (old value,
// stored), which put our end in only if the cell was empty (VR(c)):
// VR(c) when it did, the other end's deposit when the cell held one, and
// NULL when the visit must be made again later: the cell's own write (VR(c),
// by the invocation that made it) has not arrived yet, or the weak
// compare-exchange failed spuriously. A visit never writes into a NULL
// cell, so that late write cannot overwrite a deposit.
fn found(c: u32, r: vec2<u32>) -> u32 {
  let empty = var_to(c);
  return select(select(r.x, 0u, r.x == empty), empty, r.y == 1u);
}

// One link's visit on its own: its compare-exchange, then what it found.
fn visit(o: vec2<u32>) -> u32 {
  let c = slot_of(o.x);
  return found(c, hcas(c, var_to(c), deposit(o.y)));
}

// The rest of a link (ends o, a the visited one) after its visit found
// \`old\` (NULL for two main ports); returns the wire to visit in the next
// round (z = 1), or z = 0 when the link is over. A redex, or a visit that
// found its cell NULL, goes on the stack (a link job has a variable on its
// left: interact links it, so a late write is waited for by doing other
// work). Otherwise the other end was there first: free the cell and go on
// with what it left.
fn settle(o: vec2<u32>, old: u32) -> vec3<u32> {
  if (old == o.x) { return vec3<u32>(0u); }
  if (old == 0u) {
    retried += select(0u, 1u, is_var(o.x));
    push(o.x, o.y);
    return vec3<u32>(0u);
  }
  hstore(slot_of(o.x), 0u);
  return vec3<u32>(unredirect(old), o.y, 1u);
}

// Rules queue their links (at most 4) and the dispatcher performs them
// (link_all), so the linking code exists once in the compiled shader, not
// once per rule. The queue is four pairs of scalars (registers), not an
// array, and a mask of the pairs in use: a link keeps its pair from one
// round to the next.
var<private> la0: u32;
var<private> lb0: u32;
var<private> la1: u32;
var<private> lb1: u32;
var<private> la2: u32;
var<private> lb2: u32;
var<private> la3: u32;
var<private> lb3: u32;
var<private> live: u32;

// link_all: connect the queued wire ends, in rounds. A wire end that is a
// variable VR(c) is a visit to cell c (a compare-exchange, see found): put
// our side in if it is empty, and that link is done; otherwise the other
// end was here first and the wire goes on with what it left, in the next
// round. Two main ports make a redex.
//
// Two wire ends of one rule never race with each other in a way a
// sequential order would not: each visit is one atomic step on one cell, so
// making every queued visit before any settling is one of the orders the
// protocol already allows.
//
// One copy of the linking code: the rounds are a loop, so the visits and
// settles exist once in the compiled shader, not once per rule or per step
// of a long wire. At most LINK_ROUNDS rounds (KernelConfig.linkRounds);
// what is left of a longer wire goes on the stack as link jobs.
const LINK_ROUNDS: u32 = ${k.linkRounds}u;

// Whether this is a spread round (long chains, one to a subgroup): its
// links of two main ports are pushed before the rounds.
var<private> lone: bool;

fn link_all() {
  // In a spread round a link of two main ports (the usual links of a fused
  // DREF or MATN step) is pushed at once, without a round; elsewhere the
  // check cost more than it saved (docs/webgpu.md, session 14).
  if (lone) {
    if ((live & 1u) != 0u && !is_var(la0) && !is_var(lb0)) { push(la0, lb0); live &= ~1u; }
    if ((live & 2u) != 0u && !is_var(la1) && !is_var(lb1)) { push(la1, lb1); live &= ~2u; }
  }
  // Nothing queued (a fused step whose links were made in the copy or
  // pushed above): return before the loop, whose entry moves the queue into
  // its registers (5-6% of heavy-loops, docs/webgpu.md, session 15).
  if (live == 0u) { return; }
  for (var round = 0u; round < LINK_ROUNDS; round += 1u) {
    if (live == 0u) { return; }
    let o0 = orient(la0, lb0);
    let o1 = orient(la1, lb1);
    let u0 = (live & 1u) != 0u && is_var(o0.x);
    let u1 = (live & 2u) != 0u && is_var(o1.x);
    // When both of the first two links visit a cell, their
    // compare-exchanges run back to back, with no branch between them and
    // nothing that waits for the first, so their round trips overlap (most
    // rules queue two links). A no-op compare-exchange for a link that
    // visits nothing, to keep the pair unbranched, cost the loops 2-6% in
    // atomic traffic (session 13).
    let c0 = slot_of(o0.x);
    let c1 = slot_of(o1.x);
    var f0 = 0u;
    var f1 = 0u;
    if (u0 && u1) {
      let r0 = hcas(c0, var_to(c0), deposit(o0.y));
      let r1 = hcas(c1, var_to(c1), deposit(o1.y));
      f0 = found(c0, r0);
      f1 = found(c1, r1);
    } else if (u0) {
      f0 = visit(o0);
    } else if (u1) {
      f1 = visit(o1);
    }
    // Links 3 and 4 (COMM, PASS) only when queued.
    let more = (live & 12u) != 0u;
    var o2 = vec2<u32>(0u);
    var o3 = vec2<u32>(0u);
    var f2 = 0u;
    var f3 = 0u;
    if (more) {
      o2 = orient(la2, lb2);
      o3 = orient(la3, lb3);
      if ((live & 4u) != 0u && is_var(o2.x)) { f2 = visit(o2); }
      if ((live & 8u) != 0u && is_var(o3.x)) { f3 = visit(o3); }
    }
    var go = 0u;
    if ((live & 1u) != 0u) { let w = settle(o0, f0); la0 = w.x; lb0 = w.y; go |= w.z; }
    if ((live & 2u) != 0u) { let w = settle(o1, f1); la1 = w.x; lb1 = w.y; go |= w.z << 1u; }
    if (more) {
      if ((live & 4u) != 0u) { let w = settle(o2, f2); la2 = w.x; lb2 = w.y; go |= w.z << 2u; }
      if ((live & 8u) != 0u) { let w = settle(o3, f3); la3 = w.x; lb3 = w.y; go |= w.z << 3u; }
    }
    live = go;
  }
  if (live != 0u) { defer_links(); }
}

// What is left of wires longer than LINK_ROUNDS visits, as jobs on the
// stack: a variable on the left (interact links it), or a redex when both
// ends are main ports.
fn defer_links() {
  for (var i = 0u; i < 4u; i += 1u) {
    if (((live >> i) & 1u) == 0u) { continue; }
    var a = la0;
    var b = lb0;
    switch (i) {
      case 1u: { a = la1; b = lb1; }
      case 2u: { a = la2; b = lb2; }
      case 3u: { a = la3; b = lb3; }
      default: {}
    }
    push(select(b, a, is_var(a)), select(a, b, is_var(a)));
  }
  live = 0u;
}

// A fresh wire between two slots of new nodes: the cell holds VR to itself.
fn wire(cell: u32, other: u32) {
  hstore(cell, var_to(cell));
  hstore(other, var_to(cell));
}
`;
}
