/**
 * WGSL node allocator: 64-node chunks claimed from a bump counter, then by
 * a sweep over the heap for wholly free chunks; inside its chunk an
 * invocation allocates runs of free nodes from a 64-bit mask, and nodes it
 * frees go back to the mask (see docs/webgpu.md, "Allocation").
 */
/**
 * find_run's doublings of len from \`len\` while 2 * len <= n (n at most
 * \`max\`), unrolled into nested ifs.
 */
function doublings(len: number, max: number, pad: string): string {
  if (2 * len > max) return "";
  const inner = doublings(2 * len, max, pad + "  ");
  return [
    `${pad}if (n >= ${2 * len}u) {`,
    `${pad}  m &= shr64(m, ${len}u);`,
    `${pad}  len = ${2 * len}u;`,
    ...(inner ? [inner] : []),
    `${pad}}`,
  ].join("\n");
}

export function allocator(): string {
  return `
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

// The invocation's chunk (NONE: none yet) and which of its 64 nodes are
// free: bit i of fm.x is node i, bit i of fm.y node 32 + i. A claimed chunk
// is wholly free; a node goes back to the mask when its owner frees it
// (recycle), so a chain of work that frees what it allocated stays in one
// chunk, in cache, and claims no new chunk.
var<private> cur: u32;
var<private> fm: vec2<u32>;

// The 64-bit mask of n (1..32) bits from bit k.
fn run_bits(k: u32, n: u32) -> vec2<u32> {
  let f = select((1u << n) - 1u, 0xffffffffu, n >= 32u);
  if (k == 0u) { return vec2<u32>(f, 0u); }
  if (k < 32u) { return vec2<u32>(f << k, f >> (32u - k)); }
  return vec2<u32>(0u, f << (k - 32u));
}

// The 64-bit mask m shifted right by s (1..31).
fn shr64(m: vec2<u32>, s: u32) -> vec2<u32> {
  return vec2<u32>((m.x >> s) | (m.y << (32u - s)), m.y >> s);
}

// The lowest bit where n (1..32) consecutive free nodes start, or NONE:
// bit j of m says nodes j .. j + len - 1 are free; doubling len, then one
// overlapping step to n. The doublings are nested ifs, not a loop: entering
// a loop costs a lone chain of work the moves of its loop-carried values
// into the loop's registers, every step (docs/webgpu.md, session 15).
fn find_run(n: u32) -> u32 {
  var m = fm;
  var len = 1u;
${doublings(1, 32, "  ")}
  if (len < n) { m &= shr64(m, n - len); }
  if (m.x != 0u) { return ctz(m.x); }
  if (m.y != 0u) { return 32u + ctz(m.y); }
  return NONE;
}

// The lowest set bit of m (not 0): the ones below it counted. Not
// firstTrailingBit, which Tint replaces by a five-step search.
fn ctz(m: u32) -> u32 { return countOneBits(~m & (m - 1u)); }

// n (1..32) consecutive free nodes of the current chunk, or of a new one
// (the old one is released: the sweep takes it back once all of it is free).
fn alloc(n: u32) -> u32 {
  var k = find_run(n);
  if (k == NONE) {
    let c = claim(1u);
    if (c == NONE) { return NONE; }
    if (cur != NONE) { release(cur, 1u); }
    cur = c;
    fm = vec2<u32>(0xffffffffu);
    k = 0u;
  }
  fm &= ~run_bits(k, n);
  return cur * CHUNK + k;
}

// A node of the current chunk that we took wholly (none of its slots an
// empty cell) is free again at once: nobody refers to a NULL slot, and the
// main port was in the redex we consumed. A node whose cell the wire's
// other end completes later stays out of the mask until the sweep frees
// its chunk.
// Selects, not branches, so the lanes of a subgroup stay together.
fn recycle(node: u32) {
  let k = node % CHUNK;
  let hit = node / CHUNK == cur;
  let bit = 1u << (k & 31u);
  fm |= vec2<u32>(select(0u, bit, hit && k < 32u), select(0u, bit, hit && k >= 32u));
}

// Any number of consecutive nodes: up to 32 from the current chunk, more
// from a run of wholly free chunks held until the rule has written them
// (release_run), so nobody else can claim them half-written.
var<private> run_c: u32;
var<private> run_k: u32;

fn alloc_nodes(n: u32) -> u32 {
  if (n == 0u) { return 0u; }
  if (n <= 32u) { return alloc(n); }
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

`;
}
