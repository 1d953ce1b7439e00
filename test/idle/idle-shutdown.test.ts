import { FixedActivitySource, InMemoryMetricStore, InMemoryWakeLedger, RecordingAlarmControl } from '../../shared/adapters/memory/activity-memory.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import type { Activity } from '../../shared/domain/activity.js';
import type { AcceptedAlarm } from '../../shared/domain/alarm-event.js';
import { GroupController, type ControllerSettings } from '../../shared/domain/controller.js';
import type { IdleSettings } from '../../shared/domain/idle-decision.js';
import { handleIdleAlarm, readinessOf, type IdleShutdownDeps } from '../../shared/domain/idle-shutdown.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';

const members = ['jitsi/web', 'jitsi/jvb'].map((t) => parseMemberRef(t) as MemberRef);
const settings: IdleSettings = { noJoinMs: 10 * 60_000, emptyMs: 15 * 60_000, graceMs: 5 * 60_000 };
// As deployed: status answers are shared for 2 s inside one container.
const controllerSettings: ControllerSettings = { statusCacheMs: 2000, probeSuccessesRequired: 1, probeIntervalMs: 0, expectedWakeSeconds: 60, wakeTimeoutSeconds: 600 };
const idle: Activity = { kind: 'known', participants: 0, conferences: 0, recording: false };
const alarm = (timer: AcceptedAlarm['timer']): AcceptedAlarm => ({ name: timer === 'empty' ? 'jitsi-empty-room' : 'jitsi-no-join', timer, arn: 'arn', changedAt: new Date() });

/** A group that has been awake for an hour, with a wake-endpoint controller and an idle-shutdown controller. */
async function awakeGroup(activity: Activity = idle) {
  const clock = new ManualClock();
  const group = new SimulatedServiceGroup(members, clock, { startDelayMs: 60_000, stopDelayMs: 2000, healthChecks: true });
  const wakeController = new GroupController(group, new FixedProbe(true), clock, controllerSettings);
  const idleController = new GroupController(group, new FixedProbe(true), clock, controllerSettings);
  const source = new FixedActivitySource(activity);
  const ledger = new InMemoryWakeLedger();
  const store = new InMemoryMetricStore();
  const alarms = new RecordingAlarmControl();
  await wakeController.wake('test');
  clock.advance(60 * 60_000);
  await store.publish([{ name: 'Participants', value: 2 }], new Date(clock.now().getTime() - 30 * 60_000));
  group.calls.length = 0;
  const deps: IdleShutdownDeps = { group, source, ledger, history: store, alarms, controller: idleController, clock, settings, alarmNames: ['jitsi-no-join', 'jitsi-empty-room'] };
  const desired = async () => (await group.describe()).map((m) => m.desired);
  return { clock, group, wakeController, source, ledger, store, alarms, deps, desired };
}

