import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchWakeHistory } from '../../shared/adapters/aws/cloudwatch-wake-history.js';
import { describeTaskMilestones } from '../../shared/adapters/aws/ecs-task-milestones.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';
import { learnedEstimate } from '../../shared/domain/wake-estimate.js';

const cw = mockClient(CloudWatchClient);
const ecs = mockClient(ECSClient);
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const from = new Date('2026-10-30T12:00:00Z');
const to = new Date('2026-11-29T12:00:00Z');
const t = (minutes: number) => new Date(from.getTime() + minutes * 60_000);

beforeEach(() => { cw.reset(); ecs.reset(); });
afterAll(() => { cw.restore(); ecs.restore(); });

describe('CloudWatchWakeHistory (learned estimate)', () => {
  const history = () => new CloudWatchWakeHistory(new CloudWatchClient({ region: 'eu-central-1', credentials }), 'JitsiScaleToZero', 'jitsi-scale-to-zero');

  it('asks for 5-minute average and sample count of WakeToReadySeconds, dimension service, over the range', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    await history().wakeSeconds(from, to);

    const metric = { Namespace: 'JitsiScaleToZero', MetricName: 'WakeToReadySeconds', Dimensions: [{ Name: 'service', Value: 'jitsi-scale-to-zero' }] };
    expect(cw.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input)).toEqual([{
      StartTime: from, EndTime: to, NextToken: undefined,
      MetricDataQueries: [
        { Id: 'avg', MetricStat: { Metric: metric, Period: 300, Stat: 'Average' }, ReturnData: true },
        { Id: 'n', MetricStat: { Metric: metric, Period: 300, Stat: 'SampleCount' }, ReturnData: true },
      ],
    }]);
  });

  it('pairs averages with counts by timestamp across pages, dropping unpaired buckets', async () => {
    cw.on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'avg', Timestamps: [t(0), t(60)], Values: [100, 90], StatusCode: 'PartialData' },
          { Id: 'n', Timestamps: [t(60), t(0)], Values: [2, 1], StatusCode: 'PartialData' },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({ MetricDataResults: [{ Id: 'avg', Timestamps: [t(900)], Values: [140], StatusCode: 'Complete' }, { Id: 'n', Timestamps: [], Values: [] }] });

    const samples = await history().wakeSeconds(from, to);

    expect(samples).toEqual([{ seconds: 100, count: 1 }, { seconds: 90, count: 2 }]);
    expect(cw.commandCalls(GetMetricDataCommand)[1]!.args[0].input.NextToken).toBe('page-2');
    expect(learnedEstimate(samples, 240)).toEqual({ seconds: 100, source: 'learned', samples: 3 });
  });

  it('fails on a forbidden query instead of pretending there were no wakes', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'avg', StatusCode: 'Forbidden' }] });

    await expect(history().wakeSeconds(from, to)).rejects.toThrow(/Forbidden/);
  });
});

describe('describeTaskMilestones (wake timeline, ECS half)', () => {
  const members = ['jitsi/web', 'jitsi/jvb'].map((m) => parseMemberRef(m) as MemberRef);

  it('lists starting and running tasks per service (all pages) and reads their pull and start times', async () => {
    ecs.on(ListTasksCommand, { serviceName: 'web' }).resolvesOnce({ taskArns: ['arn:web-1'], nextToken: 'n' }).resolvesOnce({ taskArns: ['arn:web-2'] });
    ecs.on(ListTasksCommand, { serviceName: 'jvb' }).resolves({ taskArns: ['arn:jvb-1'] });
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        { taskArn: 'arn:web-1', lastStatus: 'RUNNING', pullStartedAt: t(1), pullStoppedAt: t(2), startedAt: t(3) },
        { taskArn: 'arn:web-2', lastStatus: 'PENDING', pullStartedAt: t(1) },
        { taskArn: 'arn:jvb-1', lastStatus: 'PROVISIONING' },
      ],
    });

    const tasks = await describeTaskMilestones(new ECSClient({ region: 'eu-central-1', credentials }), members);

    expect(ecs.commandCalls(ListTasksCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'jitsi', serviceName: 'web', desiredStatus: 'RUNNING', nextToken: undefined },
      { cluster: 'jitsi', serviceName: 'jvb', desiredStatus: 'RUNNING', nextToken: undefined },
      { cluster: 'jitsi', serviceName: 'web', desiredStatus: 'RUNNING', nextToken: 'n' },
    ]);
    expect(ecs.commandCalls(DescribeTasksCommand).map((c) => c.args[0].input)).toEqual([{ cluster: 'jitsi', tasks: ['arn:web-1', 'arn:web-2', 'arn:jvb-1'] }]);
    expect(tasks).toEqual([
      { member: 'jitsi/web', pullStartedAt: t(1), pullStoppedAt: t(2), startedAt: t(3) },
      { member: 'jitsi/web', pullStartedAt: t(1), pullStoppedAt: undefined, startedAt: undefined },
      { member: 'jitsi/jvb', pullStartedAt: undefined, pullStoppedAt: undefined, startedAt: undefined },
    ]);
  });

  it('makes no DescribeTasks call when nothing is starting', async () => {
    ecs.on(ListTasksCommand).resolves({ taskArns: [] });

    expect(await describeTaskMilestones(new ECSClient({ region: 'eu-central-1', credentials }), members)).toEqual([]);
    expect(ecs.commandCalls(DescribeTasksCommand)).toHaveLength(0);
  });
});
