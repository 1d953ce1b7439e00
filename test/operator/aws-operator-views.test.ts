import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchDecisionLog } from '../../shared/adapters/aws/cloudwatch-decision-log.js';
import { CloudWatchIdleAlarms } from '../../shared/adapters/aws/cloudwatch-idle-alarms.js';
import { describeStack, StackNotFoundError } from '../../shared/adapters/aws/stack-outputs.js';
import { DECISION_FILTER_PATTERN } from '../../shared/domain/decisions.js';
import { main, runtimeFor } from '../../local/ctl.js';
import { envFromStack, stackDeployment } from '../../local/ctl-stack.js';

const OUTPUTS = [
  { OutputKey: 'CtlEnvServiceGroup', OutputValue: 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi' },
  { OutputKey: 'CtlEnvMeetingBaseUrl', OutputValue: 'https://meet.example.org' },
  { OutputKey: 'CtlEnvProbeFunctionName', OutputValue: 'Stz-Probe-abc' },
  { OutputKey: 'CtlEnvTimeZone', OutputValue: 'Europe/Berlin' },
  { OutputKey: 'CtlEnvNoJoinAlarmName', OutputValue: 'Stz-jitsi-no-join' },
  { OutputKey: 'CtlEnvEmptyAlarmName', OutputValue: 'Stz-jitsi-empty' },
  { OutputKey: 'CtlEnvPowerDownTime', OutputValue: '02:00' },
  { OutputKey: 'CtlEnvScheduleGroupName', OutputValue: 'Stz-OneTime' },
  { OutputKey: 'CtlEnvLogGroups', OutputValue: 'wake=/aws/lambda/wake-logs,idle-shutdown=/aws/lambda/idle-logs' },
  { OutputKey: 'OperatorPolicyArn', OutputValue: 'arn:aws:iam::123456789012:policy/ops' },
];

describe('stack discovery (CloudFormation DescribeStacks)', () => {
  const cfn = mockClient(CloudFormationClient);
  afterEach(() => cfn.reset());

  it('turns CtlEnv outputs into the CLI\'s variables; the operator\'s own variables win', async () => {
    cfn.on(DescribeStacksCommand, { StackName: 'Stz' }).resolves({ Stacks: [{ StackName: 'Stz', StackStatus: 'UPDATE_IN_PROGRESS', CreationTime: new Date(), Outputs: OUTPUTS }] });
    const stack = await describeStack(new CloudFormationClient({ region: 'eu-central-1' }), 'Stz');
    expect(cfn.commandCalls(DescribeStacksCommand).map((c) => c.args[0].input)).toEqual([{ StackName: 'Stz' }]);
    const env = envFromStack(stack, { TIME_ZONE: 'UTC', SERVICE_GROUP: '' });
    expect(env).toMatchObject({
      CONTROLLER_BACKEND: 'aws', SERVICE_GROUP: 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi', PROBE_FUNCTION_NAME: 'Stz-Probe-abc',
      TIME_ZONE: 'UTC', LOG_GROUPS: 'wake=/aws/lambda/wake-logs,idle-shutdown=/aws/lambda/idle-logs',
    });
    expect(env).not.toHaveProperty('OPERATOR_POLICY_ARN');
    expect(stackDeployment(stack)).toBe('stack Stz is UPDATE_IN_PROGRESS');
  });

  it('builds a runtime with every view from the outputs alone', async () => {
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'Stz', StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(), Outputs: OUTPUTS }] });
    const rt = await runtimeFor({ AWS_REGION: 'eu-central-1' }, { kind: 'stack', name: 'Stz' });
    expect(rt.origin).toBe('stack Stz');
    expect(rt.timeZone()).toBe('Europe/Berlin');
    expect([Boolean(rt.decisions), Boolean(rt.idleAlarms), Boolean(rt.pending), Boolean(rt.nextNightly)]).toEqual([true, true, true, true]);
    expect(await rt.deployment?.()).toBeUndefined();
  });

  it('lists pending re-checks and pre-warms in the stack\'s one-time group, one prefix each (NamePrefix may not be empty)', async () => {
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'Stz', StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(), Outputs: OUTPUTS }] });
    const scheduler = mockClient(SchedulerClient);
    scheduler.on(ListSchedulesCommand, { NamePrefix: 'prewarm-' }).resolves({ Schedules: [{ Name: 'prewarm-20261127T080000Z', State: 'ENABLED' }] });
    scheduler.on(ListSchedulesCommand, { NamePrefix: 'power-down-recheck-' }).resolves({ Schedules: [] });
    try {
      const rt = await runtimeFor({ AWS_REGION: 'eu-central-1' }, { kind: 'stack', name: 'Stz' });
      expect((await rt.pending!()).map((e) => e.name)).toEqual(['prewarm-20261127T080000Z']);
      expect(scheduler.commandCalls(ListSchedulesCommand).map((c) => c.args[0].input).sort((a, b) => String(a.NamePrefix).localeCompare(String(b.NamePrefix)))).toEqual([
        { GroupName: 'Stz-OneTime', NamePrefix: 'power-down-recheck-', NextToken: undefined },
        { GroupName: 'Stz-OneTime', NamePrefix: 'prewarm-', NextToken: undefined },
      ]);
    } finally {
      scheduler.restore();
    }
  });

  it('a missing stack is a usage error (exit 2) that names the stack', async () => {
    cfn.on(DescribeStacksCommand).rejects(Object.assign(new Error('Stack with id Nope does not exist'), { name: 'ValidationError' }));
    const err: string[] = [];
    const code = await main(['--stack', 'Nope', 'status'], { env: { AWS_REGION: 'eu-central-1' }, out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/^stack "Nope" not found/);
    await expect(describeStack(new CloudFormationClient({ region: 'eu-central-1' }), 'Nope')).rejects.toBeInstanceOf(StackNotFoundError);
  });
});

