/**
 * The two entry points and the assembled shader.
 *
 * `reduce`: every round is a direct dispatch of MAX_WG workgroups; a
 * workgroup with no redex in the round's window returns at once. The
 * spread rounds (long chains) run in a second pipeline of the same entry
 * point (override LONE, a dispatch of LONE_WG workgroups before the main
 * one, in batches that follow a spread round), which shares no work. Each
 * invocation takes redexes from the window of the input bag (its top
 * WINDOW pairs at most, strided by the dispatch width; in a spread round
 * the first of every 2^spread invocations takes one) and reduces
 * them depth-first on its ring stack (workgroup memory) for up to the
 * round's budget of interactions (set by `between`). It gives its oldest
 * redex to the output bag every SHARE_MASK + 1 steps (a longer period in
 * wide rounds where configured) while the output bag holds fewer than
 * SHARE_BELOW redexes (those of this dispatch, or all of them when
 * leftovers count) and its stack holds at least SHARE_MIN (work sharing),
 * and spills what is left to the output bag, on top of what that bag
 * already held. Per-workgroup sums of the rule classes and the profile
 * counters go to the state buffer at the end.
 *
 * `between`: one invocation; drops the consumed window from the input bag
 * (its count goes back to the window base), then sets the output bag's
 * window (the next round's input: the whole bag until the bump allocator
 * has handed out WINDOW_START chunks, then its top WINDOW pairs; empty
 * after an error), and sets the next round's budget
 * (KernelConfig.budgetMin): BUDGET_TAIL times the mean interactions of
 * this round's busy invocations (from BUDGET_MIN) when its longest one did
 * more or some used all of their budget, and fewer than a quarter did;
 * else BUDGET. It also sets the next round's spread
 * (KernelConfig.spreadMax).
 */
import { type KernelConfig, type MemoryPlan, loneWorkgroups } from "../layout.js";
import { allocator } from "./alloc.js";
import { bindings, core, heapAccessors } from "./core.js";
import { linking } from "./link.js";
import { rules } from "./rules.js";
import { operatorFunction, ruleClassFunction, ruleConstants, ruleTableFunction, tagConstants, voidFunction } from "./tables.js";

