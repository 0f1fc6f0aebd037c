/**
 * The cpu-parallel hot loop in AssemblyScript, compiled to WebAssembly
 * (build.mjs): the interaction rules of DESIGN §4, one function each, over
 * the concurrent cell-form heap (docs/linking.md), with the allocator's fast
 * paths (docs/runtime-cpu-parallel.md), in the shared memory that holds the
 * heap. Each worker instantiates this
 * module on the shared memory and calls `reduce` between its scheduling
 * checks (src/parallel/core/scheduler.ts); WebAssembly gives the hot loop
 * what V8's JIT does not: an inline atomic exchange, no SMI checks and no
 * deoptimisation.
 *
 * Memory (byte offsets; src/parallel/core/layout.ts places the regions):
 *   [0, 8 * nodes)  the heap, node n at 8n (slots 2n, 2n + 1)
 *   owners          one i32 per chunk: 1 + the id of the thread owning it
 *   dispatch        256 bytes: ir's RULE_TABLE | RULE_FLIP << 4 by tag pair
 *   book            per definition 4 i32: code offset, code length, size,
 *                   table offset (from the worker's tables)
 *   per thread:     its worker block (Blk), definition tables, redex stack
 *                   and free stack
 *
 * The worker block's offsets (Blk) and the statuses `reduce` returns come
 * from layout.ts through generated.ts, as the tags, rule ids and
 * numeric operators come from @hvm/ir.
 *
 * Nothing here has data segments: instantiating the module on the shared
 * memory must not write to it.
 */
import { Blk, Rule, Status, Tag, applyOp } from "./generated";

/** The allocator's slow path (src/parallel/core/alloc.ts): the next chunk to scan; throws when the heap is exhausted. */
@external("env", "nextChunk")
declare function nextChunk(): void;

let blk: usize = 0;
let owners: usize = 0;
let shift: i32 = 0;
let mark: i32 = 0;
let dispatch: usize = 0;
let book: usize = 0;
let tables: usize = 0;
let free: usize = 0;
let freeCap: i32 = 0;

/** Point this instance at its thread's regions. */
export function init(block: usize, ownersAt: usize, chunkShift: i32, threadMark: i32, dispatchAt: usize, bookAt: usize, tablesAt: usize, freeAt: usize, freeWords: i32): void {
  blk = block;
  owners = ownersAt;
  shift = chunkShift;
  mark = threadMark;
  dispatch = dispatchAt;
  book = bookAt;
  tables = tablesAt;
  free = freeAt;
  freeCap = freeWords;
}

// Heap slots and the stack are i32 words addressed by index.
@inline function ld(i: i32): i32 {
  return load<i32>(<usize>i << 2);
}
@inline function st(i: i32, v: i32): void {
  store<i32>(<usize>i << 2, v);
}
@inline function wd(at: usize): i32 {
  return load<i32>(at);
}
@inline function setWd(at: usize, v: i32): void {
  store<i32>(at, v);
}

/** The empty-cell pointer of slot x: VR(x). */
@inline function vrOf(x: i32): i32 {
  return ((x >>> 1) << 4) | (x & 1);
}

/** A fresh node: the top of the free stack, else a scan of this thread's chunks. */
@inline function alloc(): i32 {
  const top = wd(blk + Blk.FREE_TOP);
  if (top != 0) {
    setWd(blk + Blk.FREE_TOP, top - 1);
    return load<i32>(free + (<usize>(top - 1) << 2));
  }
  return scan();
}

/**
 * Node n is free and nobody else can reach it: push it on the free stack,
 * its slots holding ERA markers (never NULL, so no scan hands it out); when
 * the stack is full, NULL slots leave it to its chunk owner's scan.
 */
@inline function unlist(n: i32): void {
  const top = wd(blk + Blk.FREE_TOP);
  if (top < freeCap) {
    store<i32>(free + (<usize>top << 2), n);
    setWd(blk + Blk.FREE_TOP, top + 1);
    store<i64>(<usize>n << 3, (<i64>Tag.ERA << 32) | <i64>Tag.ERA);
  } else {
    store<i64>(<usize>n << 3, 0);
  }
}

function scan(): i32 {
  for (;;) {
    let pos = wd(blk + Blk.POS);
    const end = wd(blk + Blk.END);
    while (pos < end) {
      if (load<i64>(<usize>pos << 3) == 0) {
        st(2 * pos, Tag.ERA);
        setWd(blk + Blk.POS, pos + 1);
        setWd(blk + Blk.FOUND, wd(blk + Blk.FOUND) + 1);
        return pos;
      }
      pos++;
    }
    setWd(blk + Blk.POS, pos);
    nextChunk();
  }
  return unreachable();
}

