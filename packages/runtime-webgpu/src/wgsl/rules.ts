/**
 * WGSL interaction rules: one function per rule of ir's table, each the same
 * shape (allocate, load = take the aux ports, store = write new nodes, link),
 * and one dispatcher driven by the generated rule table. The dispatcher
 * allocates and takes the aux ports for every rule, and performs the links
 * the rule queued, so that code exists once in the compiled shader and the
 * lanes of a subgroup run it together whatever their rules.
 */
import { Rule } from "@hvm/ir";
import { BOOK_HEADER } from "../book.js";
import { ERR_TYPE } from "../layout.js";

const mask = (rules: readonly number[]): string => `0x${rules.reduce((m, r) => m | (1 << r), 0).toString(16)}u`;

/** Rules whose left operand (after the table's flip) is a node the rule consumes. */
const TAKES_LEFT = [Rule.ANNI, Rule.COMM, Rule.PASS, Rule.OP2N, Rule.OP1N, Rule.MATN];
/** Rules whose right operand is a node the rule consumes (DREF takes its partner itself, when it fuses). */
const TAKES_RIGHT = [Rule.ANNI, Rule.COMM, Rule.PASS, Rule.COPY, Rule.ERAS, Rule.ERA1];

/** Nodes each fixed-size rule allocates (DREF: its definition's size). */
const NODES: Readonly<Record<number, number>> = { [Rule.COMM]: 4, [Rule.PASS]: 3, [Rule.OP2N]: 1, [Rule.MATN]: 2 };
const nodes = (from: number): string => {
  let word = 0;
  for (let r = from; r < from + 8; r++) word |= (NODES[r] ?? 0) << (4 * (r - from));
  return `0x${(word >>> 0).toString(16)}u`;
};

