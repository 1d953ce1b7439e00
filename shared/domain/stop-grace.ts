import type { Arrivals, GroupTasks, RunningTaskInfo, WakeLedger } from './activity-ports.js';
import type { Readiness } from './idle-decision.js';
import type { MemberSnapshot } from './service-group.js';

/**
 * The stop grace every automatic stop path applies (DESIGN invariant 4): a group that became ready, was asked
 * to wake, or sent a person into the meeting within the grace window is not stopped now. The idle shutdown
 * and the nightly power-down (both policies) share this rule, so neither strands someone who just arrived.
 */
export type GraceCode = 'not-ready' | 'grace' | 'wake-unknown' | 'wake-requested' | 'sent-in';

export interface GraceBlock {
  code: GraceCode;
  reason: string;
  /** The earliest time a re-check can find this reason gone. */
  until: Date;
}

export interface GraceFacts {
  /** Undefined when readiness does not decide (the caller judged a not-ready group itself). */
  readiness: Readiness | undefined;
  /** Undefined when the ledger could not be read. */
  arrivals: Arrivals | undefined;
}

export function graceBlocksStop(f: GraceFacts, now: Date, graceMs: number): GraceBlock | undefined {
  const windowEnd = new Date(now.getTime() + graceMs);
  const graceS = seconds(graceMs);
  if (f.readiness && !f.readiness.ready) return { code: 'not-ready', reason: `group not fully running: ${f.readiness.reason}`, until: windowEnd };
  if (f.readiness?.ready) {
    const readyMs = now.getTime() - f.readiness.since.getTime();
    if (readyMs < graceMs) {
      return { code: 'grace', reason: `ready for only ${seconds(readyMs)} s, grace is ${graceS} s`, until: new Date(f.readiness.since.getTime() + graceMs) };
    }
  }
  if (!f.arrivals) return { code: 'wake-unknown', reason: 'could not count recent wake requests', until: windowEnd };
  if (f.arrivals.wakeRequests > 0) {
    return { code: 'wake-requested', reason: `${f.arrivals.wakeRequests} wake request(s) within the last ${graceS} s`, until: windowEnd };
  }
  if (f.arrivals.sentIn > 0) {
    return { code: 'sent-in', reason: `${f.arrivals.sentIn} person(s) sent into the meeting within the last ${graceS} s`, until: windowEnd };
  }
  return undefined;
}

/**
 * When the group became fully ready: the newest start among the running tasks. Every member that should run
 * must have a task; a member someone set to 0 by hand does not block the rest of the group from stopping.
 */
export function readinessOf(members: readonly MemberSnapshot[], tasks: readonly RunningTaskInfo[]): Readiness {
  const waiting = members.filter((m) => m.exists && m.desired > 0 && !tasks.some((t) => t.member === m.ref.id));
  if (waiting.length > 0) return { ready: false, reason: `no running task for ${waiting.map((m) => m.ref.id).join(', ')}` };
  const starts = tasks.map((t) => t.startedAt?.getTime());
  if (starts.length === 0 || starts.some((t) => t === undefined)) return { ready: false, reason: 'task start time unknown' };
  return { ready: true, since: new Date(Math.max(...(starts as number[]))) };
}

/** What a stop path needs to apply the grace: the group's tasks, the wake ledger and the window. */
export interface StopGrace {
  group: GroupTasks;
  ledger: WakeLedger;
  graceMs: number;
}

/** Reads readiness and arrivals for the grace; a failing read counts against stopping. */
export async function readGraceFacts(grace: StopGrace, now: Date): Promise<Required<GraceFacts> & { readiness: Readiness }> {
  const [readiness, arrivals] = await Promise.all([
    Promise.all([grace.group.describeServices(), grace.group.runningTasks()])
      .then(([members, tasks]) => readinessOf(members, tasks))
      .catch((error: unknown): Readiness => ({ ready: false, reason: `could not read the tasks: ${error instanceof Error ? error.message : String(error)}` })),
    readArrivals(grace.ledger, grace.graceMs, now),
  ]);
  return { readiness, arrivals };
}

/**
 * Wake requests and people sent in within the grace window; undefined when the ledger cannot be read (the
 * stop paths count that against stopping). A grace of 0 is an empty window, which GetMetricData rejects.
 */
export async function readArrivals(ledger: WakeLedger, graceMs: number, now: Date): Promise<Arrivals | undefined> {
  return graceMs > 0 ? ledger.arrivalsBetween(new Date(now.getTime() - graceMs), now).catch(() => undefined) : { wakeRequests: 0, sentIn: 0 };
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}
