import { GroupController } from '../../shared/domain/controller.js';
import { DependencyError } from '../../shared/domain/errors.js';
import { FixedProbe, ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import type { ReadinessProbe } from '../../shared/domain/service-group.js';
import { ScriptedGroup, settings, setup, snapshot, throttlingError } from './support.js';

describe('GroupController phases', () => {
  it('reports asleep without touching the group', async () => {
    const { controller, group } = setup();
    const status = await controller.status();
    expect(status.phase).toBe('asleep');
    expect(status.retryable).toBe(true);
    expect(status.elapsedSeconds).toBeUndefined();
    expect(group.wakes).toEqual([]);
  });

  it('walks asleep → waking → ready with consecutive probe successes', async () => {
    const { controller, clock, probe } = setup({ startDelayMs: 20_000 });
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

  it('reports elapsed time, start time and an estimate that never goes below zero', async () => {
    const { controller, clock } = setup({ startDelayMs: 300_000 });
    const startedAt = clock.now().toISOString();
    await controller.wake();
    clock.advance(15_000);
    const early = await controller.status();
    clock.advance(60_000);
    const late = await controller.status();
    expect(early).toMatchObject({ phase: 'waking', wakeStartedAt: startedAt, elapsedSeconds: 15, estimatedSecondsLeft: 45 });
    expect(late).toMatchObject({ phase: 'waking', elapsedSeconds: 75, estimatedSecondsLeft: 0 });
  });

  it('does not probe before ECS reports every member running', async () => {
    const { controller, clock, probe } = setup({ startDelayMs: 20_000 });
    await controller.wake();
    clock.advance(19_000);
    const status = await controller.status();
    expect(status.message).toMatch(/tasks starting/);
    expect(probe.checks).toBe(0);
  });

  it('probes at most once per probe interval', async () => {
    const { controller, clock, probe } = setup({ startDelayMs: 1000, settings: { probeSuccessesRequired: 3 } });
    await controller.wake();
    clock.advance(1000);
    await controller.status();
    await controller.status();
    clock.advance(999);
    await controller.status();
    expect(probe.checks).toBe(1);
  });

  it('a failed probe resets the run of successes', async () => {
    const { controller, clock, probe } = setup({ startDelayMs: 1000 });
    await controller.wake();
    const phases: string[] = [];
    for (const ok of [true, false, true, true]) {
      clock.advance(1000);
      probe.ok = ok;
      phases.push((await controller.status()).phase);
    }
    expect(phases).toEqual(['waking', 'waking', 'waking', 'ready']);
    expect(probe.checks).toBe(4);
  });

  it('treats a probe that throws as a failure and says why', async () => {
    const { clock, group } = setup({ startDelayMs: 0 });
    const broken: ReadinessProbe = { check: () => Promise.reject(new Error('socket hang up')) };
    const controller = new GroupController(group, broken, clock, settings);
    await controller.wake();
    clock.advance(1000);
    const status = await controller.status();
    expect(status.phase).toBe('waking');
    expect(status.message).toContain('socket hang up');
  });

  it('shows stopping while tasks drain after a sleep, then asleep', async () => {
    const { controller, clock } = setup({ startDelayMs: 0 });
    await controller.wake();
    const slept = await controller.sleep('idle');
    clock.advance(2000);
    const after = await controller.status();
    expect(slept.scaledDown).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect(slept.status.phase).toBe('stopping');
    expect(after.phase).toBe('asleep');
  });

  it('turns a wake that never gets ready into a retryable error after the wake timeout', async () => {
    const { controller, clock } = setup({ startDelayMs: 3_600_000 });
    await controller.wake();
    clock.advance(600_000);
    const atLimit = await controller.status();
    clock.advance(1000);
    const overdue = await controller.status();
    expect(atLimit.phase).toBe('waking');
    expect(overdue).toMatchObject({ phase: 'error', retryable: true });
    expect(overdue.message).toMatch(/far longer than expected/);
  });

  it.each([
    ['a failed rollout', snapshot('jitsi/web', { desired: 1, running: 0, rolloutFailed: true }), /deployment failed: jitsi\/web/],
    ['a missing service', snapshot('jitsi/web', { exists: false }), /service not found: jitsi\/web/],
  ])('reports %s as an error that is not retryable and does not wake it', async (_name, broken, message) => {
    const group = new ScriptedGroup([broken, snapshot('jitsi/jvb')]);
    const controller = new GroupController(group, new FixedProbe(true), new ManualClock(), settings);
    const status = await controller.status();
    const woke = await controller.wake();
    expect(status).toMatchObject({ phase: 'error', retryable: false });
    expect(status.message).toMatch(message);
    expect(woke.status.phase).toBe('error');
    expect(group.wakes).toBe(1); // only jitsi/jvb, which exists and is at zero
  });

  it('turns throttling from the group into a retryable DependencyError', async () => {
    const { controller, sim } = setup();
    sim.failNext('describe', throttlingError());
    const error = await controller.status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ retryable: true, message: expect.stringMatching(/throttling/) });
  });

  it('reports phase changes and wake-to-ready seconds to the events port', async () => {
    const seen: string[] = [];
    const { controller, clock } = setup({
      startDelayMs: 0,
      events: {
        phaseChanged: (from, to) => seen.push(`${from ?? '-'}>${to}`),
        scaledUp: (ids, reason) => seen.push(`up ${ids.join('+')} (${reason})`),
        becameReady: (s) => seen.push(`ready ${s}`),
      },
    });
    await controller.status();
    await controller.wake('test');
    clock.advance(1000); // the wake's own status already probed once (start delay 0)
    await controller.status();
    expect(seen).toEqual(['->asleep', 'up jitsi/web+jitsi/jvb (test)', 'asleep>waking', 'waking>ready', 'ready 1']);
  });
});