function entryPoints(k: KernelConfig): string {
  return `
// Per-workgroup sums: the rule classes, then the profile counters.
const W_STATS: u32 = 8u;
var<workgroup> wsum: array<atomic<u32>, 18>;

// Work sharing: give the oldest redex of the stack to the output bag.
fn share(steps: u32) -> u32 {
  if (hungry && sp - bot >= SHARE_MIN && (steps & SHARE_MASK) == 0u) {
    push_global(stk_a(bot), stk_b(bot));
    bot += 1u;
    return 1u;
  }
  return 0u;
}

// Whether this workgroup has a redex in the round's window.
var<workgroup> wbusy: u32;

// The lone pipeline (override LONE: true) runs the spread rounds, in a
// dispatch of LONE_WG workgroups: no workgroup of it is idle, so its
// chains spread evenly over the device (inside a dispatch of MAX_WG
// workgroups, of which all but the first few return at once, the same
// chains ran 3-4% slower), and it shares no work (a chain's stack that
// overflows still sends its oldest redexes out), which leaves a step
// shorter code. The main pipeline (LONE: false, MAX_WG workgroups) runs
// every other round. heavy-loops: 48.5 -> 41.7 ms (docs/webgpu.md,
// session 16).
override LONE: bool = false;
const LONE_WG: u32 = ${loneWorkgroups(k)}u;

@compute @workgroup_size(WG)
fn reduce(@builtin(global_invocation_id) gid: vec3<u32>,
          @builtin(workgroup_id) wid: vec3<u32>,
          @builtin(local_invocation_index) l: u32) {
  lid = l;
  let tid = gid.x;
  let width = select(MAX_WG, LONE_WG, LONE) * WG;
  let n = min(atomicLoad(&bin[0]), BAG_CAP);
  // Every round is a direct dispatch of MAX_WG workgroups (an indirect
  // dispatch costs Dawn a validation pass: ~150 us a round on the H200,
  // docs/webgpu.md, session 13); a workgroup with no redex in the window
  // returns at once, before touching anything else.
  let spread = atomicLoad(&st[S_SPREAD]);
  lone = LONE || spread != 0u;
  if (l == 0u) {
    // The lone pipeline runs the spread rounds; the main one the others,
    // and the spread ones too in a batch that does not dispatch the lone
    // pipeline (S_SPLIT 0).
    var mine = spread != 0u;
    if (!LONE) { mine = spread == 0u || atomicLoad(&st[S_SPLIT]) == 0u; }
    wbusy = select(0u, 1u, mine && ((wid.x * WG) >> spread) < n - min(atomicLoad(&bin[1]), n));
  }
  if (workgroupUniformLoad(&wbusy) == 0u) { return; }
  // Invocations below KEEP keep their chunk between dispatches; later ones
  // start without one and release theirs when they finish.
  let keeps = tid < KEEP;
  let ab = S_ALLOC + ALLOC_WORDS * tid;
  cur = NONE;
  fm = vec2<u32>(0u);
  if (keeps) {
    cur = atomicLoad(&st[ab]) - 1u;
    fm = vec2<u32>(atomicLoad(&st[ab + 1u]), atomicLoad(&st[ab + 2u]));
  }
  sp = 0u;
  bot = 0u;
  obase = ${k.shareCountsLeftovers ? "0u" : "atomicLoad(&bout[1])"};
  hungry = atomicLoad(&bout[0]) - obase < SHARE_BELOW;
${k.shareEveryWide <= k.shareEvery ? "" : `  let base = atomicLoad(&bin[1]);
  SHARE_MASK = select(SHARE_MASK_NARROW, SHARE_MASK_WIDE, n > base && n - base >= SHARE_WIDE_FROM);
`}  let round_budget = atomicLoad(&st[S_BUDGET]);
  // A lone round's chains get twice the budget: they are long (that is
  // why the round is spread), and half as many rounds cost half as many
  // round trips (heavy-loops 60 -> 28 rounds, 3% faster: docs/webgpu.md,
  // session 16).
  let budget = select(round_budget, BUDGET, round_budget == 0u) * select(1u, 2u, LONE);
  // A spread round (S_SPREAD, set by between) gives each redex of its
  // window the first of 2^spread invocations.
  let stride = width >> spread;
  var next = select(n, atomicLoad(&bin[1]) + (tid >> spread), (tid & ((1u << spread) - 1u)) == 0u);
  var steps = 0u;
  var given = 0u;
  var spilled = 0u;
  var err = 0u;
  // A counted loop (the bound is never reached: every iteration takes a
  // redex or makes a step, and both run out first) so that Tint sees it
  // finite and adds no iteration guard of its own (docs/webgpu.md,
  // session 14).
  for (var it = 0u; it < NONE; it += 1u) {
    if (steps >= budget) { break; }
    // The error flag, read every 64 steps, is tested a step later, so that
    // no step waits for its load (docs/webgpu.md, session 15). The lone
    // pipeline does not read it: after an error its chains stop at the end
    // of their budget, and the rounds after it have nothing to do (1% of
    // heavy-loops, session 16).
    if (!LONE) {
      if (err != 0u) { break; }
      if ((steps & 63u) == 0u) { err = atomicLoad(&st[S_ERR]); }
    }
    if (bot == sp) {
      bot = 0u;
      sp = 0u;
      if (next >= n) { break; }
      push(atomicLoad(&bin[BAG_HEADER + 2u * next]), atomicLoad(&bin[BAG_HEADER + 2u * next + 1u]));
      next += stride;
      continue;
    }
    if (!LONE) { given += share(steps); }
    sp -= 1u;
    interact(stk_a(sp), stk_b(sp));
    steps += 1u;
    // A DREF or MATN that annihilated the node it made with its partner
    // did two interactions in one step: the second gets its step and its
    // chance to share too, so the work spreads as when that redex went
    // through the stack.
    if (fused) {
      fused = false;
      if (!LONE) { given += share(steps); }
      steps += 1u;
    }
  }
  for (var i = bot; i < sp; i += 1u) {
    push_global(stk_a(i), stk_b(i));
  }
  spilled = sp - bot;
  for (; next < n; next += stride) {
    push_global(atomicLoad(&bin[BAG_HEADER + 2u * next]), atomicLoad(&bin[BAG_HEADER + 2u * next + 1u]));
  }
  if (keeps) {
    atomicStore(&st[ab], cur + 1u);
    atomicStore(&st[ab + 1u], fm.x);
    atomicStore(&st[ab + 2u], fm.y);
  } else if (cur != NONE) {
    release(cur, 1u);
  }
  flush_counts();
  if (swept != 0u) { atomicAdd(&wsum[W_STATS], swept); }
  if (probes != 0u) { atomicAdd(&wsum[W_STATS + 1u], probes); }
  if (steps != 0u) { atomicAdd(&wsum[W_STATS + 2u], 1u); }
  atomicMax(&wsum[W_STATS + 3u], steps);
  if (given != 0u) { atomicAdd(&wsum[W_STATS + 4u], given); }
  if (spilled != 0u) { atomicAdd(&wsum[W_STATS + 5u], spilled); }
  if (retried != 0u) { atomicAdd(&wsum[W_STATS + 6u], retried); }
  if (pushed != 0u) { atomicAdd(&wsum[W_STATS + 7u], pushed); }
  if (steps != 0u) { atomicAdd(&wsum[W_STATS + 8u], steps); }
  if (steps >= budget) { atomicAdd(&wsum[W_STATS + 9u], 1u); }
  workgroupBarrier();
  if (lid == 0u) {
    for (var c = 0u; c < CLASS_COUNT; c += 1u) {
      let v = atomicLoad(&wsum[c]);
      if (v != 0u) {
        let old = atomicAdd(&st[S_COUNT + 2u * c], v);
        if (old + v < old) { atomicAdd(&st[S_COUNT + 2u * c + 1u], 1u); }
      }
    }
    atomicAdd(&st[S_SWEPT], atomicLoad(&wsum[W_STATS]));
    atomicAdd(&st[S_PROBES], atomicLoad(&wsum[W_STATS + 1u]));
    let busy = atomicLoad(&wsum[W_STATS + 2u]);
    atomicAdd(&st[S_BUSY], busy);
    atomicAdd(&st[S_RBUSY], busy);
    atomicAdd(&st[S_RSTEPS], atomicLoad(&wsum[W_STATS + 8u]));
    atomicAdd(&st[S_RFULL], atomicLoad(&wsum[W_STATS + 9u]));
    let most = atomicLoad(&wsum[W_STATS + 3u]);
    atomicMax(&st[S_MAXSTEPS], most);
    atomicMax(&st[S_RMAX], most);
    atomicAdd(&st[S_SHARED], atomicLoad(&wsum[W_STATS + 4u]));
    atomicAdd(&st[S_SPILLED], atomicLoad(&wsum[W_STATS + 5u]));
    atomicAdd(&st[S_RETRIED], atomicLoad(&wsum[W_STATS + 6u]));
    atomicAdd(&st[S_PUSHED], atomicLoad(&wsum[W_STATS + 7u]));
  }
}

@compute @workgroup_size(1)
fn between() {
  atomicStore(&bin[0], atomicLoad(&bin[1]));
  let n = min(atomicLoad(&bout[0]), BAG_CAP);
  // After an error the window is empty: the next rounds do nothing.
  let w = select(select(n, min(n, WINDOW), atomicLoad(&st[S_ACTIVE]) >= WINDOW_START), 0u, atomicLoad(&st[S_ERR]) != 0u);
  atomicStore(&bout[1], n - w);
  let busy = atomicLoad(&st[S_RBUSY]);
  let full = atomicLoad(&st[S_RFULL]);
  if (busy != 0u) {
    let cut = BUDGET_TAIL * min(atomicLoad(&st[S_RSTEPS]) / busy, BUDGET);
    let tail = (atomicLoad(&st[S_RMAX]) > cut || full != 0u) && 4u * full < busy;
    atomicStore(&st[S_BUDGET], select(BUDGET, clamp(cut, BUDGET_MIN, BUDGET), tail));
  }
  // Spread a narrow round after one where at least a quarter of the busy
  // invocations used their whole budget (long chains of work).
  var spread = 0u;
  if (busy != 0u && 4u * full >= busy) {
    while ((2u << spread) <= SPREAD_MAX && (w << (spread + 1u)) <= SPREAD_WIDTH) { spread += 1u; }
  }
  atomicStore(&st[S_SPREAD], spread);
  if (spread != 0u) { atomicAdd(&st[S_SPREAD_ROUNDS], 1u); }
  atomicStore(&st[S_RBUSY], 0u);
  atomicStore(&st[S_RSTEPS], 0u);
  atomicStore(&st[S_RFULL], 0u);
  atomicStore(&st[S_RMAX], 0u);
}
`;
}

/** The complete WGSL module for a memory plan and kernel geometry. */
export function buildShader(plan: MemoryPlan, kernel: KernelConfig): string {
  return [
    "// Generated by @hvm/runtime-webgpu from @hvm/ir's tables. Do not edit.",
    tagConstants(),
    ruleConstants(),
    ruleTableFunction(),
    voidFunction(),
    ruleClassFunction(),
    operatorFunction(),
    bindings(plan),
    heapAccessors(plan),
    core(plan, kernel),
    allocator(),
    linking(kernel),
    rules(),
    entryPoints(kernel),
  ].join("\n");
}
