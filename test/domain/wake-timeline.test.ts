import { FixedProbe, ManualClock, SimulatedServiceGroup, type SimulatedWakePhases } from '../../shared/adapters/memory/simulated-group.js';
import { GroupController, type ControllerEvents } from '../../shared/domain/controller.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { mergeTaskMilestones, phaseSeconds, timelineView, type TimelineView } from '../../shared/domain/wake-timeline.js';
import { members, settings } from './support.js';

const T0 = new Date('2026-11-29T10:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

describe('wake timeline (pure)', () => {
  it('splits a wake into its six phases from the milestones', () => {
    const view = timelineView({
      requestedAt: T0, pullStartedAt: at(12), pullStoppedAt: at(70), startedAt: at(78), healthyAt: at(95), firstProbeOkAt: at(101), readyAt: at(106),
    }, at(106));

    expect(view.current).toBe('ready');
    expect(phaseSeconds(view)).toEqual({ provisioning: 12, 'image-pull': 58, 'container-start': 8, 'health-checks': 17, 'load-balancer': 6, confirming: 5 });
  });

  it('marks the first phase without its milestone as current, with the time spent so far, and the rest pending', () => {
    const view = timelineView({ requestedAt: T0, pullStartedAt: at(10) }, at(25));

    expect(view.current).toBe('image-pull');
    expect(view.phases.map((p) => [p.phase, p.state, p.seconds])).toEqual([
      ['provisioning', 'done', 10], ['image-pull', 'current', 15], ['container-start', 'pending', undefined],
      ['health-checks', 'pending', undefined], ['load-balancer', 'pending', undefined], ['confirming', 'pending', undefined],
    ]);
  });

  it('counts a phase ECS skipped (cached image: no pull times) as zero, and never runs time backwards', () => {
    // The task clock is 2 s ahead of ours: startedAt before healthyAt is clamped, not negative.
    const view = timelineView({ requestedAt: T0, startedAt: at(30), healthyAt: at(29), firstProbeOkAt: at(40), readyAt: at(45) }, at(45));

    expect(phaseSeconds(view)).toEqual({ provisioning: 30, 'image-pull': 0, 'container-start': 0, 'health-checks': 0, 'load-balancer': 10, confirming: 5 });
  });

  it('takes the slowest task for each milestone, and only once every expected task reports it', () => {
    const base = { requestedAt: T0 };
    const oneOfTwo = mergeTaskMilestones(base, [{ member: 'jitsi/web', pullStartedAt: at(5), pullStoppedAt: at(30) }], 2);
    const both = mergeTaskMilestones(base, [
      { member: 'jitsi/web', pullStartedAt: at(5), pullStoppedAt: at(30) },
      { member: 'jitsi/jvb', pullStartedAt: at(8), pullStoppedAt: at(50), startedAt: at(55) },
    ], 2);

    expect(oneOfTwo.pullStartedAt).toBeUndefined();
    expect(both.pullStartedAt).toEqual(at(8));
    expect(both.pullStoppedAt).toEqual(at(50));
    expect(both.startedAt).toBeUndefined();
  });

  it('ignores tasks that started long before this wake (a previous wake still draining)', () => {
    const merged = mergeTaskMilestones({ requestedAt: T0 }, [{ member: 'jitsi/web', pullStartedAt: at(-3600), pullStoppedAt: at(-3500), startedAt: at(-3490) }], 1);

    expect(merged.startedAt).toBeUndefined();
  });
});

const PHASES: SimulatedWakePhases = { provisioningMs: 10_000, imagePullMs: 30_000, containerStartMs: 5_000, healthChecksMs: 8_000, loadBalancerMs: 4_000 };

/** The simulated group with phases, a probe that answers 200 only once the simulated load balancer passes traffic. */
function phasedSetup(events: ControllerEvents = {}) {
  const clock = new ManualClock(T0.getTime());
  const group = new SimulatedServiceGroup(members, clock, { startDelayMs: 0, stopDelayMs: 2000, healthChecks: true, phases: PHASES });
  const probe = new FixedProbe(false);
  const controller = new GroupController(group, probe, clock, { ...settings, probeIntervalMs: 1000 }, events);
  /** Moves the clock second by second, polling like a waiting page, until `until` holds. */
  const pollUntil = async (until: (s: GroupStatus) => boolean) => {
    for (let i = 0; i < 600; i += 1) {
      probe.ok = await group.allRunning();
      const status = await controller.status();
      if (until(status)) return status;
      clock.advance(1000);
    }
    throw new Error('never reached');
  };
  return { clock, group, probe, controller, pollUntil };
}

describe('wake timeline in the controller (simulated phases)', () => {
  it('shows the current phase in the status while waking', async () => {
    const { controller, clock } = phasedSetup();
    await controller.wake();
    clock.advance(15_000);

    const status = await controller.status();

    expect(status.phase).toBe('waking');
    expect(status.timeline?.current).toBe('image-pull');
    expect(status.timeline?.phases[0]).toEqual({ phase: 'provisioning', state: 'done', seconds: 10 });
  });

  it('reports the finished timeline once, on ready, with every phase measured', async () => {
    const reports: Array<{ timeline: TimelineView; outcome: string }> = [];
    const { controller, pollUntil } = phasedSetup({ wakeTimeline: (timeline, outcome) => reports.push({ timeline, outcome }) });
    await controller.wake();

    const ready = await pollUntil((s) => s.phase === 'ready');
    await controller.status();

    expect(reports).toHaveLength(1);
    expect(reports[0]!.outcome).toBe('ready');
    // Task times come from the (simulated) DescribeTasks, read at most once a second here: exact to the second.
    expect(phaseSeconds(reports[0]!.timeline)).toEqual({ provisioning: 10, 'image-pull': 30, 'container-start': 5, 'health-checks': 8, 'load-balancer': 4, confirming: 1 });
    expect(ready.timeline?.current).toBe('ready');
    expect(ready.elapsedSeconds).toBe(58);
  });

  it('reports the timeline with outcome error when the wake times out, naming the phase it was stuck in', async () => {
    const reports: Array<{ timeline: TimelineView; outcome: string }> = [];
    const clock = new ManualClock(T0.getTime());
    const group = new SimulatedServiceGroup(members, clock, { startDelayMs: 0, stopDelayMs: 0, healthChecks: true, phases: { ...PHASES, imagePullMs: 3_600_000 } });
    const controller = new GroupController(group, new FixedProbe(false), clock, { ...settings, wakeTimeoutSeconds: 120 }, {
      wakeTimeline: (timeline, outcome) => reports.push({ timeline, outcome }),
    });
    await controller.wake();
    await controller.status();
    clock.advance(121_000);

    const status = await controller.status();

    expect(status.phase).toBe('error');
    expect(reports.map((r) => [r.outcome, r.timeline.current])).toEqual([['error', 'image-pull']]);
  });

  it('reads task times at most every 2.5 status-cache periods while waking, and not at all once the tasks run', async () => {
    const clock = new ManualClock(T0.getTime());
    const group = new SimulatedServiceGroup(members, clock, { startDelayMs: 0, stopDelayMs: 0, healthChecks: true, phases: PHASES });
    let reads = 0;
    const inner = group.taskMilestones.bind(group);
    group.taskMilestones = () => { reads += 1; return inner(); };
    const controller = new GroupController(group, new FixedProbe(false), clock, { ...settings, statusCacheMs: 2000 });
    await controller.wake();

    for (let i = 0; i < 60; i += 1) { clock.advance(1000); await controller.status(); } // 60 polls, 1 s apart

    // None with the wake itself; tasks run at 45 s: reads at 5, 10, … 45 s, then none.
    expect(reads).toBe(9);
  });

  it('does not report a timeline for a group that was already ready when the container started', async () => {
    const reports: unknown[] = [];
    const { clock, group } = phasedSetup();
    group.setDesired('jitsi/web', 1);
    group.setDesired('jitsi/jvb', 1);
    clock.advance(600_000);
    const controller = new GroupController(group, new FixedProbe(true), clock, { ...settings, probeIntervalMs: 0 }, { wakeTimeline: (t) => reports.push(t) });

    for (let i = 0; i < 3; i += 1) await controller.status();

    expect((await controller.status()).phase).toBe('ready');
    expect(reports).toEqual([]);
  });
});
