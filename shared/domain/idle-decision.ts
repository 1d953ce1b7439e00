import { describeActivity, presence, type Activity } from './activity.js';

/** The two idle timers (DESIGN invariant 5), each backed by one CloudWatch alarm. */
export type IdleTimer = 'no-join' | 'empty';

export interface IdleSettings {
  /** *Nobody joined since ready*: the NO_JOIN alarm's window. */
  noJoinMs: number;
  /** *Last participant left*: the EMPTY alarm's window. */
  emptyMs: number;
  /** The group must have been ready this long, and no wake request may have arrived within it. */
  graceMs: number;
}

export type Readiness = { ready: true; since: Date } | { ready: false; reason: string };

/** Everything re-checked live right before a stop. */
export interface IdleFacts {
  timer: IdleTimer;
  now: Date;
  asleep: boolean;
  activity: Activity;
  readiness: Readiness;
  /** Wake requests within the grace window; undefined when they could not be counted. */
  wakeRequests: number | undefined;
  /** Highest Participants value since ready; undefined without datapoints or when not needed. */
  maxParticipantsSinceReady: number | undefined;
}

export type SkipCode =
  | 'asleep' | 'activity-unknown' | 'meeting-live' | 'not-ready' | 'grace' | 'wake-unknown' | 'wake-requested' | 'other-timer';

/**
 * `rearm`: the alarm stays in ALARM while the room stays at zero, and CloudWatch only runs the action on a
 * transition; re-arming (state back to OK) lets it fire again next minute so the stop is retried.
 */
export type IdleDecision =
  | { action: 'stop'; reason: string }
  | { action: 'skip'; code: SkipCode; reason: string; rearm: boolean };

/** Which timer is the longer one; with equal windows the empty-room timer is. */
export function longerTimer(s: IdleSettings): IdleTimer {
  return s.emptyMs >= s.noJoinMs ? 'empty' : 'no-join';
}

/** Whether deciding needs the participant history (only the shorter timer does). */
export function needsHistory(timer: IdleTimer, s: IdleSettings): boolean {
  return timer !== longerTimer(s);
}

/**
 * Stop or not, with the reason (DESIGN invariants 3, 4, 5). Both alarms watch the same `Participants`
 * series; they differ in window. When the *longer* timer's alarm fires, the room has been empty for the
 * longer window, which satisfies both timers, so it stops. The *shorter* timer's alarm stops only when the
 * history matches its meaning (no-join: nobody since ready; empty: someone was there), otherwise it leaves
 * the decision to the longer one, which fires later if the room stays empty.
 */
export function decideIdleStop(f: IdleFacts, s: IdleSettings): IdleDecision {
  const skip = (code: SkipCode, reason: string, rearm = true): IdleDecision => ({ action: 'skip', code, reason, rearm });
  // Re-armed even so: with no datapoints while asleep the alarm would otherwise stay in ALARM.
  if (f.asleep) return skip('asleep', 'already asleep: nothing to stop');
  if (f.activity.kind === 'unknown') return skip('activity-unknown', `live activity is unknown, never treated as idle (${f.activity.reason})`);
  if (presence(f.activity) > 0) return skip('meeting-live', `meeting live: ${describeActivity(f.activity)}`);
  if (!f.readiness.ready) return skip('not-ready', `group not fully running: ${f.readiness.reason}`);
  const readyMs = f.now.getTime() - f.readiness.since.getTime();
  if (readyMs < s.graceMs) return skip('grace', `ready for only ${seconds(readyMs)} s, grace is ${seconds(s.graceMs)} s`);
  if (f.wakeRequests === undefined) return skip('wake-unknown', 'could not count recent wake requests');
  if (f.wakeRequests > 0) return skip('wake-requested', `${f.wakeRequests} wake request(s) within the last ${seconds(s.graceMs)} s`);

  const since = `since ready at ${f.readiness.since.toISOString()}`;
  const window = seconds(f.timer === 'no-join' ? s.noJoinMs : s.emptyMs);
  if (!needsHistory(f.timer, s)) {
    return { action: 'stop', reason: `${label(f.timer)}: no participant for ${window} s (the longer idle window), none now` };
  }
  const max = f.maxParticipantsSinceReady;
  const other = label(longerTimer(s));
  if (max === undefined) return skip('other-timer', `no participant history ${since}; the ${other} timer decides`, false);
  if (f.timer === 'no-join') {
    return max === 0
      ? { action: 'stop', reason: `${label(f.timer)}: nobody joined ${since} (window ${window} s), none now` }
      : skip('other-timer', `someone joined ${since} (up to ${max}); the ${other} timer decides`, false);
  }
  return max > 0
    ? { action: 'stop', reason: `${label(f.timer)}: room empty for ${window} s after up to ${max} participant(s), none now` }
    : skip('other-timer', `nobody joined ${since}; the ${other} timer decides`, false);
}

function label(timer: IdleTimer): string {
  return timer === 'no-join' ? 'nobody joined since ready' : 'last participant left';
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}
