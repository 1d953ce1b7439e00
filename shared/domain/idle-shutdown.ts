import { unknownActivity } from './activity.js';
import type { ActivitySource, AlarmControl, GroupTasks, ParticipantHistory, WakeLedger } from './activity-ports.js';
import type { AcceptedAlarm } from './alarm-event.js';
import { resetIdleAlarms } from './alarm-reset.js';
import { toDependencyError } from './errors.js';
import { decideIdleStop, needsHistory, type IdleDecision, type IdleFacts, type IdleSettings } from './idle-decision.js';
import type { Clock } from './service-group.js';
import { readArrivals, readinessOf } from './stop-grace.js';

export { readinessOf } from './stop-grace.js';
import { isAsleep } from './watch-activity.js';

export interface IdleShutdownDeps {
  group: GroupTasks;
  source: ActivitySource;
  ledger: WakeLedger;
  history: ParticipantHistory;
  alarms: AlarmControl;
  /** GroupController.sleep: the same autoscaling interlock as every other stop path. */
  controller: { sleep(reason: string): Promise<{ scaledDown: string[] }> };
  clock: Clock;
  settings: IdleSettings;
  /** Both idle alarms: reset to OK after a stop, so the next idle stretch is a fresh transition. */
  alarmNames: readonly string[];
}

export interface IdleOutcome {
  alarm: string;
  timer: AcceptedAlarm['timer'];
  decision: IdleDecision;
  facts: Omit<IdleFacts, 'now' | 'readiness'> & { readySince?: string; notReady?: string };
  stopped: string[];
  rearmed: boolean;
  rearmError?: string;
}

/**
 * What an accepted idle alarm does: re-check live (fresh activity reading, readiness, recent wake
 * requests), decide, then sleep the group or leave it running and re-arm the alarm. Every answer the
 * checks could not get counts against stopping.
 */
export async function handleIdleAlarm(alarm: AcceptedAlarm, deps: IdleShutdownDeps): Promise<IdleOutcome> {
  const now = deps.clock.now();
  const members = await deps.group.describeServices().catch((error: unknown) => {
    throw toDependencyError('describe service group', error);
  });
  let facts: IdleFacts;
  if (isAsleep(members)) {
    facts = { timer: alarm.timer, now, asleep: true, activity: unknownActivity('asleep'), readiness: { ready: false, reason: 'asleep' }, arrivals: undefined, maxParticipantsSinceReady: undefined };
  } else {
    const tasks = await deps.group.runningTasks().catch((error: unknown) => {
      throw toDependencyError('list running tasks', error);
    });
    const readiness = readinessOf(members, tasks);
    const [activity, arrivals, maxParticipantsSinceReady] = await Promise.all([
      deps.source.read(tasks).catch((error: unknown) => unknownActivity(`activity source failed: ${String(error)}`)),
      readArrivals(deps.ledger, deps.settings.graceMs, now),
      readiness.ready && needsHistory(alarm.timer, deps.settings)
        ? deps.history.maxParticipantsBetween(readiness.since, now).catch(() => undefined)
        : undefined,
    ]);
    facts = { timer: alarm.timer, now, asleep: false, activity, readiness, arrivals, maxParticipantsSinceReady };
  }

  const decision = decideIdleStop(facts, deps.settings);
  const { now: _now, readiness, ...rest } = facts;
  const outcome: IdleOutcome = {
    alarm: alarm.name,
    timer: alarm.timer,
    decision,
    facts: { ...rest, ...(readiness.ready ? { readySince: readiness.since.toISOString() } : { notReady: readiness.reason }) },
    stopped: [],
    rearmed: false,
  };
  if (decision.action === 'stop') {
    outcome.stopped = (await deps.controller.sleep(`idle shutdown (${alarm.name}): ${decision.reason}`)).scaledDown;
    // CloudWatch keeps evaluating the last real datapoints, so after a stop both alarms may stay in ALARM.
    const failures = await resetIdleAlarms(deps.alarms, deps.alarmNames, `reset after idle shutdown: ${decision.reason}`);
    outcome.rearmed = failures.length === 0;
    if (failures.length > 0) outcome.rearmError = failures.join('; ');
  } else if (decision.rearm) {
    try {
      await deps.alarms.rearm(alarm.name, `re-armed by idle shutdown: ${decision.reason}`);
      outcome.rearmed = true;
    } catch (error) {
      outcome.rearmError = toDependencyError('re-arm alarm', error).message;
    }
  }
  return outcome;
}