export function rules(): string {
  return `
const ERR_TYPE: u32 = ${ERR_TYPE}u;
const BOOK_HEADER: u32 = ${BOOK_HEADER}u;
const TAKES_LEFT: u32 = ${mask(TAKES_LEFT)};
const TAKES_RIGHT: u32 = ${mask(TAKES_RIGHT)};
const NODES_LO: u32 = ${nodes(0)};
const NODES_HI: u32 = ${nodes(8)};

// The link queue, filled by a rule (which starts with it empty): link k
// connects lak and lbk.
fn links1(a0: u32, b0: u32) {
  la0 = a0; lb0 = b0;
  live = 1u;
}
fn links2(a0: u32, b0: u32, a1: u32, b1: u32) {
  la0 = a0; lb0 = b0; la1 = a1; lb1 = b1;
  live = 3u;
}
fn links3(a0: u32, b0: u32, a1: u32, b1: u32, a2: u32, b2: u32) {
  la0 = a0; lb0 = b0; la1 = a1; lb1 = b1; la2 = a2; lb2 = b2;
  live = 7u;
}
fn links4(a0: u32, b0: u32, a1: u32, b1: u32, a2: u32, b2: u32, a3: u32, b3: u32) {
  la0 = a0; lb0 = b0; la1 = a1; lb1 = b1; la2 = a2; lb2 = b2; la3 = a3; lb3 = b3;
  live = 15u;
}

// ANNI  CTi ~ CTi
//   a1  a2                a1 ---- b1
//    \\ /                  a2 ---- b2
//     A ~ B      ==>
//    / \\
//   b1  b2
fn rule_anni(ta: vec2<u32>, tb: vec2<u32>) {
  links2(ta.x, tb.x, ta.y, tb.y);
}

// COMM  CTi ~ CTj, CTi ~ OP2, CTi ~ MAT (any two binary nodes that commute)
//   a1  a2            a1 ~ B1(w11 w12)   b1 ~ A1(w11 w21)
//    \\ /              a2 ~ B2(w21 w22)   b2 ~ A2(w12 w22)
//     A ~ B    ==>   (Bk.aux l and Al.aux k are one wire, its cell on Al)
//    / \\
//   b1  b2
fn rule_comm(a: u32, b: u32, n: u32, ta: vec2<u32>, tb: vec2<u32>) {
  // B1 = n, B2 = n + 1, A1 = n + 2, A2 = n + 3
  wire(2u * (n + 2u), 2u * n);
  wire(2u * (n + 3u), 2u * n + 1u);
  wire(2u * (n + 2u) + 1u, 2u * (n + 1u));
  wire(2u * (n + 3u) + 1u, 2u * (n + 1u) + 1u);
  links4(ta.x, mk(tag(b), n), ta.y, mk(tag(b), n + 1u), tb.x, mk(tag(a), n + 2u), tb.y, mk(tag(a), n + 3u));
}

// PASS  CTi ~ OP1(x)
//   c1  c2             c1 ~ OP1(x, w1)
//    \\ /               c2 ~ OP1(x, w2)
//     C ~ OP1(x, r) => r  ~ CTi(w1 w2)
fn rule_pass(c: u32, n: u32, tc: vec2<u32>, to: vec2<u32>) {
  let x = to.x;
  // P1 = n, P2 = n + 1, Q = n + 2
  hstore(2u * n, x);
  hstore(2u * (n + 1u), x);
  wire(2u * (n + 2u), 2u * n + 1u);
  wire(2u * (n + 2u) + 1u, 2u * (n + 1u) + 1u);
  links3(tc.x, mk(OP1, n), tc.y, mk(OP1, n + 1u), to.y, mk(tag(c), n + 2u));
}

// COPY  NUM ~ CTi
//          c1  c2            c1 ~ #n
//           \\ /              c2 ~ #n
//   #n  ~    C       ==>
fn rule_copy(num: u32, tc: vec2<u32>) {
  links2(tc.x, num, tc.y, num);
}

// ERAS  ERA ~ CTi / OP2 / MAT
//          x1  x2            x1 ~ *
//           \\ /              x2 ~ *
//   *   ~    X       ==>
fn rule_eras(e: u32, tx: vec2<u32>) {
  links2(tx.x, e, tx.y, e);
}

// ERA1  ERA ~ OP1(x, r)
//   *   ~  OP1(x, r)   ==>   r ~ *
fn rule_era1(e: u32, to: vec2<u32>) {
  links1(to.y, e);
}

// DREF  REF ~ X (a binary node or OP1), or REF ~ VR(c) when the normal-form
// walk expands a REF in place: copy the definition from the book into fresh
// nodes (its internal wires already in cell form), queue its redexes, and
// connect its root to X.
//   @f ~ X     ==>   root(f') ~ X,  redexes(f')
// When the root and X are CTi nodes of one label, neither slot of the root
// node is a cell and X's slots have landed, root ~ X (queued last, so the
// next interaction anyway) annihilates here from the root's slots as the
// book holds them:
// the root node is never written, so its slots are neither stored, loaded
// back nor freed. It counts as the ANNI it is.
//   @f ~ Ci(x1 x2), root(f') = Ci(r1 r2)   ==>   r1 ~ x1, r2 ~ x2, redexes(f')
// A link rk ~ xk that would visit rk's cell is made by the copy (see
// linked_in_copy); link_all makes the others.
var<private> fused: bool;

// Book words [first, words) of a definition at \`off\` into the nodes from
// \`base\`: two nodes a step, their four words read (as two word pairs: the
// book is an array of them, and every offset is even) before any is
// written, so the reads overlap (the last step may read two words past the
// definition, unused). Slots s0 and s1 (NONE: none) get d0 and d1 instead
// of the book's word: the links a fused DREF makes in the copy, whose
// slots the book puts in its first step (bookForm in book.ts). The first
// step is outside the loop, and the loop is entered only for a second one:
// most definitions are copied in one step, and entering a loop costs the
// moves of its loop-carried values, every time (docs/webgpu.md, session
// 15). The loop counts by one up to a parameter, so that Tint sees it
// finite and adds no iteration guard (session 14).
fn copy_nodes(off: u32, base: u32, first: u32, words: u32, s0: u32, d0: u32, s1: u32, d1: u32) {
  if (first >= words) { return; }
  copy_step(off, base, first, words, s0, d0, s1, d1);
  let steps = (words - first + 3u) / 4u;
  if (steps > 1u) {
    for (var k = 1u; k < steps; k += 1u) {
      copy_step(off, base, first + 4u * k, words, NONE, 0u, NONE, 0u);
    }
  }
}

// Words i .. i + 3 of the copy (i + 2 and i + 3 only below \`words\`).
fn copy_step(off: u32, base: u32, i: u32, words: u32, s0: u32, d0: u32, s1: u32, d1: u32) {
  let a = 2u * base + i;
  let w0 = book[(off + i) / 2u];
  let w1 = book[(off + i) / 2u + 1u];
  var v = vec4<u32>(shift(w0.x, base), shift(w0.y, base), shift(w1.x, base), shift(w1.y, base));
  if ((s0 & s1) != NONE) {
    let at = vec4<u32>(a, a + 1u, a + 2u, a + 3u);
    v = select(select(v, vec4<u32>(d0), at == vec4<u32>(s0)), vec4<u32>(d1), at == vec4<u32>(s1));
  }
  hstore(a, v.x);
  hstore(a + 1u, v.y);
  if (i + 2u < words) {
    hstore(a + 2u, v.z);
    hstore(a + 3u, v.w);
  }
}

// Whether the link r ~ x of a fused DREF, r a root slot's word, would visit
// r's cell (link_all's orient: x is no variable, or a lower one). That cell
// is a slot of a node this DREF copies, which no other invocation can reach
// before the step's links publish the nodes, and no other port refers to
// (r was its only variable): it is empty, so the visit's compare-exchange
// would succeed. The copy writes x's deposit there instead, once, as it
// writes every other slot: a reader that gets there first finds NULL (a late
// write) and comes back, as for any new node.
fn linked_in_copy(r: u32, x: u32) -> bool {
  return is_var(r) && !(is_var(x) && slot_of(x) > slot_of(r));
}

// Redexes 1 .. nred - 1 of a definition (its list at \`rs\` in the book;
// redex 0 is in the header) onto the stack.
fn push_redexes(rs: u32, base: u32, nred: u32) {
  for (var j = 1u; j < nred; j += 1u) {
    let r = book[rs / 2u + j];
    push(shift(r.x, base), shift(r.y, base));
  }
}

// The dispatcher has read the definition's header (hd: offset, size,
// redex count, root; h2: node 0's two words and the first redex, book.ts)
// and x's slots (vx, when x is a node: the dispatcher's late-write check
// covers them) together, before allocating. A root that is a node is node
// 0 (book.ts), so the copy of a fused DREF starts at node 1 and needs no
// test per node.
fn rule_dref(x: u32, base: u32, hd: vec4<u32>, h2: vec4<u32>, vx: vec2<u32>) {
  let off = hd.x;
  let size = hd.y;
  let nred = hd.z;
  let root = hd.w;
  let fuse = !is_var(x) && tag(root) >= CT0 && tag(root) == tag(x) && ((h2.x != var_to(0u)) & (h2.y != var_to(1u)));
  var tx = vec2<u32>(0u);
  if (fuse) { tx = take2(x, vx); }
  let r0 = shift(h2.x, base);
  let r1 = shift(h2.y, base);
  let in0 = fuse && linked_in_copy(r0, tx.x);
  let in1 = fuse && linked_in_copy(r1, tx.y);
  copy_nodes(off, base, select(0u, 2u, fuse), 2u * size,
             select(NONE, slot_of(r0), in0), deposit(tx.x), select(NONE, slot_of(r1), in1), deposit(tx.y));
  if (nred != 0u) { push(shift(h2.z, base), shift(h2.w, base)); }
  // Entered only with a second redex (see copy_nodes).
  if (nred > 1u) { push_redexes(off + 2u * size, base, nred); }
  if (fuse) {
    fused = true;
    recycle(base);
    count(R_ANNI);
    links2(r0, tx.x, r1, tx.y);
    live = select(1u, 0u, in0) | select(2u, 0u, in1);
  } else if (is_var(shift(root, base))) {
    hstore(slot_of(shift(root, base)), x);
  } else {
    links1(shift(root, base), x);
  }
}

// OP2N  OP2 ~ NUM(x)
//   y   k                      y ~ OP1(x, k)
//    \\ /
//    OP2 ~ #x        ==>
fn rule_op2n(num: u32, n: u32, to: vec2<u32>) {
  hstore(2u * n, num);
  hstore(2u * n + 1u, to.y);
  links1(to.x, mk(OP1, n));
}

// OP1N  OP1(x, r) ~ NUM(y)
//   OP1(x, r) ~ #y    ==>    r ~ #op(x, y)
fn rule_op1n(num: u32, to: vec2<u32>) {
  links1(to.y, mk(NUM, apply_op(val(to.x), val(num))));
}

// MATN  MAT ~ NUM(n)
//   br  ret                  n == 0:  br ~ (ret *)
//    \\ /                      n > 0:  br ~ (* (#(n-1) ret))
//    MAT ~ #n        ==>
// When br is a CT0 node (the usual (zero succ) pair) whose slots have
// landed, br ~ (c1 c2) is the next interaction anyway and annihilates here,
// as for DREF: node n is never written, br's ports link to c1 and c2, and
// it counts as an ANNI.
//   br = (b1 b2)                          ==>   b1 ~ c1, b2 ~ c2
fn rule_matn(num: u32, n: u32, tm: vec2<u32>) {
  let br = tm.x;
  let ret = tm.y;
  let v = val(num);
  var c1 = ret;
  var c2 = ERA;
  if (v == 0u) {
    recycle(n + 1u);
  } else {
    c1 = ERA;
    c2 = mk(CT0, n + 1u);
    hstore(2u * (n + 1u), mk(NUM, v - 1u));
    hstore(2u * (n + 1u) + 1u, ret);
  }
  var vb = vec2<u32>(0u);
  if (tag(br) == CT0) { vb = load2(br); }
  if (min(vb.x, vb.y) != 0u) {
    fused = true;
    let tb = take2(br, vb);
    recycle(n);
    count(R_ANNI);
    links2(tb.x, c1, tb.y, c2);
  } else {
    hstore(2u * n, c1);
    hstore(2u * n + 1u, c2);
    links1(br, mk(CT0, n));
  }
}

// TYPE  OP2/OP1/MAT ~ OP2/OP1/MAT: no rule; raise the error naming the pair.
fn rule_type(a: u32, b: u32) {
  fail(ERR_TYPE, tag(a), tag(b));
}

fn count(rule: u32) {
  count_class(class_of(rule));
}
fn uncount(rule: u32) {
  add_class(class_of(rule), NONE);
}

// Nodes a rule allocates (a definition's size for DREF): 4 bits a rule in
// NODES_LO (rules 0-7) and NODES_HI (rules 8-15), shifts instead of a
// switch so that the lanes of a subgroup do not branch apart.
fn nodes_for(rule: u32, hd: vec4<u32>) -> u32 {
  let word = select(NODES_HI, NODES_LO, rule < 8u);
  return select((word >> ((rule & 7u) * 4u)) & 0xfu, hd.y, rule == R_DREF);
}

// The dispatcher: the generated table picks the rule and the operand order
// (a redex whose right side is a variable is a normal-form expansion job,
// REF ~ VR, run as DREF; one whose left side is a variable is a link whose
// cell had not landed, made again). The slots of the nodes the rule takes
// are loaded here (for DREF its partner's, with the definition's header
// from the book), before anything changes: when one is NULL (late writes)
// the redex goes back on the stack, to be tried again after other work.
// Then the nodes are allocated, the aux ports of the nodes the rule
// consumes are taken (TAKES_LEFT, TAKES_RIGHT), the rule runs, and its
// queued links are performed.
fn interact(a0: u32, b0: u32) {
  if (is_var(a0)) {
    links1(a0, b0);
  } else {
    rule(a0, b0);
  }
  link_all();
}

// A redex: its rule, which queues the links it makes.
fn rule(a0: u32, b0: u32) {
  // The slots of both nodes and a definition's header (from the REF side;
  // out of the book's range when there is none, and then not used) are
  // loaded first, so that their round trip overlaps the table lookup.
  let v0 = load_node(a0, tag(a0) >= OP2);
  let v1 = load_node(b0, !is_var(b0) && tag(b0) >= OP2);
  let d = (BOOK_HEADER / 2u) * val(select(b0, a0, tag(a0) == REF));
  let h = vec4<u32>(book[d], book[d + 1u]);
  let h2 = vec4<u32>(book[d + 2u], book[d + 3u]);
  var rf = rule_of(a0, b0);
  let flip = !is_var(b0) && rf.y == 1u;
  if (is_var(b0)) { rf = vec2<u32>(R_DREF, 0u); }
  let a = select(a0, b0, flip);
  let b = select(b0, a0, flip);
  let va = select(v0, v1, flip);
  let vb = select(v1, v0, flip);
  let hd = select(vec4<u32>(0u), h, rf.x == R_DREF);
  // Counted while the slots are on their way (a lone chain of work waits
  // for them otherwise: docs/webgpu.md, session 15); a redex tried again
  // takes its count back.
  count(rf.x);
  if (min(min(va.x, va.y), min(vb.x, vb.y)) == 0u) {
    uncount(rf.x);
    retried += 1u;
    push(a0, b0);
    return;
  }
  let n = alloc_nodes(nodes_for(rf.x, hd));
  if (n == NONE) {
    uncount(rf.x);
    return;
  }
  var ta = vec2<u32>(0u);
  var tb = vec2<u32>(0u);
  if (((TAKES_LEFT >> rf.x) & 1u) != 0u) { ta = take2(a, va); }
  if (((TAKES_RIGHT >> rf.x) & 1u) != 0u) { tb = take2(b, vb); }
  switch (rf.x) {
    case R_ANNI: { rule_anni(ta, tb); }
    case R_COMM: { rule_comm(a, b, n, ta, tb); }
    case R_PASS: { rule_pass(a, n, ta, tb); }
    case R_COPY: { rule_copy(a, tb); }
    case R_ERAS: { rule_eras(a, tb); }
    case R_ERA1: { rule_era1(a, tb); }
    case R_DREF: { rule_dref(b, n, hd, h2, vb); }
    case R_OP2N: { rule_op2n(b, n, ta); }
    case R_OP1N: { rule_op1n(b, ta); }
    case R_MATN: { rule_matn(b, n, ta); }
    case R_TYPE: { rule_type(a, b); }
    default: {}
  }
  release_run();
}
`;
}
