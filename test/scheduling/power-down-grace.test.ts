import { InMemoryWakeLedger } from '../../shared/adapters/memory/activity-memory.js';
import { MemorySchedules } from '../../shared/adapters/memory/memory-schedules.js';
import type { PowerDownPolicy } from '../../shared/domain/power-down.js';
import { runPowerDown } from '../../shared/domain/power-down-service.js';
import type { WakeLedger } from '../../shared/domain/activity-ports.js';
import { controllerSetup, idle, SetActivity } from './support.js';

const SELF = 'arn:aws:lambda:local:000000000000:function:power-down';
const GRACE_MS = 5 * 60_000;
const settings = (policy: PowerDownPolicy) => ({ policy, recheckMs: 15 * 60_000, maxDeferMs: 240 * 60_000 });

/**
 * DESIGN invariant 4 on the nightly power-down, with the in-memory ports: the same stop grace as the idle
 * shutdown, in both policies. The simulated group's tasks start 30 s after the wake (controllerSetup).
 */
async function nightly(options: { policy: PowerDownPolicy; awake?: boolean; ledger?: WakeLedger }) {
  const { clock, group, controller } = await controllerSetup({ awake: options.awake ?? true });
  const ledger = options.ledger ?? new InMemoryWakeLedger();
  const schedules = new MemorySchedules(clock);
  const deps = {
    controller, activity: new SetActivity(idle), schedules, clock, settings: settings(options.policy),
    grace: { group, ledger, graceMs: GRACE_MS },
  };
  const run = (event: Parameters<typeof runPowerDown>[0]) => runPowerDown(event, SELF, deps);
  const desired = async () => (await group.describe()).map((m) => m.desired);
  /** Fires the re-checks that are due, as Scheduler would. */
  const fireDue = async () => {
    const outcomes = [];
    for (const due of schedules.takeDue()) {
      const input = due.input as { deadline: string; attempt: number };
      outcomes.push(await run({ action: 'power-down-recheck', deadline: new Date(input.deadline), attempt: input.attempt }));
    }
    return outcomes;
  };
  return { clock, group, controller, ledger, schedules, run, desired, fireDue };
}

describe.each<PowerDownPolicy>(['defer', 'force'])('nightly power-down applies the stop grace (policy %s)', (policy) => {
  it('a group that has just become ready is not stopped; the re-check after the grace stops it', async () => {
    const t = await nightly({ policy });
    // Ready at 21:57 (tasks started 21:55:30); the nightly run comes a second later.
    t.clock.advance(1000);
    const first = await t.run({ action: 'power-down', scheduledTime: t.clock.now() });

    expect(first.decision).toMatchObject({ kind: 'defer', reason: expect.stringMatching(/^stop grace \(grace\): ready for only 91 s, grace is 300 s/) });
    expect(await t.desired()).toEqual([1, 1]);
    const [recheck] = t.schedules.all();
    // The grace ends 5 minutes after the tasks started: 22:00:30.
    expect(recheck!.at.toISOString()).toBe('2026-11-26T22:00:30.000Z');

    t.clock.advance(recheck!.at.getTime() - t.clock.now().getTime());
    const [second] = await t.fireDue();
    expect(second!.decision).toMatchObject({ kind: 'stop' });
    expect(await t.desired()).toEqual([0, 0]);
  });

  it('a wake request or a person sent into the meeting within the grace holds it; after the grace it stops', async () => {
    for (const arrival of ['record', 'recordSentIn'] as const) {
      const t = await nightly({ policy });
      t.clock.advance(30 * 60_000); // ready for half an hour: only the arrival can hold it
      (t.ledger as InMemoryWakeLedger)[arrival](new Date(t.clock.now().getTime() - 250));
      const first = await t.run({ action: 'power-down', scheduledTime: t.clock.now() });

      expect(first.decision).toMatchObject({ kind: 'defer', reason: expect.stringMatching(arrival === 'record' ? /^stop grace \(wake-requested\)/ : /^stop grace \(sent-in\): 1 person/) });
      expect(await t.desired()).toEqual([1, 1]);
      t.clock.advance(GRACE_MS);
      expect((await t.fireDue()).map((o) => o.decision.kind)).toEqual(['stop']);
    }
  });

  it('a group still starting (someone asked for it) is not stopped, not even by force', async () => {
    const t = await nightly({ policy, awake: false });
    await t.controller.wake('wake request');
    t.clock.advance(5000);
    const outcome = await t.run({ action: 'power-down', scheduledTime: t.clock.now() });

    expect(outcome.decision).toMatchObject({ kind: 'defer', reason: expect.stringMatching(/^stop grace \(not-ready\)/) });
    expect(outcome.stopped).toEqual([]);
    expect(await t.desired()).toEqual([1, 1]);
  });

  it('an arrival past the deadline carries the deadline to the re-check, so the re-check is not dropped as stale', async () => {
    const t = await nightly({ policy });
    t.clock.advance(30 * 60_000);
    (t.ledger as InMemoryWakeLedger).recordSentIn(t.clock.now());
    const deadline = new Date(t.clock.now().getTime() - 60_000);
    const outcome = await t.run({ action: 'power-down-recheck', deadline, attempt: 3 });

    expect(outcome.decision).toMatchObject({ kind: 'defer', attempt: 4 });
    const [recheck] = t.schedules.all();
    expect(recheck!.input).toEqual({ action: 'power-down-recheck', deadline: recheck!.at.toISOString(), attempt: 4 });
    expect(recheck!.at.getTime()).toBe(t.clock.now().getTime() + GRACE_MS);
  });
});

describe('stop grace when the wake ledger cannot be read', () => {
  const broken: WakeLedger = { arrivalsBetween: async () => { throw new Error('GetMetricData: throttled'); } };

  it('holds the stop before the deadline and lets the deadline decide after it (never extends it)', async () => {
    const t = await nightly({ policy: 'force', ledger: broken });
    t.clock.advance(30 * 60_000);
    const before = await t.run({ action: 'power-down', scheduledTime: t.clock.now() });
    expect(before.decision).toMatchObject({ kind: 'defer', reason: expect.stringMatching(/^stop grace \(wake-unknown\)/) });

    const after = await t.run({ action: 'power-down-recheck', deadline: new Date(t.clock.now().getTime() - 60_000), attempt: 2 });
    expect(after.decision).toMatchObject({ kind: 'stop' });
  });
});
