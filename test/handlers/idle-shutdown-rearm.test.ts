import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { GetMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchAlarmControl, CloudWatchParticipantHistory, CloudWatchWakeLedger } from '../../shared/adapters/aws/cloudwatch-history.js';
import { ProbeActivitySource } from '../../shared/adapters/aws/probe-activity-source.js';
import { FixedProbe, ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { GroupController, type ControllerSettings } from '../../shared/domain/controller.js';
import type { IdleSettings } from '../../shared/domain/idle-decision.js';
import { controllerEvents } from '../../shared/observability.js';
import { createIdleShutdownHandler } from '../../functions/idle-shutdown/handler.js';
import { awsFake } from '../idle/aws-fakes.js';
import { awsContext, loadEvent, observed } from '../idle/support.js';

/**
 * Every outcome of an idle alarm leaves both alarms able to fire again (issue 14): CloudWatch runs the
 * action only on a transition into ALARM, so an alarm left in ALARM is a dead idle path.
 */
const controllerSettings: ControllerSettings = { statusCacheMs: 2000, probeSuccessesRequired: 1, probeIntervalMs: 0, expectedWakeSeconds: 60, wakeTimeoutSeconds: 600 };
const ALARM_TIME = Date.parse('2026-11-26T12:00:30Z');
const UP_SINCE = new Date('2026-11-26T11:00:00Z');

let fake: ReturnType<typeof awsFake>;
afterEach(() => fake.restore());

function idleShutdown(graceMinutes = 5, now = ALARM_TIME) {
  const settings: IdleSettings = { noJoinMs: 10 * 60_000, emptyMs: 15 * 60_000, graceMs: graceMinutes * 60_000 };
  const clock = new ManualClock(now);
  const group = fake.group();
  const o = observed();
  const cw = fake.clients.cloudwatch;
  const handler = createIdleShutdownHandler({
    group, clock, settings, noJoinAlarmName: 'jitsi-no-join', emptyAlarmName: 'jitsi-empty-room', logger: o.logger, metrics: o.metrics,
    controller: new GroupController(group, new FixedProbe(true), clock, controllerSettings, controllerEvents(o.logger, o.metrics)),
    source: new ProbeActivitySource(fake.clients.lambda, 'jitsi-probe'),
    ledger: new CloudWatchWakeLedger(cw, 'JitsiScaleToZero', 'jitsi-scale-to-zero'),
    history: new CloudWatchParticipantHistory(cw, 'JitsiScaleToZero', 'jitsi'),
    alarms: new CloudWatchAlarmControl(cw),
  });
  return { o, invoke: (file: string) => handler(loadEvent(file), awsContext('idle-shutdown')) };
}
const alarmStates = () => fake.cloudwatch.commandCalls(SetAlarmStateCommand).map((c) => [c.args[0].input.AlarmName, c.args[0].input.StateValue]);

describe('every idle-shutdown outcome re-arms', () => {
  it('stop → both alarms reset to OK after the stop (they would stay in ALARM on the last real datapoints)', async () => {
    fake = awsFake({ desired: 1, startedAt: UP_SINCE });
    expect(await idleShutdown().invoke('alarm-empty-alarm.json')).toMatchObject({ decision: { action: 'stop' }, rearmed: true });
    expect(alarmStates()).toEqual([['jitsi-no-join', 'OK'], ['jitsi-empty-room', 'OK']]);
    const order = fake.log.filter((c) => ['UpdateService', 'SetAlarmState'].includes(c));
    expect(order).toEqual(['UpdateService', 'UpdateService', 'SetAlarmState', 'SetAlarmState']);
  });

  it('skip (meeting live) → the alarm that fired is re-armed', async () => {
    fake = awsFake({ desired: 1, startedAt: UP_SINCE, participants: 3 });
    expect(await idleShutdown().invoke('alarm-empty-alarm.json')).toMatchObject({ decision: { code: 'meeting-live' }, rearmed: true });
    expect(alarmStates()).toEqual([['jitsi-empty-room', 'OK']]);
  });

  it('skip (already asleep) → re-armed too: with no datapoints while asleep it would stay in ALARM', async () => {
    fake = awsFake({ desired: 0, startedAt: UP_SINCE });
    expect(await idleShutdown().invoke('alarm-empty-alarm.json')).toMatchObject({ decision: { code: 'asleep' }, rearmed: true });
    expect(alarmStates()).toEqual([['jitsi-empty-room', 'OK']]);
  });

  it('skip (the shorter timer defers to the longer) → left in ALARM on purpose: the first join turns it OK, a stop resets it', async () => {
    fake = awsFake({ desired: 1, startedAt: UP_SINCE });
    expect(await idleShutdown().invoke('alarm-no-join-alarm.json')).toMatchObject({ decision: { code: 'other-timer', rearm: false } });
    expect(alarmStates()).toEqual([]);
  });

  it('a stale retried delivery (40 min late) → rejected without acting, but re-armed', async () => {
    fake = awsFake({ desired: 1, startedAt: UP_SINCE });
    const s = idleShutdown(5, ALARM_TIME + 40 * 60_000);
    expect(await s.invoke('alarm-empty-alarm.json')).toEqual({ action: 'rejected', reason: expect.stringMatching(/^stale/), rearmed: true });
    expect(fake.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(fake.cloudwatch.commandCalls(SetAlarmStateCommand)[0]!.args[0].input).toEqual({
      AlarmName: 'jitsi-empty-room', StateValue: 'OK', StateReason: expect.stringMatching(/^re-armed by idle shutdown: stale/),
    });
  });

  it('a dependency failure → re-armed first, then thrown for the asynchronous retry (and, after the last, the on-failure destination)', async () => {
    fake = awsFake({ desired: 1, startedAt: UP_SINCE });
    fake.ecs.on(DescribeServicesCommand).rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }));
    await expect(idleShutdown().invoke('alarm-empty-alarm.json')).rejects.toThrow(/describe service group failed/);
    expect(alarmStates()).toEqual([['jitsi-empty-room', 'OK']]);
  });
});

describe('stopGraceMinutes 0', () => {
  it('stops without asking GetMetricData for an empty window (StartTime = EndTime is rejected by AWS)', async () => {
    fake = awsFake({ desired: 1, startedAt: UP_SINCE });
    expect(await idleShutdown(0).invoke('alarm-empty-alarm.json')).toMatchObject({ decision: { action: 'stop' } });
    const windows = fake.cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input);
    expect(windows.every((w) => w.StartTime!.getTime() < w.EndTime!.getTime())).toBe(true);
    expect(fake.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(2);
  });

  it('the CloudWatch ledger answers 0 for an empty window without a call', async () => {
    fake = awsFake({ desired: 1, startedAt: UP_SINCE });
    const ledger = new CloudWatchWakeLedger(fake.clients.cloudwatch, 'JitsiScaleToZero', 'jitsi-scale-to-zero');
    const at = new Date(ALARM_TIME);
    expect(await ledger.wakeRequestsBetween(at, at)).toBe(0);
    expect(fake.cloudwatch.commandCalls(GetMetricDataCommand)).toHaveLength(0);
  });
});
