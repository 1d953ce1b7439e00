import { DependencyError } from '../../shared/domain/errors.js';
import { GroupController } from '../../shared/domain/controller.js';
import { FixedProbe, ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { pause, ScriptedGroup, settings, setup, snapshot, throttlingError } from './support.js';

describe('GroupController wake (DESIGN invariants 2 and 4)', () => {
  it('is idempotent: a second wake scales nothing up', async () => {
    const { controller, group } = setup();
    const first = await controller.wake();
    const second = await controller.wake();
    expect(first.scaledUp).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect(second.scaledUp).toEqual([]);
    expect(second.status.phase).toBe('waking');
    expect(group.wakes).toEqual(['jitsi/web', 'jitsi/jvb']);
  });

  it('a service being deleted (DRAINING) is not woken: a non-retryable "service is being deleted" answer', async () => {
    const group = new ScriptedGroup([snapshot('jitsi/web', { deleting: true }), snapshot('jitsi/jvb')]);
    const controller = new GroupController(group, new FixedProbe(true), new ManualClock(), settings);
    const result = await controller.wake();
    expect(group.wakes).toBe(0);
    expect(result.status).toMatchObject({ phase: 'error', retryable: false, message: expect.stringMatching(/service is being deleted: jitsi\/web/) });
  });

  it('never lowers a desired count that autoscaling set to 3', async () => {
    const { controller, group, sim } = setup();
    sim.setDesired('jitsi/web', 3);
    const result = await controller.wake();
    const web = (await sim.describe()).find((m) => m.ref.id === 'jitsi/web');
    expect(result.scaledUp).toEqual(['jitsi/jvb']);
    expect(group.wakes).toEqual(['jitsi/jvb']);
    expect(web?.desired).toBe(3);
  });

  it('decides on a fresh answer before acting, so a count raised after a cached status is never lowered', async () => {
    const { controller, group, sim, clock } = setup({ settings: { statusCacheMs: 5000 } });
    expect((await controller.status()).phase).toBe('asleep'); // cached: both members at 0
    sim.setDesired('jitsi/web', 3); // autoscaling or an operator, after that answer
    clock.advance(1000); // the cached answer is still within STATUS_CACHE_MS
    const result = await controller.wake();
    expect(result.scaledUp).toEqual(['jitsi/jvb']);
    expect((await sim.describe()).find((m) => m.ref.id === 'jitsi/web')?.desired).toBe(3);
    expect(group.describes).toBe(2); // the cached status, then one fresh describe right before acting
  });

  it('50 concurrent wakes cause exactly one scale-up per member and share their describes', async () => {
    const { controller, group } = setup({ delayMs: 5 });
    const results = await Promise.all(Array.from({ length: 50 }, () => controller.wake()));
    expect(group.wakes.sort()).toEqual(['jitsi/jvb', 'jitsi/web']);
    expect(results.every((r) => r.status.phase === 'waking')).toBe(true);
    expect(results.filter((r) => r.scaledUp.length > 0)).toHaveLength(50); // they share the one in-flight result
    expect(group.describes).toBe(2); // one before the scale-up, one for the status after it
  });

  it('wakes arriving while and after the first is in flight still scale up once per member', async () => {
    const { controller, group } = setup({ delayMs: 5 });
    const early = Array.from({ length: 25 }, () => controller.wake());
    await pause(7); // the first wake has described the group and is now scaling up
    const late = Array.from({ length: 25 }, () => controller.wake());
    await Promise.all(early);
    const after = Array.from({ length: 25 }, () => controller.wake());
    await Promise.all([...late, ...after]);
    expect(group.wakes.sort()).toEqual(['jitsi/jvb', 'jitsi/web']);
  });

  it('coalesces concurrent status reads into one describe', async () => {
    const { controller, group } = setup({ delayMs: 5 });
    const statuses = await Promise.all(Array.from({ length: 20 }, () => controller.status()));
    expect(group.describes).toBe(1);
    expect(new Set(statuses.map((s) => s.phase))).toEqual(new Set(['asleep']));
  });

  it('reuses one describe for the status cache window, then asks again', async () => {
    const { controller, group, clock } = setup({ settings: { statusCacheMs: 2000 } });
    await controller.status();
    clock.advance(1999);
    await controller.status();
    const withinWindow = group.describes;
    clock.advance(1);
    await controller.status();
    expect(withinWindow).toBe(1);
    expect(group.describes).toBe(2);
  });

  it('a wake after a sleep brings the group back (a stop racing a wake loses)', async () => {
    const { controller, group, clock, sim } = setup({ startDelayMs: 0 });
    await controller.wake();
    clock.advance(1000);
    expect((await controller.status()).phase).toBe('ready');
    await controller.sleep('idle alarm');
    clock.advance(500);
    const back = await controller.wake('wake request');
    expect(back.scaledUp).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect(back.status.phase).toBe('waking');
    expect(group.sleeps).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect((await sim.describe()).map((m) => m.desired)).toEqual([1, 1]);
  });

  it('restarts the elapsed clock when a new wake follows a sleep', async () => {
    const { controller, clock } = setup({ startDelayMs: 60_000 });
    await controller.wake();
    clock.advance(30_000);
    await controller.sleep('idle');
    clock.advance(5_000);
    const again = await controller.wake();
    expect(again.status.elapsedSeconds).toBe(0);
  });

  it('a container that missed the stop times a wake another container started from that wake, not its old one', async () => {
    // Two Lambda containers over one group: A watched the first wake to ready; B stopped the group an hour
    // later and woke it again. A never saw it asleep.
    const { controller: a, clock, sim, probe } = setup({ startDelayMs: 60_000 });
    const b = new GroupController(sim, probe, clock, settings);
    await a.wake();
    clock.advance(61_000);
    await a.status();
    clock.advance(1_000);
    expect((await a.status()).phase).toBe('ready');
    clock.advance(3_600_000);
    await b.sleep('idle alarm');
    clock.advance(5_000);
    await b.wake('wake request');
    clock.advance(20_000);

    const seenByA = await a.status();
    const seenByB = await b.status();

    expect(seenByB).toMatchObject({ phase: 'waking', elapsedSeconds: 20 });
    expect(seenByA.phase).toBe('waking');
    expect(seenByA.elapsedSeconds).toBe(20);
    expect(seenByA.timeline?.current).not.toBe('ready');
  });

  it('throttled describe: a retryable DependencyError and no scale-up', async () => {
    const { controller, group, sim } = setup();
    sim.failNext('describe', throttlingError());
    const error = await controller.wake().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyError);
    expect((error as DependencyError).retryable).toBe(true);
    expect(group.wakes).toEqual([]);
  });

  it('a member whose scale-up failed is retried by the next wake; the other is not repeated', async () => {
    const { controller, group, sim } = setup();
    sim.failNext('wake', throttlingError());
    const failed = await controller.wake().catch((e: unknown) => e);
    const retried = await controller.wake();
    expect(failed).toBeInstanceOf(DependencyError);
    expect(retried.scaledUp).toEqual(['jitsi/web']);
    expect(group.wakes).toEqual(['jitsi/web', 'jitsi/jvb', 'jitsi/web']);
    expect((await sim.describe()).map((m) => m.desired)).toEqual([1, 1]);
  });
});