/** Node n may have just become free: list it when both slots are NULL and it is in a chunk of this thread. */
@inline function release(n: i32): void {
  if (load<i64>(<usize>n << 3) == 0 && load<i32>(owners + (<usize>((n - 1) >> shift) << 2)) == mark) unlist(n);
}

/** Consume node n whose aux slots held v1 and v2: empty cells stay, the rest is taken; a node with nothing left is listed free. */
@inline function consume(n: i32, v1: i32, v2: i32): void {
  const c1 = v1 == vrOf(2 * n);
  const c2 = v2 == vrOf(2 * n + 1);
  if (!c1 && !c2) {
    unlist(n);
    return;
  }
  if (!c1) st(2 * n, 0);
  if (!c2) st(2 * n + 1, 0);
}

/**
 * Connect two wire ends: deposit into an empty cell with one atomic
 * exchange, continue past a cell holding the other end's deposit (the cell
 * dies), or push a redex at stack word r. Returns the new stack length.
 */
function link(r: i32, a: i32, b: i32): i32 {
  for (;;) {
    if ((a & 0xf) > Tag.RD2) {
      if ((b & 0xf) > Tag.RD2) {
        st(r, a);
        st(r + 1, b);
        return r + 2;
      }
      const t = a;
      a = b;
      b = t;
    }
    a &= ~2;
    const c = ((a >>> 4) << 1) | (a & 1);
    let old = ld(c);
    if (old == a) {
      old = atomic.xchg<i32>(<usize>c << 2, (b & 0xf) <= Tag.RD2 ? b | 2 : b);
      if (old == a) return r;
    }
    st(c, 0);
    if (ld(c ^ 1) == 0) release(c >> 1);
    a = old;
  }
  return unreachable();
}

/*  ANNI  CTi ~ CTi
 *     a1  a2                a1  a2
 *      \ /                   |   |
 *       A         =>         |   |
 *       |                    |   |
 *       B                    |   |
 *      / \                   |   |
 *     b1  b2                b1  b2
 */
@inline function anni(r: i32, a: i32, b: i32): i32 {
  const na = a >>> 4;
  const nb = b >>> 4;
  const a1 = ld(2 * na);
  const a2 = ld(2 * na + 1);
  const b1 = ld(2 * nb);
  const b2 = ld(2 * nb + 1);
  consume(na, a1, a2);
  consume(nb, b1, b2);
  r = link(r, a1, b1);
  return link(r, a2, b2);
}

/*  COMM  CTi ~ CTj | OP2 | MAT
 *     a1  a2                a1      a2
 *      \ /                  |       |
 *       A                   B1      B2
 *       |         =>        | \   / |
 *       B                   |   X   |
 *      / \                  | /   \ |
 *     b1  b2                A1      A2
 *                           |       |
 *                           b1      b2
 *  The four new wires' cells go in the copies expected to be consumed last
 *  (c1, c2; o1, o2 point at them): when b1 or b2 is a main port, its redex
 *  with A1/A2 is pushed last and reduced first, so the cells are in B1/B2;
 *  otherwise in A1/A2.
 */
function comm(r: i32, a: i32, b: i32): i32 {
  const na = a >>> 4;
  const nb = b >>> 4;
  const a1 = ld(2 * na);
  const a2 = ld(2 * na + 1);
  const b1 = ld(2 * nb);
  const b2 = ld(2 * nb + 1);
  consume(na, a1, a2);
  consume(nb, b1, b2);
  const c1 = alloc();
  const c2 = alloc();
  const o1 = alloc();
  const o2 = alloc();
  st(2 * c1, vrOf(2 * c1));
  st(2 * c1 + 1, vrOf(2 * c1 + 1));
  st(2 * c2, vrOf(2 * c2));
  st(2 * c2 + 1, vrOf(2 * c2 + 1));
  st(2 * o1, vrOf(2 * c1));
  st(2 * o1 + 1, vrOf(2 * c2));
  st(2 * o2, vrOf(2 * c1 + 1));
  st(2 * o2 + 1, vrOf(2 * c2 + 1));
  const cellsInB = (b1 & 0xf) > Tag.RD2 || (b2 & 0xf) > Tag.RD2;
  const x1 = cellsInB ? c1 : o1;
  const x2 = cellsInB ? c2 : o2;
  const y1 = cellsInB ? o1 : c1;
  const y2 = cellsInB ? o2 : c2;
  const ta = a & 0xf;
  const tb = b & 0xf;
  r = link(r, a1, (x1 << 4) | tb);
  r = link(r, a2, (x2 << 4) | tb);
  r = link(r, b1, (y1 << 4) | ta);
  return link(r, b2, (y2 << 4) | ta);
}

/*  PASS  CTi ~ OP1(n)
 *     a1  a2                a1        a2
 *      \ /                  |         |
 *       A                   OP1(n)    OP1(n)
 *       |         =>          \      /
 *     OP1(n)                    C(i)
 *       |                       |
 *       b2                      b2
 *  The two wires' cells are the OP1s' result slots: C, linked last, is
 *  usually reduced first, and the OP1s wait for their numbers.
 */
