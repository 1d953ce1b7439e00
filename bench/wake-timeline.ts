import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../shared/adapters/memory/simulated-group.js';
import { readSimulatedPhases } from '../shared/config/simulation-config.js';
import { GroupController } from '../shared/domain/controller.js';
import { parseMemberRef, type MemberRef } from '../shared/domain/service-group.js';
import { phaseSeconds, type TimelineView } from '../shared/domain/wake-timeline.js';

/**
 * The simulated wake timeline by phase: the local demo's group (SIM_* durations, default 20 s in total)
 * polled every second like the waiting page, on a hand-moved clock, with the demo's probe settings.
 */
export async function simulatedWakeTimeline(env: Record<string, string | undefined> = process.env) {
  const clock = new ManualClock();
  const members = ['local/jitsi-web', 'local/jitsi-jvb'].map((m) => parseMemberRef(m) as MemberRef);
  const group = new SimulatedServiceGroup(members, clock, { startDelayMs: 0, stopDelayMs: 0, healthChecks: true, phases: readSimulatedPhases(env) });
  const probe = new FixedProbe(false);
  let report: TimelineView | undefined;
  const controller = new GroupController(group, probe, clock, {
    statusCacheMs: 500, probeSuccessesRequired: 2, probeIntervalMs: 1000, expectedWakeSeconds: 25, wakeTimeoutSeconds: 900,
  }, { wakeTimeline: (t) => { report = t; } });
  await controller.wake('bench');
  for (let i = 0; i < 3600 && !report; i += 1) {
    clock.advance(1000);
    probe.ok = await group.allRunning();
    await controller.status();
  }
  if (!report) throw new Error('simulated wake never became ready');
  const phases = phaseSeconds(report);
  return { phases, totalSeconds: Object.values(phases).reduce((a, b) => a + b, 0) };
}
