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
  if (v == var_to(s)) { return v; }
  hstore(s, 0u);
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

// One visit of cell c with our end d: a compare-exchange that puts d in
// only if the cell is empty (VR(c)). Returns VR(c) when it did, the other
// end's deposit when the cell holds one, and NULL when the visit must be
// made again later: the cell's own write (VR(c), by the invocation that
// made it) has not arrived yet, or the weak compare-exchange failed
// spuriously. A visit never writes into a NULL cell, so that late write
// cannot overwrite a deposit.
fn try_visit(c: u32, d: u32) -> u32 {
  let empty = var_to(c);
  let r = hcas(c, empty, d);
  if (r.y == 1u) { return empty; }
  return select(r.x, 0u, r.x == empty);
}

// One visit of a link (link_all makes a round's visits all at once, so
// they overlap): returns (a, b, old), a being the variable end whose cell
// was visited (the higher one when both are: the redirect left there is
// collected when that cell's other end arrives, and long-lived ends, the
// root and boot-time nodes, sit low, so no redirect chain grows from them)
// and old what the visit found (NULL: settle makes the link a job); old ==
// a when the link is complete (a deposit, or two main ports pushed as a
// redex).
fn visit(a0: u32, b0: u32) -> vec3<u32> {
  var a = a0;
  var b = b0;
  if (!is_var(a) || (is_var(b) && slot_of(b) > slot_of(a))) { let t = a; a = b; b = t; }
  if (!is_var(a)) { push(a, b); return vec3<u32>(a, b, a); }
  return vec3<u32>(a, b, try_visit(slot_of(a), select(b, b + 2u, is_var(b))));
}

// The rest of a link after its visit: the other end was there first, so
// free the cell and queue the wire again with what it left (the next round
// of link_all visits it). A visit that found its cell NULL becomes a link
// job on the stack (a variable on its left: interact links it), so a late
// write is waited for by doing other work.
fn settle(v: vec3<u32>) {
  if (v.z == v.x) { return; }
  if (v.z == 0u) { retried += 1u; push(v.x, v.y); return; }
  hstore(slot_of(v.x), 0u);
  later(unredirect(v.z), v.y);
}

// Rules queue their links (at most 4) and the dispatcher performs them
// (link_all), so the linking code exists once in the compiled shader, not
// once per rule. The queue is four pairs of scalars (registers), not an
// array.
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

// link_all: connect the queued wire ends, in rounds. A wire end that is a
// variable VR(c) is a visit to cell c (try_visit): put our side in if it is
// empty, and that link is done; otherwise the other end was here first and
// the wire goes on with what it left, in the next round. Two main ports
// make a redex.
//
// Two wire ends of one rule never race with each other in a way a
// sequential order would not: each visit is one atomic step on one cell, so
// making every queued visit before any settling is one of the orders the
// protocol already allows. The queue holds at most four links: a round
// takes them all and each settle queues at most one again.
//
// One copy of the linking code: the rounds are a loop, so the visits and
// settles exist once in the compiled shader, not once per rule or per step
// of a long wire. At most LINK_ROUNDS rounds (KernelConfig.linkRounds);
// what is left of a longer wire goes on the stack as link jobs.
const LINK_ROUNDS: u32 = ${k.linkRounds}u;

fn link_all() {
  for (var round = 0u; round < LINK_ROUNDS; round += 1u) {
    if (nl == 0u) { return; }
    let n = nl;
    nl = 0u;
    let v0 = visit(la0, lb0);
    var v1 = vec3<u32>(0u);
    var v2 = vec3<u32>(0u);
    var v3 = vec3<u32>(0u);
    if (n > 1u) { v1 = visit(la1, lb1); }
    if (n > 2u) { v2 = visit(la2, lb2); }
    if (n > 3u) { v3 = visit(la3, lb3); }
    settle(v0);
    if (n > 1u) { settle(v1); }
    if (n > 2u) { settle(v2); }
    if (n > 3u) { settle(v3); }
  }
  if (nl != 0u) { defer_links(); }
}

// What is left of wires longer than LINK_ROUNDS visits, as jobs on the
// stack: a variable on the left (interact links it), or a redex when both
// ends are main ports.
fn defer_links() {
  for (var i = 0u; i < nl; i += 1u) {
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
  nl = 0u;
}

// A fresh wire between two slots of new nodes: the cell holds VR to itself.
fn wire(cell: u32, other: u32) {
  hstore(cell, var_to(cell));
  hstore(other, var_to(cell));
}
`;
}