function pass(r: i32, a: i32, b: i32): i32 {
  const na = a >>> 4;
  const nb = b >>> 4;
  const a1 = ld(2 * na);
  const a2 = ld(2 * na + 1);
  const n = ld(2 * nb);
  const b2 = ld(2 * nb + 1);
  consume(na, a1, a2);
  consume(nb, n, b2);
  const o1 = alloc();
  const o2 = alloc();
  const c = alloc();
  st(2 * o1, n);
  st(2 * o1 + 1, vrOf(2 * o1 + 1));
  st(2 * o2, n);
  st(2 * o2 + 1, vrOf(2 * o2 + 1));
  st(2 * c, vrOf(2 * o1 + 1));
  st(2 * c + 1, vrOf(2 * o2 + 1));
  r = link(r, a1, (o1 << 4) | Tag.OP1);
  r = link(r, a2, (o2 << 4) | Tag.OP1);
  return link(r, b2, (c << 4) | (a & 0xf));
}

/*  COPY  NUM ~ CTi   (ERAS: ERA ~ CTi | OP2 | MAT, the same with ERA)
 *       #n                  #n  #n
 *       |                   |   |
 *       B         =>        b1  b2
 *      / \
 *     b1  b2
 */
@inline function copy(r: i32, a: i32, b: i32): i32 {
  const nb = b >>> 4;
  const b1 = ld(2 * nb);
  const b2 = ld(2 * nb + 1);
  consume(nb, b1, b2);
  r = link(r, b1, a);
  return link(r, b2, a);
}

/*  ERA1  ERA ~ OP1(n)
 *       *
 *       |         =>        *
 *     OP1(n)                |
 *       |                   b2
 *       b2
 */
@inline function era1(r: i32, a: i32, b: i32): i32 {
  const nb = b >>> 4;
  const b2 = ld(2 * nb + 1);
  consume(nb, ld(2 * nb), b2);
  return link(r, b2, a);
}

/*  DREF  @f ~ B       =>    (copy of @f's net, its root) ~ B
 *  The loop has made room on the stack for the definition's redexes.
 */
function dref(r: i32, f: i32, b: i32): i32 {
  const e = book + (<usize>f << 4);
  const code = <usize>wd(e);
  const len = wd(e + 4);
  const size = wd(e + 8);
  const t = tables + <usize>wd(e + 12);
  for (let k = 0; k < size; k++) store<i32>(t + (<usize>k << 2), alloc());
  const nodeEnd = 2 * size;
  for (let i = 0; i < nodeEnd; i += 2) {
    const at = 2 * load<i32>(t + (<usize>(i >> 1) << 2));
    const p = load<i32>(code + (<usize>i << 2));
    const q = load<i32>(code + (<usize>i << 2), 4);
    st(at, (load<i32>(t + (<usize>(p >>> 4) << 2)) << 4) | (p & 0xf));
    st(at + 1, (load<i32>(t + (<usize>(q >>> 4) << 2)) << 4) | (q & 0xf));
  }
  const end = len - 1;
  for (let i = nodeEnd; i < end; i++) {
    const p = load<i32>(code + (<usize>i << 2));
    st(r++, (load<i32>(t + (<usize>(p >>> 4) << 2)) << 4) | (p & 0xf));
  }
  const root = load<i32>(code + (<usize>end << 2));
  const v = (load<i32>(t + (<usize>(root >>> 4) << 2)) << 4) | (root & 0xf);
  if ((root & 0xf) <= Tag.RD2) {
    st(((v >>> 4) << 1) | (v & 1), b);
    return r;
  }
  st(r, v);
  st(r + 1, b);
  return r + 2;
}

/*  OP2N  OP2 ~ #x
 *     a1  a2                a1
 *      \ /                  |
 *      OP2        =>      OP1(x)
 *       |                   |
 *       #x                  a2
 */
function op2n(r: i32, a: i32, b: i32): i32 {
  const na = 2 * (a >>> 4);
  const a1 = ld(na);
  if (a1 != vrOf(na)) {
    st(na, b);
    return link(r, a1, (a & ~0xf) | Tag.OP1);
  }
  const a2 = ld(na + 1);
  if (a2 != vrOf(na + 1)) st(na + 1, 0);
  const o = alloc();
  st(2 * o, b);
  st(2 * o + 1, (a2 & 0xf) <= Tag.RD2 ? a2 | 2 : a2);
  return link(r, a1, (o << 4) | Tag.OP1);
}

/*  OP1N  OP1(x) ~ #y
 *     OP1(x)
 *       |         =>        #op(x,y)
 *       #y                  |
 *     (a2 above)            a2
 */