describe('decision log (CloudWatch Logs FilterLogEvents)', () => {
  const logs = mockClient(CloudWatchLogsClient);
  afterEach(() => logs.reset());

  it('queries each log group with the decision filter, follows pages and merges by time', async () => {
    const line = (o: Record<string, unknown>) => JSON.stringify({ level: 'INFO', service: 'jitsi-scale-to-zero', ...o });
    logs.on(FilterLogEventsCommand, { logGroupName: '/aws/lambda/wake-logs' }).resolvesOnce({
      events: [{ timestamp: 1, message: line({ message: 'woke service group', action: 'wake', reason: 'wake request', timestamp: '2026-11-26T10:00:00.000Z', function_name: 'Stz-ControllerWakeFunction-x' }) }],
      nextToken: 'page2',
    }).resolvesOnce({
      events: [{ timestamp: 2, message: line({ message: 'wake request', action: 'none', timestamp: '2026-11-26T10:01:00.000Z' }) }],
    });
    logs.on(FilterLogEventsCommand, { logGroupName: '/aws/lambda/idle-logs' }).resolves({
      events: [
        { timestamp: 3, message: line({ message: 'idle decision: skip', action: 'skip', reason: 'meeting live: 2 participant(s)', timestamp: '2026-11-26T09:30:00.000Z' }) },
        { timestamp: 4, message: 'START RequestId: 1 Version: $LATEST' },
      ],
    });
    const log = new CloudWatchDecisionLog(new CloudWatchLogsClient({ region: 'eu-central-1' }), { wake: '/aws/lambda/wake-logs', 'idle-shutdown': '/aws/lambda/idle-logs' });
    const from = new Date('2026-11-26T00:00:00Z');
    const decisions = await log.since(from);
    expect(decisions).toEqual([
      { at: new Date('2026-11-26T09:30:00.000Z'), source: 'idle-shutdown', action: 'skip', reason: 'idle decision: skip: meeting live: 2 participant(s)', level: 'INFO' },
      { at: new Date('2026-11-26T10:00:00.000Z'), source: 'wake', action: 'wake', reason: 'woke service group: wake request', level: 'INFO' },
    ]);
    const inputs = logs.commandCalls(FilterLogEventsCommand).map((c) => c.args[0].input);
    expect(inputs).toContainEqual({ logGroupName: '/aws/lambda/wake-logs', startTime: from.getTime(), filterPattern: DECISION_FILTER_PATTERN, nextToken: 'page2' });
    expect(inputs).toHaveLength(3);
    expect(DECISION_FILTER_PATTERN).toMatch(/^\{ \(\$\.action = "wake"\) \|\| \(\$\.action = "sleep"\) \|\| .*\(\$\.action = "error"\) \}$/);
  });
});

describe('idle alarms (CloudWatch DescribeAlarms + Participants history)', () => {
  const cw = mockClient(CloudWatchClient);
  afterEach(() => cw.reset());

  it('reads both alarms and counts the empty minutes that end now; a gap ends the run', async () => {
    const now = new Date('2026-11-26T12:00:30Z');
    cw.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        { AlarmName: 'Stz-jitsi-no-join', StateValue: 'OK', EvaluationPeriods: 10, Period: 60, StateUpdatedTimestamp: new Date('2026-11-26T11:50:00Z') },
        { AlarmName: 'Stz-jitsi-empty', StateValue: 'OK', EvaluationPeriods: 15 },
      ],
    });
    const minute = (m: number) => new Date(Date.UTC(2026, 10, 26, 11, m));
    cw.on(GetMetricDataCommand).resolves({
      MetricDataResults: [{ Id: 'participants', Timestamps: [minute(59), minute(58), minute(57), minute(55)], Values: [0, 0, 0, 0], StatusCode: 'Complete' }],
    });
    const view = new CloudWatchIdleAlarms(new CloudWatchClient({ region: 'eu-central-1' }), { noJoin: 'Stz-jitsi-no-join', empty: 'Stz-jitsi-empty' }, { namespace: 'JitsiScaleToZero', group: 'jitsi' }, { now: () => now });
    const readings = await view.read();
    expect(readings).toEqual([
      { timer: 'no-join', name: 'Stz-jitsi-no-join', state: 'OK', since: new Date('2026-11-26T11:50:00Z'), periods: 10, periodSeconds: 60, breachingNow: 3 },
      { timer: 'empty', name: 'Stz-jitsi-empty', state: 'OK', periods: 15, periodSeconds: 60, breachingNow: 3 },
    ]);
    expect(cw.commandCalls(DescribeAlarmsCommand)[0]!.args[0].input).toEqual({ AlarmNames: ['Stz-jitsi-no-join', 'Stz-jitsi-empty'] });
    expect(cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input).toMatchObject({
      StartTime: new Date('2026-11-26T11:45:00Z'), EndTime: new Date('2026-11-26T12:00:00Z'), ScanBy: 'TimestampDescending',
      MetricDataQueries: [{ MetricStat: { Metric: { Namespace: 'JitsiScaleToZero', MetricName: 'Participants', Dimensions: [{ Name: 'Group', Value: 'jitsi' }] }, Period: 60, Stat: 'Maximum' } }],
    });
  });
});
