import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchUsageHistory, periodForAge } from '../../shared/adapters/aws/cloudwatch-usage.js';
import { EcsTaskSizes } from '../../shared/adapters/aws/ecs-task-sizes.js';
import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { monthReport } from '../../shared/domain/report-service.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';
import { monthWindow } from '../../shared/domain/zoned-month.js';
import { controllerEvents, logger, metrics } from '../../shared/observability.js';
import { captureOutput } from '../scheduling/support.js';

const creds = { region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const WEB = parseMemberRef('arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-web') as MemberRef;
const JVB = parseMemberRef('jitsi/jitsi-jvb') as MemberRef;

describe('CloudWatchUsageHistory (GetMetricData, exact queries)', () => {
  const client = new CloudWatchClient(creds);
  const cw = mockClient(client);
  beforeEach(() => cw.reset());

  it('one paged GetMetricData: RunningTasks per member, Wakes, StopsByReason per reason, WakeToReadySeconds', async () => {
    const clock = new ManualClock(Date.parse('2026-11-29T12:00:00Z'));
    const t = (iso: string) => new Date(iso);
    cw.on(GetMetricDataCommand)
      .resolvesOnce({ NextToken: 'page2', MetricDataResults: [{ Id: 'tasks0', StatusCode: 'PartialData', Timestamps: [t('2026-11-02T08:00:00Z')], Values: [5] }] })
      .resolvesOnce({ MetricDataResults: [
        { Id: 'tasks0', StatusCode: 'Complete', Timestamps: [t('2026-11-02T08:05:00Z')], Values: [5] },
        { Id: 'wakes', StatusCode: 'Complete', Timestamps: [t('2026-11-02T08:00:00Z')], Values: [1] },
        { Id: 'stops1', StatusCode: 'Complete', Timestamps: [t('2026-11-02T09:00:00Z')], Values: [1] },
        { Id: 'ready', StatusCode: 'Complete', Timestamps: [t('2026-11-02T08:00:00Z')], Values: [63] },
      ] });
    const history = new CloudWatchUsageHistory(client, { namespace: 'JitsiScaleToZero', groupName: 'jitsi', serviceName: 'jitsi-scale-to-zero' }, [WEB, JVB], clock);
    const from = t('2026-10-31T23:00:00Z');
    const to = t('2026-11-29T12:00:00Z');

    const read = await history.read(from, to);

    expect(read).toEqual({
      taskMinutes: [{ member: WEB.id, at: t('2026-11-02T08:00:00Z'), minutes: 5 }, { member: WEB.id, at: t('2026-11-02T08:05:00Z'), minutes: 5 }],
      wakes: [{ at: t('2026-11-02T08:00:00Z'), count: 1 }],
      stops: [{ at: t('2026-11-02T09:00:00Z'), reason: 'last-left', count: 1 }],
      wakeToReadySeconds: [{ at: t('2026-11-02T08:00:00Z'), seconds: 63 }],
    });
    const calls = cw.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.NextToken)).toEqual([undefined, 'page2']);
    const q = calls[0]!;
    expect(q).toMatchObject({ StartTime: from, EndTime: to, ScanBy: 'TimestampAscending' });
    expect(q.MetricDataQueries!.map((m) => [m.Id, m.MetricStat!.Metric!.MetricName, m.MetricStat!.Stat, m.MetricStat!.Period])).toEqual([
      ['tasks0', 'RunningTasks', 'Sum', 300], ['tasks1', 'RunningTasks', 'Sum', 300], ['wakes', 'Wakes', 'Sum', 300],
      ...['nobody-joined', 'last-left', 'nightly', 'manual', 'forced', 'other'].map((_, i) => [`stops${i}`, 'StopsByReason', 'Sum', 300]),
      ['ready', 'WakeToReadySeconds', 'Maximum', 300],
    ]);
    expect(q.MetricDataQueries![0]!.MetricStat!.Metric).toEqual({ Namespace: 'JitsiScaleToZero', MetricName: 'RunningTasks', Dimensions: [{ Name: 'Group', Value: 'jitsi' }, { Name: 'Member', Value: 'jitsi/jitsi-web' }] });
    expect(q.MetricDataQueries![4]!.MetricStat!.Metric!.Dimensions).toEqual([{ Name: 'service', Value: 'jitsi-scale-to-zero' }, { Name: 'Reason', Value: 'last-left' }]);
  });

  it('a Forbidden result fails the read instead of reporting an empty month', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'wakes', StatusCode: 'Forbidden' }] });
    const history = new CloudWatchUsageHistory(client, { namespace: 'N', groupName: 'g', serviceName: 's' }, [WEB], new ManualClock());
    await expect(history.read(new Date(0), new Date(1))).rejects.toThrow('GetMetricData wakes: Forbidden');
  });

  it('the period follows CloudWatch retention', () => {
    expect([periodForAge(14 * 86_400_000), periodForAge(20 * 86_400_000), periodForAge(90 * 86_400_000)]).toEqual([60, 300, 3600]);
  });
});

