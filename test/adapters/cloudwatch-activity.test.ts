import { CloudWatchClient, GetMetricDataCommand, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchGroupMetrics } from '../../shared/adapters/aws/cloudwatch-group-metrics.js';
import { CloudWatchAlarmControl, CloudWatchParticipantHistory, CloudWatchWakeLedger, periodFor } from '../../shared/adapters/aws/cloudwatch-history.js';
import { MetricActivitySource } from '../../shared/adapters/aws/metric-activity-source.js';
import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';

const cw = mockClient(CloudWatchClient);
const client = new CloudWatchClient({ region: 'eu-west-1' });
const at = new Date('2026-11-26T12:00:00Z');
const minutesBefore = (m: number) => new Date(at.getTime() - m * 60_000);
const task = { member: 'jitsi/web', privateIp: '10.0.1.23', startedAt: minutesBefore(60) };

beforeEach(() => cw.reset());
afterAll(() => cw.restore());

describe('CloudWatchGroupMetrics (watcher datapoints)', () => {
  it('one PutMetricData with every datapoint, namespace from config, dimension Group', async () => {
    cw.on(PutMetricDataCommand).resolves({});
    await new CloudWatchGroupMetrics(client, 'JitsiScaleToZero', 'jitsi').publish([
      { name: 'Participants', value: 3 }, { name: 'Conferences', value: 1 }, { name: 'ActivityUnknown', value: 0 },
    ], at);
    expect(cw.calls()).toHaveLength(1);
    expect(cw.commandCalls(PutMetricDataCommand)[0]!.args[0].input).toEqual({
      Namespace: 'JitsiScaleToZero',
      MetricData: [
        { MetricName: 'Participants', Dimensions: [{ Name: 'Group', Value: 'jitsi' }], Timestamp: at, Value: 3, Unit: 'Count' },
        { MetricName: 'Conferences', Dimensions: [{ Name: 'Group', Value: 'jitsi' }], Timestamp: at, Value: 1, Unit: 'Count' },
        { MetricName: 'ActivityUnknown', Dimensions: [{ Name: 'Group', Value: 'jitsi' }], Timestamp: at, Value: 0, Unit: 'Count' },
      ],
    });
  });

  it('a per-member datapoint (RunningTasks) carries the Member dimension next to Group', async () => {
    cw.on(PutMetricDataCommand).resolves({});
    await new CloudWatchGroupMetrics(client, 'JitsiScaleToZero', 'jitsi').publish([{ name: 'RunningTasks', member: 'jitsi/web', value: 1 }], at);
    expect(cw.commandCalls(PutMetricDataCommand)[0]!.args[0].input.MetricData).toEqual([
      { MetricName: 'RunningTasks', Dimensions: [{ Name: 'Group', Value: 'jitsi' }, { Name: 'Member', Value: 'jitsi/web' }], Timestamp: at, Value: 1, Unit: 'Count' },
    ]);
  });

  it('sends nothing for no datapoints', async () => {
    await new CloudWatchGroupMetrics(client, 'JitsiScaleToZero', 'jitsi').publish([], at);
    expect(cw.calls()).toHaveLength(0);
  });
});

