import type { Activity } from './activity.js';
import type { Phase } from './group-state.js';
import { compactUtc, MINUTE_MS, parseIsoInstant } from './iso-time.js';
import { activityBlocksStop } from './stop-check.js';
import type { GraceBlock } from './stop-grace.js';

/**
 * Nightly power-down (DESIGN invariant 6): the events the schedules send and the decision, as pure functions.
 * The nightly cron sends `power-down` with Scheduler's `<aws.scheduler.scheduled-time>`; a deferral sends
 * `power-down-recheck` through a one-time schedule, carrying the deadline so duplicates agree on it.
 */
/** Names of the deferred re-check schedules start with this (the pre-warms' with `prewarm-`). */
export const RECHECK_PREFIX = 'power-down-recheck-';

export type PowerDownEvent =
  | { action: 'power-down'; scheduledTime: Date }
  | { action: 'power-down-recheck'; deadline: Date; attempt: number };

export type PowerDownPolicy = 'defer' | 'force';

export interface PowerDownSettings {
  policy: PowerDownPolicy;
  recheckMs: number;
  /** How long after the nightly time a live meeting may keep the group up. */
  maxDeferMs: number;
  /** Shortest re-check delay; Scheduler fires with one-minute precision (the default). Local mode uses less. */
  minRecheckMs?: number;
}

/** A delivery this long after its deadline is a stale retry: acting on it could cut tomorrow's meeting. */
export const STALE_AFTER_MS = 30 * MINUTE_MS;
/** Scheduler fires with one-minute precision; never ask for a re-check sooner than that. */
const MIN_RECHECK_MS = MINUTE_MS;
const MAX_ATTEMPTS = 1000;

export type EventCheck = { ok: true; event: PowerDownEvent } | { ok: false; reason: string };

export function parsePowerDownEvent(raw: unknown): EventCheck {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'event is not a JSON object' };
  const e = raw as Record<string, unknown>;
  if (e.action === 'power-down') {
    const time = parseIsoInstant(e.scheduledTime);
    if (!time.ok) return { ok: false, reason: `scheduledTime: ${time.reason}` };
    return { ok: true, event: { action: 'power-down', scheduledTime: time.at } };
  }
  if (e.action === 'power-down-recheck') {
    const deadline = parseIsoInstant(e.deadline);
    if (!deadline.ok) return { ok: false, reason: `deadline: ${deadline.reason}` };
    if (typeof e.attempt !== 'number' || !Number.isInteger(e.attempt) || e.attempt < 1 || e.attempt > MAX_ATTEMPTS) {
      return { ok: false, reason: `attempt must be an integer from 1 to ${MAX_ATTEMPTS}` };
    }
    return { ok: true, event: { action: 'power-down-recheck', deadline: deadline.at, attempt: e.attempt } };
  }
  return { ok: false, reason: `action must be "power-down" or "power-down-recheck" (got ${JSON.stringify(e.action) ?? 'nothing'})` };
}

export function deadlineOf(event: PowerDownEvent, settings: PowerDownSettings): Date {
  return event.action === 'power-down' ? new Date(event.scheduledTime.getTime() + settings.maxDeferMs) : event.deadline;
}

export function attemptOf(event: PowerDownEvent): number {
  return event.action === 'power-down' ? 0 : event.attempt;
}

export type PowerDownDecision =
  | { kind: 'nothing'; reason: string }
  | { kind: 'stop'; forced?: 'policy' | 'deadline'; reason: string }
  | { kind: 'defer'; reason: string; recheckAt: Date; attempt: number; scheduleName: string; deadline?: Date };

export interface PowerDownSituation {
  now: Date;
  deadline: Date;
  /** 0 for the nightly run, n for the n-th re-check. */
  attempt: number;
  settings: PowerDownSettings;
  /** True when any member has a desired count above zero. */
  awake: boolean;
  phase: Phase;
  /** Read only when the group is awake. */
  activity?: Activity;
  /** Why the stop grace forbids a stop now (shared/domain/stop-grace.ts); read only when awake. */
  grace?: GraceBlock;
}

/** Stale deliveries and asleep groups first, so neither can ever cause a stop. */
export function preCheck(now: Date, deadline: Date): PowerDownDecision | undefined {
  const late = now.getTime() - deadline.getTime();
  if (late > STALE_AFTER_MS) {
    return { kind: 'nothing', reason: `stale delivery: its deadline ${deadline.toISOString()} passed ${Math.round(late / MINUTE_MS)} min ago` };
  }
  return undefined;
}

export function decidePowerDown(s: PowerDownSituation): PowerDownDecision {
  const stale = preCheck(s.now, s.deadline);
  if (stale) return stale;
  if (!s.awake) return { kind: 'nothing', reason: 'the group is already asleep' };
  // DESIGN invariant 4, in both policies: someone who just arrived is never stranded. A known arrival
  // (ready, wake request or person sent in within the grace, or a wake still starting) re-checks when the
  // grace is over and carries the deadline that far; an unreadable ledger only holds until the deadline.
  const grace = s.grace && (s.grace.code !== 'wake-unknown' || s.now.getTime() < s.deadline.getTime()) ? s.grace : undefined;
  if (grace) {
    const recheckAt = new Date(Math.max(grace.until.getTime(), s.now.getTime() + (s.settings.minRecheckMs ?? MIN_RECHECK_MS)));
    const deadline = grace.code === 'wake-unknown' ? s.deadline : new Date(Math.max(s.deadline.getTime(), recheckAt.getTime()));
    const attempt = s.attempt + 1;
    return {
      kind: 'defer',
      reason: `stop grace (${grace.code}): ${grace.reason}; re-checking at ${recheckAt.toISOString()} (policy ${s.settings.policy}, deadline ${deadline.toISOString()})`,
      recheckAt,
      attempt,
      scheduleName: recheckScheduleName(deadline, attempt),
      deadline,
    };
  }
  const blocker = s.phase === 'waking'
    ? 'the group is starting (someone asked for it)'
    : s.activity ? activityBlocksStop(s.activity) : 'activity was not read';
  if (s.settings.policy === 'force') {
    return { kind: 'stop', forced: blocker ? 'policy' : undefined, reason: blocker ? `policy force: stopping although ${blocker}` : 'nightly power-down (policy force), nobody meeting' };
  }
  if (!blocker) return { kind: 'stop', reason: 'nightly power-down: nobody meeting' };
  if (s.now.getTime() >= s.deadline.getTime()) {
    return { kind: 'stop', forced: 'deadline', reason: `deadline ${s.deadline.toISOString()} reached: stopping although ${blocker}` };
  }
  const next = Math.min(s.now.getTime() + s.settings.recheckMs, s.deadline.getTime());
  const recheckAt = new Date(Math.max(next, s.now.getTime() + (s.settings.minRecheckMs ?? MIN_RECHECK_MS)));
  const attempt = s.attempt + 1;
  return {
    kind: 'defer',
    reason: `${blocker}: re-checking at ${recheckAt.toISOString()} (deadline ${s.deadline.toISOString()})`,
    recheckAt,
    attempt,
    scheduleName: recheckScheduleName(s.deadline, attempt),
    deadline: s.deadline,
  };
}

/** Same deadline and attempt → same name, so a duplicate delivery cannot create a second re-check. */
export function recheckScheduleName(deadline: Date, attempt: number): string {
  return `${RECHECK_PREFIX}${compactUtc(deadline)}-${attempt}`;
}

export function recheckInput(deadline: Date, attempt: number): Record<string, unknown> {
  return { action: 'power-down-recheck', deadline: deadline.toISOString(), attempt };
}
