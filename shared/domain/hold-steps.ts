import { unknownActivity } from './activity.js';
import type { AcceptedAlarm } from './alarm-event.js';
import { toDependencyError } from './errors.js';
import type { HoldGate } from './hold-gate.js';
import { handleIdleAlarm, type IdleOutcome, type IdleShutdownDeps } from './idle-shutdown.js';
import { deadlineOf, preCheck, type PowerDownEvent } from './power-down.js';
import { runPowerDown, type PowerDownDeps, type PowerDownOutcome } from './power-down-service.js';

/**
 * The hold check in front of the two automatic stop paths, kept apart from their decisions so each stays
 * as it was: an active `awake` hold answers first; otherwise (no hold, expired, unreadable) the path runs
 * exactly as without holds.
 */
export async function idleShutdownWithHolds(alarm: AcceptedAlarm, deps: IdleShutdownDeps & { holds?: HoldGate }): Promise<IdleOutcome> {
  const verdict = deps.holds ? await deps.holds.check('idle-shutdown') : { allow: true as const };
  if (verdict.allow) return handleIdleAlarm(alarm, deps);
  const outcome: IdleOutcome = {
    alarm: alarm.name,
    timer: alarm.timer,
    decision: { action: 'skip', code: 'hold', reason: verdict.reason, rearm: true },
    facts: { timer: alarm.timer, asleep: false, activity: unknownActivity('not read: held awake'), arrivals: undefined, maxParticipantsSinceReady: undefined, notReady: 'not checked: held awake' },
    stopped: [],
    rearmed: false,
  };
  // Re-armed, so the alarm fires again next period and the idle path resumes by itself once the hold ends.
  try {
    await deps.alarms.rearm(alarm.name, `re-armed by idle shutdown: ${verdict.reason}`);
    outcome.rearmed = true;
  } catch (error) {
    outcome.rearmError = toDependencyError('re-arm alarm', error).message;
  }
  return outcome;
}

/** Nightly power-down and its re-checks: an active `awake` hold makes the run do nothing (no re-check chain). */
export async function powerDownWithHolds(event: PowerDownEvent, selfArn: string, deps: PowerDownDeps & { holds?: HoldGate }): Promise<PowerDownOutcome> {
  const deadline = deadlineOf(event, deps.settings);
  if (!deps.holds || preCheck(deps.clock.now(), deadline)) return runPowerDown(event, selfArn, deps);
  const verdict = await deps.holds.check('power-down');
  if (verdict.allow) return runPowerDown(event, selfArn, deps);
  return { decision: { kind: 'nothing', reason: verdict.reason }, deadline, stopped: [] };
}
