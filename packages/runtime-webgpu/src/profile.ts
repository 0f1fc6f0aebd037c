/**
 * Profile counters of the reducer (allocator sweeps, work sharing, spills,
 * busy invocations) as the host reads them from the state buffer, and the
 * per-round trace the bench asks for (see docs/webgpu.md, "Profiling").
 */

/** Profile counters of a run (cumulative over its dispatches). */
export interface Profile {
  /** Chunks the allocator found by sweeping (after the heap was handed out once), and the chunks it looked at. */
  swept: number;
  probes: number;
  /** Redexes given to the output bag by work sharing, and spilled there at the end of a dispatch. */
  shared: number;
  spilled: number;
  /** Redexes and links put back on the stack because a slot they read had not landed yet (late writes). */
  retried: number;
  /** Pushes onto the output bag: shared, spilled, and the oldest redex of a full ring. */
  pushed: number;
}

/** A profile of nothing (a run handed to the fallback, a status before the first batch). */
export function emptyProfile(): Profile {
  return { swept: 0, probes: 0, shared: 0, spilled: 0, retried: 0, pushed: 0 };
}

/** The profile fields of a run's counters. */
export function profileOf(c: Profile): Profile {
  return { swept: c.swept, probes: c.probes, shared: c.shared, spilled: c.spilled, retried: c.retried, pushed: c.pushed };
}

/** One round of a traced run (`onRound`): each batch is then a single dispatch. */
export interface RoundTrace extends Profile {
  round: number;
  /** Redexes pending after the round (both bags: the next window and what lies below), and interactions the round performed. */
  pending: number;
  interactions: number;
  /** Host time of the round: dispatch, status copy, map (a round trip included). */
  seconds: number;
  /** Invocations that reduced at least one redex, and the most interactions one of them did. */
  busy: number;
  maxSteps: number;
  /** Chunks handed out by the bump counter so far. */
  active: number;
}

/** What the host reads after each batch, cumulative since the start of the run (busy and maxSteps: of the last batch when traced). */
export interface Counters extends Profile {
  total: number;
  pending: number;
  busy: number;
  maxSteps: number;
  active: number;
}

/** A round's trace from the cumulative counters before and after it. */
export function roundTrace(round: number, a: Counters, b: Counters, seconds: number): RoundTrace {
  return {
    round,
    pending: b.pending,
    interactions: b.total - a.total,
    seconds,
    busy: b.busy,
    maxSteps: b.maxSteps,
    active: b.active,
    swept: b.swept - a.swept,
    probes: b.probes - a.probes,
    shared: b.shared - a.shared,
    spilled: b.spilled - a.spilled,
    retried: b.retried - a.retried,
    pushed: b.pushed - a.pushed,
  };
}
