import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { GetMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { CloudWatchAlarmControl, CloudWatchParticipantHistory, CloudWatchWakeLedger } from '../../shared/adapters/aws/cloudwatch-history.js';
import { ProbeActivitySource } from '../../shared/adapters/aws/probe-activity-source.js';
import { FixedActivitySource, InMemoryMetricStore, InMemoryWakeLedger, RecordingAlarmControl } from '../../shared/adapters/memory/activity-memory.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import type { Activity } from '../../shared/domain/activity.js';
import { GroupController, type ControllerSettings } from '../../shared/domain/controller.js';
import type { IdleSettings } from '../../shared/domain/idle-decision.js';
import { controllerEvents } from '../../shared/observability.js';
import { createIdleShutdownHandler } from '../../functions/idle-shutdown/handler.js';
import { awsFake, MEMBERS } from '../idle/aws-fakes.js';
import { awsContext, loadEvent, observed } from '../idle/support.js';

const settings: IdleSettings = { noJoinMs: 10 * 60_000, emptyMs: 15 * 60_000, graceMs: 5 * 60_000 };
const controllerSettings: ControllerSettings = { statusCacheMs: 2000, probeSuccessesRequired: 1, probeIntervalMs: 0, expectedWakeSeconds: 60, wakeTimeoutSeconds: 600 };
const idle: Activity = { kind: 'known', participants: 0, conferences: 0, recording: false };
const names = { noJoinAlarmName: 'jitsi-no-join', emptyAlarmName: 'jitsi-empty-room' };
/** The sample alarms changed state at 12:00:05; the group has been up since 11:00. */
const ALARM_TIME = Date.parse('2026-11-26T12:00:30Z');

async function idleShutdown(activity: Activity = idle) {
  const clock = new ManualClock(ALARM_TIME - 60 * 60_000);
  const group = new SimulatedServiceGroup(MEMBERS, clock, { startDelayMs: 60_000, stopDelayMs: 2000, healthChecks: true });
  for (const m of MEMBERS) group.setDesired(m.id, 1);
  clock.advance(60 * 60_000);
  const o = observed();
  const controller = new GroupController(group, new FixedProbe(true), clock, controllerSettings, controllerEvents(o.logger, o.metrics));
  const source = new FixedActivitySource(activity);
  const alarms = new RecordingAlarmControl();
  const handler = createIdleShutdownHandler({
    group, source, ledger: new InMemoryWakeLedger(), history: new InMemoryMetricStore(), alarms, controller, clock, settings, ...names, logger: o.logger, metrics: o.metrics,
  });
  return { ...o, clock, group, source, alarms, invoke: (event: unknown, context = awsContext('idle-shutdown')) => handler(event, context) };
}

describe('idle-shutdown function', () => {
  it('empty-room alarm on an empty group → stops it; one structured decision line; Stops counted', async () => {
    const s = await idleShutdown();
    const result = await s.invoke(loadEvent('alarm-empty-alarm.json'));
    expect(result).toMatchObject({ decision: { action: 'stop' }, stopped: ['jitsi/web', 'jitsi/jvb'] });
    expect((await s.group.describe()).map((m) => m.desired)).toEqual([0, 0]);
    expect(s.lines.filter((l) => String(l.message).startsWith('idle decision'))).toEqual([expect.objectContaining({
      message: 'idle decision: stop', action: 'stop', alarm: 'jitsi-empty-room', timer: 'empty',
      reason: expect.stringMatching(/^last participant left/), stopped: ['jitsi/web', 'jitsi/jvb'],
    })]);
    expect(s.counts).toEqual({ Stops: 1 });
  });

  it('alarm while a meeting is live → no stop, StopsSkipped counted, alarm re-armed', async () => {
    const s = await idleShutdown({ kind: 'known', participants: 4, conferences: 1, recording: false });
    const result = await s.invoke(loadEvent('alarm-empty-alarm.json'));
    expect(result).toMatchObject({ decision: { action: 'skip', code: 'meeting-live' }, rearmed: true });
    expect(s.group.calls).toEqual([]);
    expect(s.counts).toEqual({ StopsSkipped: 1 });
    expect(s.lines.find((l) => l.message === 'idle decision: skip')).toMatchObject({ action: 'skip', code: 'meeting-live', reason: 'meeting live: 4 participant(s) in 1 conference(s)' });
  });

  it('unknown activity → no stop', async () => {
    const s = await idleShutdown({ kind: 'unknown', reason: 'probe function error (Unhandled)' });
    expect(await s.invoke(loadEvent('alarm-no-join-alarm.json'))).toMatchObject({ decision: { action: 'skip', code: 'activity-unknown' } });
    expect(s.group.calls).toEqual([]);
  });

  it.each([
    ['alarm-empty-ok.json', /state is OK/],
    ['alarm-empty-repeat.json', /previous state was already ALARM/],
    ['alarm-foreign-name.json', /foreign alarm "prod-db-cpu-high"/],
    ['alarm-foreign-account.json', /account 999999999999/],
    ['alarm-eventbridge-shape.json', /malformed/],
    ['watch-scheduled.json', /not a CloudWatch alarm action/],
  ])('%s → rejected with a clear log line, counted, no action at all', async (file, reason) => {
    const s = await idleShutdown();
    expect(await s.invoke(loadEvent(file))).toEqual({ action: 'rejected', reason: expect.stringMatching(reason) });
    expect(s.source.reads).toEqual([]);
    expect(s.group.calls).toEqual([]);
    expect(s.alarms.rearmed).toEqual([]);
    expect(s.counts).toEqual({ RejectedEvents: 1 });
    expect(s.lines.find((l) => l.level === 'WARN')).toMatchObject({ message: expect.stringMatching(/^rejected alarm event: /), action: 'reject' });
  });

  it('a stale alarm (delivered 40 minutes late) → rejected, no action but the re-arm', async () => {
    const s = await idleShutdown();
    s.clock.advance(40 * 60_000);
    expect(await s.invoke(loadEvent('alarm-empty-alarm.json'))).toEqual({ action: 'rejected', reason: expect.stringMatching(/^stale/), rearmed: true });
    expect(s.alarms.rearmed).toEqual([{ alarmName: 'jitsi-empty-room', reason: expect.stringMatching(/^re-armed by idle shutdown: stale/) }]);
    expect(s.group.calls).toEqual([]);
  });

  it('an alarm from another region than the function\'s → rejected', async () => {
    const s = await idleShutdown();
    const context = { ...awsContext('idle-shutdown'), invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:idle-shutdown' };
    expect(await s.invoke(loadEvent('alarm-empty-alarm.json'), context)).toEqual({ action: 'rejected', reason: expect.stringMatching(/region eu-west-1 is not us-east-1/) });
  });
});

describe('idle-shutdown with the AWS adapters (exact calls)', () => {
  let fake: ReturnType<typeof awsFake>;
  afterEach(() => fake.restore());

  function awsIdleShutdown() {
    const clock = new ManualClock(ALARM_TIME);
    const group = fake.group();
    const o = observed();
    const controller = new GroupController(group, new FixedProbe(true), clock, controllerSettings, controllerEvents(o.logger, o.metrics));
    const cw = fake.clients.cloudwatch;
    const handler = createIdleShutdownHandler({
      group, controller, clock, settings, ...names, logger: o.logger, metrics: o.metrics,
      source: new ProbeActivitySource(fake.clients.lambda, 'jitsi-probe'),
      ledger: new CloudWatchWakeLedger(cw, 'JitsiScaleToZero', 'jitsi-scale-to-zero'),
      history: new CloudWatchParticipantHistory(cw, 'JitsiScaleToZero', 'jitsi'),
      alarms: new CloudWatchAlarmControl(cw),
    });
    return (file: string) => handler(loadEvent(file), awsContext('idle-shutdown'));
  }

  it('idle: probe Invoke with the task IPs, WakeRequests over the grace, then autoscaling minimum 0 before desired 0', async () => {
    fake = awsFake({ desired: 1, startedAt: new Date('2026-11-26T11:00:00Z') });
    expect(await awsIdleShutdown()('alarm-empty-alarm.json')).toMatchObject({ decision: { action: 'stop' } });
    expect(fake.lambda.commandCalls(InvokeCommand)[0]!.args[0].input.Payload).toBe(JSON.stringify({ targets: [{ member: 'jitsi/web', ip: '10.0.1.23' }, { member: 'jitsi/jvb', ip: '10.0.2.41' }] }));
    expect(fake.cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input)).toEqual([expect.objectContaining({
      StartTime: new Date(ALARM_TIME - 5 * 60_000), EndTime: new Date(ALARM_TIME),
      MetricDataQueries: [expect.objectContaining({ MetricStat: expect.objectContaining({ Metric: expect.objectContaining({ MetricName: 'WakeRequests' }), Stat: 'Sum' }) })],
    })]);
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand).map((c) => [c.args[0].input.ResourceId, c.args[0].input.MinCapacity])).toEqual([['service/jitsi/web', 0], ['service/jitsi/jvb', 0]]);
    expect(fake.ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'jitsi', service: 'web', desiredCount: 0 }, { cluster: 'jitsi', service: 'jvb', desiredCount: 0 },
    ]);
    const order = fake.log.filter((c) => ['Invoke', 'GetMetricData', 'RegisterScalableTarget', 'UpdateService'].includes(c));
    expect(order).toEqual(['Invoke', 'GetMetricData', 'RegisterScalableTarget', 'RegisterScalableTarget', 'UpdateService', 'UpdateService']);
  });

  it('the no-join timer (the shorter) reads Participants since ready: all zero → stop', async () => {
    fake = awsFake({ desired: 1, startedAt: new Date('2026-11-26T11:00:00Z'), metricValues: [0, 0] });
    expect(await awsIdleShutdown()('alarm-no-join-alarm.json')).toMatchObject({ decision: { action: 'stop', reason: expect.stringMatching(/nobody joined since ready/) } });
    const reads = fake.cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input);
    expect(reads.map((r) => r.MetricDataQueries![0]!.MetricStat!.Metric!.MetricName).sort()).toEqual(['Participants', 'WakeRequests']);
    expect(reads.find((r) => r.MetricDataQueries![0]!.MetricStat!.Metric!.MetricName === 'Participants')!.StartTime).toEqual(new Date('2026-11-26T11:00:00Z'));
    expect(fake.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(2);
  });

  it('the no-join timer without any Participants datapoint since ready leaves the stop to the longer timer', async () => {
    fake = awsFake({ desired: 1, startedAt: new Date('2026-11-26T11:00:00Z') });
    expect(await awsIdleShutdown()('alarm-no-join-alarm.json')).toMatchObject({ decision: { code: 'other-timer', rearm: false } });
    expect(fake.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(fake.cloudwatch.commandCalls(SetAlarmStateCommand)).toHaveLength(0);
  });

  it('live meeting: no UpdateService, no RegisterScalableTarget; the alarm is re-armed with SetAlarmState OK', async () => {
    fake = awsFake({ desired: 1, startedAt: new Date('2026-11-26T11:00:00Z'), participants: 2 });
    expect(await awsIdleShutdown()('alarm-empty-alarm.json')).toMatchObject({ decision: { code: 'meeting-live' } });
    expect(fake.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand)).toHaveLength(0);
    expect(fake.cloudwatch.commandCalls(SetAlarmStateCommand)[0]!.args[0].input).toEqual({
      AlarmName: 'jitsi-empty-room', StateValue: 'OK', StateReason: 're-armed by idle shutdown: meeting live: 2 participant(s) in 1 conference(s)',
    });
  });

  it('a wake request within the grace (WakeRequests sum > 0) → no stop', async () => {
    fake = awsFake({ desired: 1, startedAt: new Date('2026-11-26T11:00:00Z'), metricValues: [1] });
    expect(await awsIdleShutdown()('alarm-empty-alarm.json')).toMatchObject({ decision: { code: 'wake-requested' } });
    expect(fake.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });
});
