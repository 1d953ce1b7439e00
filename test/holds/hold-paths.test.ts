import { FixedActivitySource, InMemoryMetricStore, InMemoryWakeLedger, RecordingAlarmControl } from '../../shared/adapters/memory/activity-memory.js';
import { MemoryHoldStore } from '../../shared/adapters/memory/memory-hold-store.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import type { Activity } from '../../shared/domain/activity.js';
import { GroupController } from '../../shared/domain/controller.js';
import { serializeHold, type HoldKind } from '../../shared/domain/hold.js';
import { HoldGate } from '../../shared/domain/hold-gate.js';
import { controllerEvents, holdDecisionEvents } from '../../shared/observability.js';
import { createIdleShutdownHandler } from '../../functions/idle-shutdown/handler.js';
import { createPowerDownHandler } from '../../functions/power-down/handler.js';
import { createPrewarmHandler } from '../../functions/prewarm/handler.js';
import { MEMBERS } from '../idle/aws-fakes.js';
import { awsContext, loadEvent, observed } from '../idle/support.js';
import { MemorySchedules } from '../../shared/adapters/memory/memory-schedules.js';

const idle: Activity = { kind: 'known', participants: 0, conferences: 0, recording: false };
/** The sample alarms changed state at 12:00:05 on 2026-11-26; the group has been up since 11:00. */
const ALARM_TIME = Date.parse('2026-11-26T12:00:30Z');
const hold = (kind: HoldKind, until: string, setAt = '2026-11-26T10:00:00Z') =>
  serializeHold({ kind, until: new Date(until), setAt: new Date(setAt), reason: kind === 'awake' ? 'all-day workshop' : 'OS upgrade' });

/** An awake, ready, idle group with the real idle-shutdown, power-down and pre-warm handlers sharing one hold. */
function world(holdText?: string, start = ALARM_TIME) {
  const clock = new ManualClock(start - 60 * 60_000);
  const group = new SimulatedServiceGroup(MEMBERS, clock, { startDelayMs: 60_000, stopDelayMs: 2000, healthChecks: true });
  for (const m of MEMBERS) group.setDesired(m.id, 1);
  clock.advance(60 * 60_000);
  const o = observed();
  const store = new MemoryHoldStore(holdText);
  const holds = new HoldGate(store, clock, 30_000, holdDecisionEvents(o.logger, o.metrics));
  const controller = new GroupController(group, new FixedProbe(true), clock, { statusCacheMs: 0, probeSuccessesRequired: 1, probeIntervalMs: 0, expectedWakeSeconds: 60, wakeTimeoutSeconds: 600 }, controllerEvents(o.logger, o.metrics));
  const alarms = new RecordingAlarmControl();
  const source = new FixedActivitySource(idle);
  const idleHandler = createIdleShutdownHandler({
    group, source, ledger: new InMemoryWakeLedger(), history: new InMemoryMetricStore(), alarms, controller, clock,
    settings: { noJoinMs: 10 * 60_000, emptyMs: 15 * 60_000, graceMs: 5 * 60_000 },
    noJoinAlarmName: 'jitsi-no-join', emptyAlarmName: 'jitsi-empty-room', logger: o.logger, metrics: o.metrics, holds,
  });
  const powerDown = createPowerDownHandler({
    // No stop grace here: these tests are about holds (test/scheduling/power-down-grace.test.ts pins the grace).
    controller, activity: { read: async () => idle }, grace: { group, ledger: new InMemoryWakeLedger(), graceMs: 0 }, schedules: new MemorySchedules(clock), clock, logger: o.logger, metrics: o.metrics, holds,
    settings: { policy: 'defer', recheckMs: 15 * 60_000, maxDeferMs: 240 * 60_000 },
  });
  const prewarm = createPrewarmHandler({ controller, clock, logger: o.logger, metrics: o.metrics, holds });
  const desired = async () => (await group.describe()).map((m) => m.desired);
  return {
    ...o, clock, group, store, alarms, controller, desired,
    idle: (event = loadEvent('alarm-empty-alarm.json')) => idleHandler(event, awsContext('idle-shutdown')),
    powerDown: (event: unknown) => powerDown(event, awsContext('power-down')),
    prewarm: (event: unknown) => prewarm(event, awsContext('prewarm')),
    holdLines: () => o.lines.filter((l) => String(l.message).startsWith('hold decision')),
  };
}

