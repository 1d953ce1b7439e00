import { GroupController, type ControllerSettings } from '../../shared/domain/controller.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';

const members = ['jitsi/web', 'jitsi/jvb'].map((t) => parseMemberRef(t) as MemberRef);
const settings: ControllerSettings = { statusCacheMs: 0, probeSuccessesRequired: 2, probeIntervalMs: 1000, expectedWakeSeconds: 60, wakeTimeoutSeconds: 600 };

function setup(startDelayMs = 20_000) {
  const clock = new ManualClock();
  const group = new SimulatedServiceGroup(members, clock, { startDelayMs, stopDelayMs: 2000, healthChecks: true });
  const probe = new FixedProbe(true);
  const controller = new GroupController(group, probe, clock, settings);
  return { clock, group, probe, controller };
}

describe('GroupController', () => {
  it('reports asleep without touching the group', async () => {
    const { controller, group } = setup();
    const status = await controller.status();
    expect(status.phase).toBe('asleep');
    expect(group.calls).toHaveLength(0);
  });

  it('walks asleep → waking → ready with consecutive probe successes', async () => {
    const { controller, clock, probe } = setup(20_000);
    const woke = await controller.wake();
    expect(woke.scaledUp).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect(woke.status.phase).toBe('waking');
    clock.advance(10_000);
    expect((await controller.status()).estimatedSecondsLeft).toBe(50);
    clock.advance(10_000);
    expect((await controller.status()).phase).toBe('waking'); // first probe success
    clock.advance(1_000);
    const ready = await controller.status();
    expect(ready.phase).toBe('ready');
    expect(ready.elapsedSeconds).toBe(21);
    expect(probe.checks).toBe(2);
  });
});