describe('CloudWatchWakeLedger and CloudWatchParticipantHistory (GetMetricData)', () => {
  it('sums WakeRequests and PersonsSentIn (dimension service) over the grace window in one call', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [
      { Id: 'm1', StatusCode: 'Complete', Values: [1], Timestamps: [minutesBefore(2)] },
      { Id: 'm', StatusCode: 'Complete', Values: [1, 2], Timestamps: [minutesBefore(1), minutesBefore(3)] },
    ] });
    const arrivals = await new CloudWatchWakeLedger(client, 'JitsiScaleToZero', 'jitsi-scale-to-zero').arrivalsBetween(minutesBefore(5), at);
    expect(arrivals).toEqual({ wakeRequests: 3, sentIn: 1 });
    const metric = (MetricName: string) => ({ Namespace: 'JitsiScaleToZero', MetricName, Dimensions: [{ Name: 'service', Value: 'jitsi-scale-to-zero' }] });
    expect(cw.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input)).toEqual([{
      StartTime: minutesBefore(5),
      EndTime: at,
      MetricDataQueries: [
        { Id: 'm', MetricStat: { Metric: metric('WakeRequests'), Period: 60, Stat: 'Sum' }, ReturnData: true },
        { Id: 'm1', MetricStat: { Metric: metric('PersonsSentIn'), Period: 60, Stat: 'Sum' }, ReturnData: true },
      ],
    }]);
  });

  it('no datapoint means no arrival (the metric exists only when counted)', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'm', StatusCode: 'Complete', Values: [], Timestamps: [] }, { Id: 'm1', StatusCode: 'Complete', Values: [] }] });
    expect(await new CloudWatchWakeLedger(client, 'JitsiScaleToZero', 'svc').arrivalsBetween(minutesBefore(5), at)).toEqual({ wakeRequests: 0, sentIn: 0 });
  });

  it('a failed query throws (the idle shutdown then refuses to stop)', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'm', StatusCode: 'InternalError', Values: [] }] });
    await expect(new CloudWatchWakeLedger(client, 'JitsiScaleToZero', 'svc').arrivalsBetween(minutesBefore(5), at)).rejects.toThrow(/InternalError/);
  });

  it('highest Participants since ready (Maximum, dimension Group); undefined without datapoints', async () => {
    cw.on(GetMetricDataCommand).resolvesOnce({ MetricDataResults: [{ Id: 'm', StatusCode: 'Complete', Values: [0, 4, 1] }] })
      .resolvesOnce({ MetricDataResults: [{ Id: 'm', StatusCode: 'Complete', Values: [] }] });
    const history = new CloudWatchParticipantHistory(client, 'JitsiScaleToZero', 'jitsi');
    expect(await history.maxParticipantsBetween(minutesBefore(90), at)).toBe(4);
    expect(await history.maxParticipantsBetween(minutesBefore(90), at)).toBeUndefined();
    expect(cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input.MetricDataQueries).toEqual([{
      Id: 'm',
      MetricStat: { Metric: { Namespace: 'JitsiScaleToZero', MetricName: 'Participants', Dimensions: [{ Name: 'Group', Value: 'jitsi' }] }, Period: 60, Stat: 'Maximum' },
      ReturnData: true,
    }]);
  });

  it('keeps long ranges under 1,440 datapoints', () => {
    expect(periodFor(minutesBefore(10), at)).toBe(60);
    expect(periodFor(minutesBefore(1440), at)).toBe(60);
    expect(periodFor(minutesBefore(3 * 1440), at)).toBe(180);
  });
});

describe('CloudWatchAlarmControl', () => {
  it('re-arms with SetAlarmState OK and the reason', async () => {
    cw.on(SetAlarmStateCommand).resolves({});
    await new CloudWatchAlarmControl(client).rearm('jitsi-empty-room', 're-armed by idle shutdown: meeting live');
    expect(cw.commandCalls(SetAlarmStateCommand)[0]!.args[0].input).toEqual({ AlarmName: 'jitsi-empty-room', StateValue: 'OK', StateReason: 're-armed by idle shutdown: meeting live' });
  });
});

describe('MetricActivitySource (an operator metric, e.g. from a sidecar)', () => {
  const metric = { namespace: 'Sidecar/Jitsi', name: 'JicofoParticipants', dimensions: { Cluster: 'jitsi', Service: 'web' }, stat: 'Maximum', maxAgeSeconds: 300 };
  const source = () => new MetricActivitySource(client, metric, new ManualClock(at.getTime()));

  it('reads the newest datapoint of the configured metric', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'activity', StatusCode: 'Complete', Values: [2, 0], Timestamps: [minutesBefore(1), minutesBefore(2)] }] });
    expect(await source().read([task])).toEqual({ kind: 'known', participants: 2, conferences: 1, recording: false });
    expect(cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input).toEqual({
      StartTime: minutesBefore(5),
      EndTime: at,
      ScanBy: 'TimestampDescending',
      MetricDataQueries: [{
        Id: 'activity',
        MetricStat: {
          Metric: { Namespace: 'Sidecar/Jitsi', MetricName: 'JicofoParticipants', Dimensions: [{ Name: 'Cluster', Value: 'jitsi' }, { Name: 'Service', Value: 'web' }] },
          Period: 60,
          Stat: 'Maximum',
        },
        ReturnData: true,
      }],
    });
  });

  it.each([
    ['no datapoint', { MetricDataResults: [{ Id: 'activity', Values: [] }] }, /no JicofoParticipants datapoint in the last 300 s/],
    ['a negative value', { MetricDataResults: [{ Id: 'activity', Values: [-1] }] }, /not a participant count/],
  ])('%s → unknown', async (_name, output, reason) => {
    cw.on(GetMetricDataCommand).resolves(output);
    expect(await source().read([task])).toEqual({ kind: 'unknown', reason: expect.stringMatching(reason) });
  });

  it('a CloudWatch error → unknown, not thrown', async () => {
    cw.on(GetMetricDataCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }));
    expect(await source().read([task])).toEqual({ kind: 'unknown', reason: expect.stringMatching(/AWS is throttling/) });
  });

  it('no running task → unknown without a call', async () => {
    expect((await source().read([])).kind).toBe('unknown');
    expect(cw.calls()).toHaveLength(0);
  });
});
