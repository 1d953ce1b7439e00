import { CloudWatchGroupMetrics } from '../../shared/adapters/aws/cloudwatch-group-metrics.js';
import { ProbeActivitySource } from '../../shared/adapters/aws/probe-activity-source.js';
import { FixedActivitySource, InMemoryMetricStore } from '../../shared/adapters/memory/activity-memory.js';
import { ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import type { Activity } from '../../shared/domain/activity.js';
import type { GroupTasks } from '../../shared/domain/activity-ports.js';
import { createWatchHandler } from '../../functions/watch/handler.js';
import { awsFake, MEMBERS, tally } from '../idle/aws-fakes.js';
import { awsContext, loadEvent, observed } from '../idle/support.js';

const idle: Activity = { kind: 'known', participants: 0, conferences: 0, recording: false };

function watcher(activity: Activity = idle, awake = true) {
  const clock = new ManualClock();
  const group = new SimulatedServiceGroup(MEMBERS, clock, { startDelayMs: 1000, stopDelayMs: 1000, healthChecks: true });
  if (awake) for (const m of MEMBERS) group.setDesired(m.id, 1);
  clock.advance(5000);
  const source = new FixedActivitySource(activity);
  const store = new InMemoryMetricStore();
  const o = observed();
  const handler = createWatchHandler({ group, source, publisher: store, clock, logger: o.logger, metrics: o.metrics });
  return { ...o, group, source, store, invoke: (event: unknown = loadEvent('watch-scheduled.json')) => handler(event, awsContext('watch')) };
}

describe('watcher', () => {
  it('asleep → no probe, no datapoint, one log line with the reason', async () => {
    const w = watcher(idle, false);
    expect(await w.invoke()).toEqual({ action: 'skipped', reason: expect.stringMatching(/^asleep/) });
    expect(w.source.reads).toEqual([]);
    expect(w.store.publishCalls).toBe(0);
    expect(w.lines.filter((l) => l.message === 'watch')).toEqual([expect.objectContaining({ action: 'skipped', reason: expect.stringMatching(/^asleep/), scheduledTime: '2026-11-26T12:00:00Z' })]);
  });

  it('awake → reads every running task and publishes Participants, Conferences, ActivityUnknown 0', async () => {
    const w = watcher({ kind: 'known', participants: 3, conferences: 1, recording: false });
    const outcome = await w.invoke();
    expect(w.source.reads).toEqual([[expect.objectContaining({ member: 'jitsi/web', privateIp: '10.0.0.10' }), expect.objectContaining({ member: 'jitsi/jvb', privateIp: '10.0.1.10' })]]);
    expect(w.store.datapoints.map((d) => [d.name, d.value])).toEqual([['Participants', 3], ['Conferences', 1], ['ActivityUnknown', 0], ['RunningTasks', 1], ['RunningTasks', 1]]);
    expect(outcome).toMatchObject({ action: 'published', reason: '3 participant(s) in 1 conference(s)', tasks: 2 });
    expect(w.lines.find((l) => l.message === 'watch')).toMatchObject({ action: 'published', reason: '3 participant(s) in 1 conference(s)', tasks: 2 });
  });

  it('unknown activity → ActivityUnknown 1 and NO Participants datapoint (missing never looks idle)', async () => {
    const w = watcher({ kind: 'unknown', reason: '/stats: timeout after 2000 ms' });
    await w.invoke();
    expect(w.store.datapoints.filter((d) => d.name !== 'RunningTasks').map((d) => [d.name, d.value])).toEqual([['ActivityUnknown', 1]]);
  });

  it('awake → RunningTasks per member (dimension Member) in the same publish, for the monthly report', async () => {
    const w = watcher();
    await w.invoke();
    expect(w.store.publishCalls).toBe(1);
    expect(w.store.datapoints.filter((d) => d.name === 'RunningTasks').map((d) => [d.member, d.value])).toEqual([['jitsi/web', 1], ['jitsi/jvb', 1]]);
  });

  it('a recording with nobody else counts as one participant', async () => {
    const w = watcher({ kind: 'known', participants: 0, conferences: 1, recording: true });
    await w.invoke();
    expect(w.store.datapoints.find((d) => d.name === 'Participants')?.value).toBe(1);
  });

  it('a failed ECS call → throws, logs, publishes nothing', async () => {
    const w = watcher();
    w.group.failNext('describe', Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(w.invoke()).rejects.toThrow(/describe service group failed: AWS is throttling/);
    expect(w.store.publishCalls).toBe(0);
    expect(w.lines.find((l) => l.level === 'ERROR')).toMatchObject({ message: 'watch failed: no datapoint published', action: 'error' });
  });

  it.each([['scheduler-payload.json'], ['power-down-nightly.json']])('another schedule\'s input (%s) is rejected and counted', async (file) => {
    const w = watcher();
    expect(await w.invoke(loadEvent(file))).toMatchObject({ action: 'rejected' });
    expect(w.source.reads).toEqual([]);
    expect(w.counts.RejectedEvents).toBe(1);
  });
});

describe('AWS calls per watcher run (ECS, Lambda probe, CloudWatch all stubbed)', () => {
  let fake: ReturnType<typeof awsFake>;
  afterEach(() => fake.restore());

  function awsWatcher() {
    const group: GroupTasks = fake.group();
    const o = observed();
    const handler = createWatchHandler({
      group,
      source: new ProbeActivitySource(fake.clients.lambda, 'jitsi-probe'),
      publisher: new CloudWatchGroupMetrics(fake.clients.cloudwatch, 'JitsiScaleToZero', 'jitsi'),
      clock: new ManualClock(),
      logger: o.logger,
      metrics: o.metrics,
    });
    return () => handler(loadEvent('watch-scheduled.json'), awsContext('watch'));
  }

  it('asleep: exactly one call (DescribeServices), no Invoke, no PutMetricData', async () => {
    fake = awsFake({ desired: 0, startedAt: new Date('2026-11-26T11:00:00Z') });
    const run = awsWatcher();
    await run();
    await run();
    expect(fake.log).toEqual(['DescribeServices', 'DescribeServices']);
  });

  it('awake: DescribeServices, ListTasks per member, DescribeTasks, one Invoke, one PutMetricData (task definitions only on a cold container)', async () => {
    fake = awsFake({ desired: 1, startedAt: new Date('2026-11-26T11:00:00Z'), participants: 2 });
    const run = awsWatcher();
    await run();
    const cold = tally(fake.log);
    fake.log.length = 0;
    await run();
    const warm = tally(fake.log);
    expect(cold).toEqual({ DescribeServices: 1, ListTasks: 2, DescribeTasks: 1, DescribeTaskDefinition: 2, Invoke: 1, PutMetricData: 1 });
    expect(warm).toEqual({ DescribeServices: 1, ListTasks: 2, DescribeTasks: 1, Invoke: 1, PutMetricData: 1 });
    expect(fake.log).toHaveLength(6);
    expect(fake.cloudwatch.calls()[1]!.args[0].input).toMatchObject({ MetricData: [expect.objectContaining({ MetricName: 'Participants', Value: 2 }), expect.anything(), expect.anything(), expect.objectContaining({ MetricName: 'RunningTasks' }), expect.objectContaining({ MetricName: 'RunningTasks' })] });
  });
});