describe('idle shutdown re-checks live before stopping', () => {
  it('stops an empty group through the controller (autoscaling minimum 0, then desired 0)', async () => {
    const { deps, group, desired } = await awakeGroup();
    const outcome = await handleIdleAlarm(alarm('empty'), deps);
    expect(outcome.decision.action).toBe('stop');
    expect(outcome.stopped).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect(await desired()).toEqual([0, 0]);
    expect(group.autoscaling('jitsi/web').minCapacity).toBe(0);
  });

  it('alarm while a meeting is live → no stop, alarm re-armed', async () => {
    const { deps, group, alarms, desired } = await awakeGroup({ kind: 'known', participants: 3, conferences: 1, recording: false });
    const outcome = await handleIdleAlarm(alarm('empty'), deps);
    expect(outcome.decision).toMatchObject({ action: 'skip', code: 'meeting-live' });
    expect(group.calls).toEqual([]);
    expect(await desired()).toEqual([1, 1]);
    expect(alarms.rearmed).toEqual([{ alarmName: 'jitsi-empty-room', reason: expect.stringMatching(/re-armed by idle shutdown: meeting live/) }]);
  });

  it('unknown activity → no stop', async () => {
    const { deps, group } = await awakeGroup({ kind: 'unknown', reason: '/stats: timeout after 2000 ms' });
    const outcome = await handleIdleAlarm(alarm('empty'), deps);
    expect(outcome.decision).toMatchObject({ action: 'skip', code: 'activity-unknown' });
    expect(group.calls).toEqual([]);
  });

  it('a throwing activity source counts as unknown → no stop', async () => {
    const { deps, group, source } = await awakeGroup();
    source.read = async () => { throw new Error('boom'); };
    expect((await handleIdleAlarm(alarm('empty'), deps)).decision).toMatchObject({ code: 'activity-unknown' });
    expect(group.calls).toEqual([]);
  });

  it('a wake request within the grace → no stop (the wake wins)', async () => {
    const { deps, clock, ledger, group } = await awakeGroup();
    ledger.record(new Date(clock.now().getTime() - 4 * 60_000));
    const outcome = await handleIdleAlarm(alarm('empty'), deps);
    expect(outcome.decision).toMatchObject({ action: 'skip', code: 'wake-requested', rearm: true });
    expect(group.calls).toEqual([]);
  });

  it('a wake racing the stop (not yet visible in the ledger) → the group ends awake', async () => {
    const { deps, clock, group, wakeController, source, desired } = await awakeGroup();
    // The page polls status from another container, then POSTs a wake while the idle shutdown reads stats.
    await wakeController.status();
    source.read = async () => {
      await wakeController.wake('wake request');
      return idle;
    };
    const outcome = await handleIdleAlarm(alarm('empty'), deps);
    expect(outcome.decision.action).toBe('stop');
    expect(await desired()).toEqual([0, 0]);
    // The waiting page re-asserts the wake on its next poll (4 s): the group comes back.
    clock.advance(4000);
    const woke = await wakeController.wake('wake request');
    expect(woke.scaledUp).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect(await desired()).toEqual([1, 1]);
    expect(group.calls.map((c) => c.op)).toEqual(['sleep', 'sleep', 'wake', 'wake']);
  });

  it('a group ready for less than the grace is left running', async () => {
    const { deps, group, clock } = await awakeGroup();
    group.setDesired('jitsi/jvb', 0);
    group.setDesired('jitsi/jvb', 1); // a replaced task: the bridge restarted a moment ago
    clock.advance(60_000 + 2 * 60_000);
    const outcome = await handleIdleAlarm(alarm('empty'), deps);
    expect(outcome.decision).toMatchObject({ action: 'skip', code: 'grace' });
  });

  it('the shorter (no-join) timer reads the history and defers after a meeting, without re-arming', async () => {
    const { deps, alarms, group } = await awakeGroup();
    const outcome = await handleIdleAlarm(alarm('no-join'), deps);
    expect(outcome.decision).toMatchObject({ action: 'skip', code: 'other-timer' });
    expect(outcome.facts.maxParticipantsSinceReady).toBe(2);
    expect(alarms.rearmed).toEqual([]);
    expect(group.calls).toEqual([]);
  });

  it('an alarm for a group already asleep does nothing', async () => {
    const { deps, group, source } = await awakeGroup();
    group.setDesired('jitsi/web', 0);
    group.setDesired('jitsi/jvb', 0);
    const outcome = await handleIdleAlarm(alarm('empty'), deps);
    expect(outcome.decision).toMatchObject({ action: 'skip', code: 'asleep', rearm: true });
    expect(source.reads).toEqual([]);
  });

  it('a failed re-arm is reported, not thrown', async () => {
    const { deps, alarms } = await awakeGroup({ kind: 'unknown', reason: 'x' });
    alarms.rearm = async () => { throw Object.assign(new Error('denied'), { name: 'AccessDenied' }); };
    const outcome = await handleIdleAlarm(alarm('empty'), deps);
    expect(outcome).toMatchObject({ rearmed: false, rearmError: expect.stringMatching(/re-arm alarm failed: AccessDenied: denied/) });
  });

  it('readiness needs a running task for every awake member, and every start time', () => {
    const snapshot = (ref: MemberRef, desired: number) => ({ ref, exists: true, desired, running: desired, pending: 0, health: 'NONE' as const, rolloutFailed: false });
    const t = (member: string, startedAt?: Date) => ({ member, privateIp: '10.0.0.1', startedAt });
    const [web, jvb] = members as [MemberRef, MemberRef];
    expect(readinessOf([snapshot(web, 1), snapshot(jvb, 1)], [t('jitsi/web', new Date(1000)), t('jitsi/jvb', new Date(5000))])).toEqual({ ready: true, since: new Date(5000) });
    expect(readinessOf([snapshot(web, 1), snapshot(jvb, 1)], [t('jitsi/web', new Date(1000))])).toMatchObject({ ready: false, reason: expect.stringMatching(/jitsi\/jvb/) });
    expect(readinessOf([snapshot(web, 1), snapshot(jvb, 1)], [t('jitsi/web'), t('jitsi/jvb', new Date(1))])).toMatchObject({ ready: false });
    // A member set to 0 by hand does not keep the rest of the group up.
    expect(readinessOf([snapshot(web, 1), snapshot(jvb, 0)], [t('jitsi/web', new Date(1000))])).toEqual({ ready: true, since: new Date(1000) });
  });
});
