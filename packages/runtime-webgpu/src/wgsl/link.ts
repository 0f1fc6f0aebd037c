/**
 * WGSL linking protocol on cells (docs/webgpu.md, "Linking"): take the aux
 * slots of an owned node, visit a wire's cell with one compare-exchange, settle a
 * visit that found the other end's deposit, and the queue of a rule's links.
 */
export function linking(): string {
  return `
// take: consume the aux slots of a node we own, in two steps so that the
// loads of a rule's nodes are all in flight at once: load2 reads both slots
// of the node a main port points to, take2 settles what was read. An empty
// cell (VR to itself) stays alive for the other end; anything else is
// consumed (slot set to NULL) and a redirect becomes the variable it
// redirects to.
//
// A slot of a node in a redex is never NULL. WGSL atomics are relaxed: the
// invocation that made the node may have published its main port before
// its writes to the node's slots arrived, so NULL is a write still on its
// way. take2 checks (after all of a rule's loads were issued, so they stay
// in flight together) and, when one is NULL, landed reads again until it
// arrives (ERR_WAIT if it never does).
fn load2(p: u32) -> vec2<u32> {
  let s = val(p) << 1u;
  return vec2<u32>(hload(s), hload(s + 1u));
}

fn landed(s: u32, v0: vec2<u32>) -> vec2<u32> {
  var v = v0;
  var reads = 0u;
  loop {
    if (v.x != 0u && v.y != 0u) { break; }
    reads += 1u;
    if (reads > WAIT_MAX) { fail(ERR_WAIT, 0u, 0u); break; }
    if (v.x == 0u) { v.x = hload(s); }
    if (v.y == 0u) { v.y = hload(s + 1u); }
  }
  return v;
}

// One attempt at visiting cell c with our end d: a compare-exchange that
// puts d in only if the cell is empty (VR(c)). Returns VR(c) when it did,
// the other end's deposit when the cell holds one, and NULL when it must
// be tried again: the cell's own write (VR(c), by the invocation that made
// it) has not arrived yet, or the weak compare-exchange failed spuriously.
// A visit never writes into a NULL cell, so that late write cannot
// overwrite a deposit.
fn try_visit(c: u32, d: u32) -> u32 {
  let empty = var_to(c);
  let r = hcas(c, empty, d);
  if (r.y == 1u) { return empty; }
  return select(r.x, 0u, r.x == empty);
}

// A whole visit: try_visit until it is not NULL (ERR_WAIT if it stays so).
fn visit_cell(c: u32, d: u32) -> u32 {
  var reads = 0u;
  loop {
    let old = try_visit(c, d);
    if (old != 0u) { return old; }
    reads += 1u;
    if (reads > WAIT_MAX) { fail(ERR_WAIT, 0u, 0u); return var_to(c); }
  }
}

fn took(s: u32, v: u32) -> u32 {
  if (v == var_to(s)) { return v; }
  hstore(s, 0u);
  return select(v, v - 2u, tag(v) == RD1 || tag(v) == RD2);
}

// A node none of whose slots is an empty cell is wholly consumed: free.
fn take2(p: u32, v0: vec2<u32>) -> vec2<u32> {
  let s = val(p) << 1u;
  var v = v0;
  if (v.x == 0u || v.y == 0u) { v = landed(s, v); }
  if (v.x != var_to(s) && v.y != var_to(s + 1u)) { recycle(val(p)); }
  return vec2<u32>(took(s, v.x), took(s + 1u, v.y));
}

// link: connect two wire ends. A variable end VR(c) is a visit to cell c:
// put our side in if it is empty, and then we are done,
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
    let old = visit_cell(c, select(b, b + 2u, is_var(b)));
    if (old == a) { return; }
    hstore(c, 0u);
    a = select(old, old - 2u, tag(old) == RD1 || tag(old) == RD2);
  }
}

// The first visit of a link, split so that a rule's links visit their
// cells all at once (the visits overlap): returns (a, b, old) oriented as
// in link, old being what the first attempt found (try_visit; NULL: settle
// repeats it); old == a when the link is already complete (a deposit, or
// two main ports pushed as a redex).
fn visit(a0: u32, b0: u32) -> vec3<u32> {
  var a = a0;
  var b = b0;
  if (!is_var(a) || (is_var(b) && slot_of(b) > slot_of(a))) { let t = a; a = b; b = t; }
  if (!is_var(a)) { push(a, b); return vec3<u32>(a, b, a); }
  return vec3<u32>(a, b, try_visit(slot_of(a), select(b, b + 2u, is_var(b))));
}

// The rest of a link after its first visit (finished first when that
// attempt has to be repeated): the other end was there first, so free the
// cell and go on with what it left.
fn settle(v: vec3<u32>) {
  var old = v.z;
  if (old == 0u) { old = visit_cell(slot_of(v.x), select(v.y, v.y + 2u, is_var(v.y))); }
  if (old == v.x) { return; }
  hstore(slot_of(v.x), 0u);
  link(select(old, old - 2u, tag(old) == RD1 || tag(old) == RD2), v.y);
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
// sequential order would not: each visit is one atomic step on one cell, so
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
  if (nl > 1u) { settle(v1); }
  if (nl > 2u) { settle(v2); }
  if (nl > 3u) { settle(v3); }
  nl = 0u;
}

// A fresh wire between two slots of new nodes: the cell holds VR to itself.
fn wire(cell: u32, other: u32) {
  hstore(cell, var_to(cell));
  hstore(other, var_to(cell));
}
`;
}