describe('holds on the stop paths', () => {
  it('idle shutdown leaves an awake-held group running, re-arms the alarm, logs and counts the decision', async () => {
    const w = world(hold('awake', '2026-11-26T17:00:00Z'));
    const result = await w.idle();
    expect(result).toMatchObject({ decision: { action: 'skip', code: 'hold', reason: 'hold awake until 2026-11-26T17:00:00Z (all-day workshop): idle-shutdown leaves the group running' }, stopped: [], rearmed: true });
    expect(await w.desired()).toEqual([1, 1]);
    expect(w.alarms.rearmed).toEqual([{ alarmName: 'jitsi-empty-room', reason: expect.stringMatching(/^re-armed by idle shutdown: hold awake until/) }]);
    expect(w.holdLines()).toEqual([expect.objectContaining({ message: 'hold decision: blocked', action: 'hold', path: 'idle-shutdown', hold: { kind: 'awake', until: '2026-11-26T17:00:00.000Z', reason: 'all-day workshop' } })]);
    expect(w.counts).toEqual({ HoldDecisions: 1, StopsSkipped: 1 });
  });

  it('once the awake hold has expired, the next idle alarm stops the group as usual (the log says the hold was ignored)', async () => {
    const w = world(hold('awake', '2026-11-26T12:00:00Z'));
    const result = await w.idle();
    expect(result).toMatchObject({ decision: { action: 'stop' }, stopped: ['jitsi/web', 'jitsi/jvb'] });
    expect(await w.desired()).toEqual([0, 0]);
    expect(w.holdLines()).toEqual([expect.objectContaining({ message: 'hold decision: ignored', reason: 'hold awake expired at 2026-11-26T12:00:00.000Z', level: 'WARN' })]);
  });

  it.each([
    ['a corrupted hold', '{"kind":"awake","until":', undefined],
    ['an unreadable hold', hold('awake', '2026-11-26T17:00:00Z'), 'ThrottlingException: Rate exceeded'],
  ])('%s never blocks the stop', async (_name, text, failure) => {
    const w = world(text);
    if (failure) w.store.failReads = failure;
    expect(await w.idle()).toMatchObject({ decision: { action: 'stop' } });
    expect(await w.desired()).toEqual([0, 0]);
    expect(w.holdLines()[0]).toMatchObject({ decision: 'ignored', reason: expect.stringMatching(/^(malformed hold ignored: not JSON|hold unreadable, ignored: ThrottlingException)/) });
  });

  it('a maintenance (asleep) hold does not keep the idle path from stopping', async () => {
    const w = world(hold('asleep', '2026-11-26T17:00:00Z'));
    expect(await w.idle()).toMatchObject({ decision: { action: 'stop' } });
  });

  it('the nightly power-down does nothing under an awake hold (no re-check chain), and works normally the night after', async () => {
    const w = world(hold('awake', '2026-11-26T23:30:00Z'), Date.parse('2026-11-26T22:00:20Z'));
    expect(await w.powerDown(loadEvent('power-down-nightly.json'))).toEqual({
      outcome: 'nothing', reason: 'hold awake until 2026-11-26T23:30:00Z (all-day workshop): power-down leaves the group running', stopped: [],
    });
    expect(await w.desired()).toEqual([1, 1]);
    w.clock.advance(24 * 60 * 60_000);
    expect(await w.powerDown({ action: 'power-down', scheduledTime: '2026-11-27T22:00:00Z' })).toMatchObject({ outcome: 'stopped', stopped: ['jitsi/web', 'jitsi/jvb'] });
  });

  it('a re-check that finds a new awake hold also leaves the group running', async () => {
    const w = world(hold('awake', '2026-11-27T06:00:00Z'), Date.parse('2026-11-26T22:15:20Z'));
    expect(await w.powerDown({ action: 'power-down-recheck', deadline: '2026-11-27T02:00:00Z', attempt: 1 })).toMatchObject({ outcome: 'nothing', reason: expect.stringMatching(/^hold awake/) });
    expect(await w.desired()).toEqual([1, 1]);
  });
});

describe('holds on the wake paths', () => {
  it('a scheduled pre-warm during maintenance wakes nothing and says why', async () => {
    const w = world(hold('asleep', '2026-11-27T12:00:00Z'), Date.parse('2026-11-27T08:50:10Z'));
    await w.controller.sleep('test setup');
    expect(await w.prewarm(loadEvent('prewarm-schedule.json'))).toEqual({ outcome: 'held', reason: 'maintenance hold asleep until 2026-11-27T12:00:00Z (OS upgrade): prewarm-schedule refused' });
    expect(await w.desired()).toEqual([0, 0]);
    expect(w.lines.some((l) => l.message === 'pre-warm refused by a hold')).toBe(true);
  });

  it('after the maintenance hold, the same pre-warm wakes the group', async () => {
    const w = world(hold('asleep', '2026-11-27T08:00:00Z'), Date.parse('2026-11-27T08:50:10Z'));
    await w.controller.sleep('test setup');
    expect(await w.prewarm(loadEvent('prewarm-schedule.json'))).toMatchObject({ outcome: 'woke' });
    expect(await w.desired()).toEqual([1, 1]);
  });
});
