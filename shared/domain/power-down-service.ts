import type { Activity } from './activity.js';
import type { GroupController } from './controller.js';
import type { Clock } from './service-group.js';
import type { Schedules } from './schedules.js';
import {
  attemptOf, deadlineOf, decidePowerDown, preCheck, recheckInput,
  type PowerDownDecision, type PowerDownEvent, type PowerDownSettings,
} from './power-down.js';
import { readActivitySafely, type LiveActivity } from './stop-check.js';
import { graceBlocksStop, readGraceFacts, type StopGrace } from './stop-grace.js';

export interface PowerDownDeps {
  controller: GroupController;
  activity: LiveActivity;
  schedules: Schedules;
  clock: Clock;
  settings: PowerDownSettings;
  /** The stop grace the idle shutdown applies too (ready, wake request or person sent in within it). */
  grace: StopGrace;
}

export interface PowerDownOutcome {
  decision: PowerDownDecision;
  deadline: Date;
  activity?: Activity;
  /** Members this run stopped (empty when a duplicate delivery found them stopped already). */
  stopped: string[];
  /** For a deferral: whether this run created the re-check or a duplicate had already created it. */
  recheck?: 'created' | 'exists';
}

/**
 * One nightly or re-check run: read the group and live activity right before acting (invariant 3), decide,
 * then stop or schedule the next re-check. `selfArn` is the function's own ARN, the re-check's target.
 */
export async function runPowerDown(event: PowerDownEvent, selfArn: string, deps: PowerDownDeps): Promise<PowerDownOutcome> {
  const now = deps.clock.now();
  const deadline = deadlineOf(event, deps.settings);
  const stale = preCheck(now, deadline);
  if (stale) return { decision: stale, deadline, stopped: [] };

  const status = await deps.controller.status();
  const awake = status.members.some((m) => m.desired > 0);
  const [activity, graceFacts] = awake ? await Promise.all([readActivitySafely(deps.activity), readGraceFacts(deps.grace, now)]) : [];
  // A group that is not ready counts as arriving only while it is starting: a broken one (phase error) is
  // not held up by the grace, or `force` could never stop it.
  const grace = graceFacts && graceBlocksStop({
    readiness: graceFacts.readiness.ready || status.phase === 'waking' ? graceFacts.readiness : undefined,
    arrivals: graceFacts.arrivals,
  }, now, deps.grace.graceMs);
  const decision = decidePowerDown({
    now, deadline, attempt: attemptOf(event), settings: deps.settings, awake, phase: status.phase, activity, grace,
  });

  if (decision.kind === 'stop') {
    const { scaledDown } = await deps.controller.sleep(decision.reason);
    return { decision, deadline, activity, stopped: scaledDown };
  }
  if (decision.kind === 'defer') {
    const recheck = await deps.schedules.createOnce({
      name: decision.scheduleName,
      at: decision.recheckAt,
      targetArn: selfArn,
      input: recheckInput(decision.deadline ?? deadline, decision.attempt),
      description: `Nightly power-down re-check ${decision.attempt} (deadline ${(decision.deadline ?? deadline).toISOString()})`,
    });
    return { decision, deadline, activity, stopped: [], recheck };
  }
  return { decision, deadline, activity, stopped: [] };
}