@inline function op1n(r: i32, a: i32, b: i32): i32 {
  const na = a >>> 4;
  const x = ld(2 * na);
  const a2 = ld(2 * na + 1);
  consume(na, x, a2);
  return link(r, a2, (applyOp(x >>> 4, b >>> 4) << 4) | Tag.NUM);
}

/*  MATN  MAT ~ #n
 *    br  ret                n = 0:  br ~ (ret *)
 *      \ /        =>        n > 0:  br ~ (* (#(n-1) ret))
 *      MAT
 *       |
 *       #n
 */
function matn(r: i32, a: i32, b: i32): i32 {
  const na = a >>> 4;
  const br = ld(2 * na);
  const ret = ld(2 * na + 1);
  consume(na, br, ret);
  const n = b >>> 4;
  const moved = (ret & 0xf) <= Tag.RD2 ? ret | 2 : ret;
  const c = alloc();
  if (n == 0) {
    st(2 * c, moved);
    st(2 * c + 1, Tag.ERA);
  } else {
    const d = alloc();
    st(2 * d, ((n - 1) << 4) | Tag.NUM);
    st(2 * d + 1, moved);
    st(2 * c, Tag.ERA);
    st(2 * c + 1, (d << 4) | Tag.CT0);
  }
  return link(r, br, (c << 4) | Tag.CT0);
}

/**
 * Reduce up to `budget` redexes from the top of the stack (words
 * [base, sp) at byte `stack`, `cap` words long; every rule may push `room`
 * words). Returns a Status; the block's SP and DONE say where the stack
 * ends and how many interactions ran, COUNTS gains them by rule.
 */
export function reduce(stack: usize, sp: i32, base: i32, cap: i32, room: i32, budget: i32): i32 {
  const top = <i32>(stack >> 2);
  let r = top + sp;
  const floor = top + base;
  const limit = top + cap - room;
  let nAnni = 0;
  let nComm = 0;
  let nPass = 0;
  let nCopy = 0;
  let nEras = 0;
  let nEra1 = 0;
  let nVoid = 0;
  let nDref = 0;
  let nOp2n = 0;
  let nOp1n = 0;
  let nMatn = 0;
  let n = 0;
  let status = Status.OK;
  while (n < budget && r != floor) {
    if (r > limit) {
      status = Status.FULL;
      break;
    }
    r -= 2;
    let a = ld(r);
    let b = ld(r + 1);
    const d = <i32>load<u8>(dispatch + <usize>(((a & 0xf) << 4) | (b & 0xf)));
    if (d > 0xf) {
      const t = a;
      a = b;
      b = t;
    }
    switch (d & 0xf) {
      case Rule.ANNI:
        r = anni(r, a, b);
        nAnni++;
        break;
      case Rule.COMM:
        r = comm(r, a, b);
        nComm++;
        break;
      case Rule.PASS:
        r = pass(r, a, b);
        nPass++;
        break;
      case Rule.COPY:
        r = copy(r, a, b);
        nCopy++;
        break;
      case Rule.ERAS:
        r = copy(r, a, b);
        nEras++;
        break;
      case Rule.ERA1:
        r = era1(r, a, b);
        nEra1++;
        break;
      case Rule.VOID:
        nVoid++;
        break;
      case Rule.DREF:
        r = dref(r, a >>> 4, b);
        nDref++;
        break;
      case Rule.OP2N:
        r = op2n(r, a, b);
        nOp2n++;
        break;
      case Rule.OP1N:
        r = op1n(r, a, b);
        nOp1n++;
        break;
      case Rule.MATN:
        r = matn(r, a, b);
        nMatn++;
        break;
      default:
        setWd(blk + Blk.STOP_A, a & 0xf);
        setWd(blk + Blk.STOP_B, b & 0xf);
        r += 2;
        status = Status.TYPE;
        break;
    }
    if (status != Status.OK) break;
    n++;
  }
  setWd(blk + Blk.SP, r - top);
  setWd(blk + Blk.DONE, n);
  count(Rule.ANNI, nAnni);
  count(Rule.COMM, nComm);
  count(Rule.PASS, nPass);
  count(Rule.COPY, nCopy);
  count(Rule.ERAS, nEras);
  count(Rule.ERA1, nEra1);
  count(Rule.VOID, nVoid);
  count(Rule.DREF, nDref);
  count(Rule.OP2N, nOp2n);
  count(Rule.OP1N, nOp1n);
  count(Rule.MATN, nMatn);
  return status;
}

@inline function count(rule: i32, k: i32): void {
  const at = blk + Blk.COUNTS + (<usize>rule << 3);
  store<f64>(at, load<f64>(at) + <f64>k);
}

/** ir.applyOp as compiled here, for the tests that hold it to ir's table. */
export { applyOp };