describe('EcsTaskSizes (exact calls)', () => {
  const client = new ECSClient(creds);
  const ecs = mockClient(client);
  beforeEach(() => ecs.reset());

  it('reads the service\'s current task definition: cpu, memory and architecture', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [{ taskDefinition: 'arn:aws:ecs:eu-central-1:123456789012:task-definition/jitsi:7' }] });
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { cpu: '4096', memory: '8192', runtimePlatform: { cpuArchitecture: 'ARM64' } } });
    expect(await new EcsTaskSizes(client).sizeOf(WEB)).toEqual({ cpuUnits: 4096, memoryMiB: 8192, architecture: 'ARM64' });
    expect(ecs.commandCalls(DescribeServicesCommand)[0]!.args[0].input).toEqual({ cluster: 'jitsi', services: [WEB.service] });
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)[0]!.args[0].input).toEqual({ taskDefinition: 'arn:aws:ecs:eu-central-1:123456789012:task-definition/jitsi:7' });
  });

  it('no runtimePlatform means x86; a definition without task-level sizes is an error', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [{ taskDefinition: 'td:1' }] });
    ecs.on(DescribeTaskDefinitionCommand).resolvesOnce({ taskDefinition: { cpu: '1024', memory: '2048' } }).resolvesOnce({ taskDefinition: {} });
    expect(await new EcsTaskSizes(client).sizeOf(JVB)).toEqual({ cpuUnits: 1024, memoryMiB: 2048, architecture: 'X86_64' });
    await expect(new EcsTaskSizes(client).sizeOf(JVB)).rejects.toThrow('jitsi/jitsi-jvb: task definition td:1 has no task-level cpu and memory');
  });

  it('the report prices a member in the region of its ARN and notes an unreadable size instead of failing', async () => {
    ecs.on(DescribeServicesCommand, { services: [WEB.service] }).resolves({ services: [{ taskDefinition: 'td:1' }] });
    ecs.on(DescribeServicesCommand, { services: [JVB.service] }).rejects(new Error('AccessDeniedException'));
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { cpu: '4096', memory: '8192' } });
    const report = await monthReport(monthWindow(2026, 11, 'UTC'), new Date('2026-12-01T00:00:00Z'), {
      members: [WEB, JVB], sizes: new EcsTaskSizes(client), prices: { region: 'us-east-1' }, dashboard: false,
      history: { read: async () => ({ taskMinutes: [], wakes: [], stops: [], wakeToReadySeconds: [] }) },
    });
    if ('error' in report) throw new Error(report.error);
    expect(report.members[0]).toMatchObject({ hourly: 0.22712 });
    expect(report.members[1]).toEqual({ id: 'jitsi/jitsi-jvb', taskHours: 0, size: undefined, note: 'task size unknown: AccessDeniedException' });
  });
});

describe('stops by reason metric', () => {
  it('each stop adds Stops and one StopsByReason with its Reason dimension', () => {
    const output = captureOutput();
    try {
      controllerEvents(logger, metrics).scaledDown?.(['jitsi/web'], 'nightly power-down: nobody meeting');
      metrics.publishStoredMetrics();
      const emf = output.json().filter((l) => '_aws' in l);
      expect(emf.find((l) => 'StopsByReason' in l)).toMatchObject({ StopsByReason: 1, Reason: 'nightly' });
      expect(output.metric('Stops')).toBe(1);
      expect(output.logs('stopped service group')[0]).toMatchObject({ stopReason: 'nightly' });
    } finally {
      output.restore();
    }
  });
});
