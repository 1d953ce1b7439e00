import { functionArn, logicalId, policyStatements, synthStack } from './infra-fixtures.js';

const SERVICES = [
  'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-web',
  'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-jvb',
];
const bySid = (statements: Record<string, unknown>[], sid: string) => statements.find((s) => s.Sid === sid);
const actionsOf = (statements: Record<string, unknown>[]) => statements.flatMap((s) => [s.Action].flat() as string[]).sort();
const arnJoin = (...parts: unknown[]) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ...parts]] });

describe('least-privilege IAM', () => {
  const { stack, template } = synthStack();
  const wake = policyStatements(template, stack, 'Wake');

  it('names the configured services for DescribeServices and UpdateService', () => {
    expect(bySid(wake, 'DescribeGroupServices')).toEqual({ Sid: 'DescribeGroupServices', Effect: 'Allow', Action: 'ecs:DescribeServices', Resource: SERVICES });
    expect(bySid(wake, 'UpdateGroupServices')).toEqual({ Sid: 'UpdateGroupServices', Effect: 'Allow', Action: 'ecs:UpdateService', Resource: SERVICES });
  });

  it('conditions ListTasks/DescribeTasks on the group cluster and explains the task-definition "*"', () => {
    expect(bySid(wake, 'ListGroupTasks')).toMatchObject({
      Action: ['ecs:ListTasks', 'ecs:DescribeTasks'],
      Resource: '*',
      Condition: { ArnEquals: { 'ecs:cluster': ['arn:aws:ecs:eu-central-1:123456789012:cluster/jitsi'] } },
    });
    expect(bySid(wake, 'DescribeTaskDefinitions')).toMatchObject({ Action: 'ecs:DescribeTaskDefinition', Resource: '*' });
  });

  it('limits RegisterScalableTarget to ECS desired counts by condition', () => {
    expect(bySid(wake, 'DescribeScalableTargets')).toMatchObject({ Action: 'application-autoscaling:DescribeScalableTargets', Resource: '*' });
    expect(bySid(wake, 'RegisterGroupScalableTargets')).toMatchObject({
      Action: 'application-autoscaling:RegisterScalableTarget',
      Resource: arnJoin(':application-autoscaling:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':scalable-target/*'),
      Condition: { StringEquals: { 'application-autoscaling:service-namespace': 'ecs', 'application-autoscaling:scalable-dimension': 'ecs:service:DesiredCount' } },
    });
  });

  it('lets only the watcher publish metrics, and only in the controller namespace', () => {
    expect(bySid(policyStatements(template, stack, 'Watch'), 'PutControllerMetrics')).toMatchObject({
      Action: 'cloudwatch:PutMetricData', Resource: '*', Condition: { StringEquals: { 'cloudwatch:namespace': 'JitsiScaleToZero' } },
    });
    for (const id of ['Wake', 'IdleShutdown', 'PowerDown', 'Prewarm', 'Probe']) {
      expect(actionsOf(policyStatements(template, stack, id))).not.toContain('cloudwatch:PutMetricData');
    }
  });

  it('keeps the watcher read-only towards the group', () => {
    const actions = actionsOf(policyStatements(template, stack, 'Watch'));

    expect(actions).not.toContain('ecs:UpdateService');
    expect(actions).not.toContain('application-autoscaling:RegisterScalableTarget');
  });

  it('allows invoking the probe, and nothing else, for the activity readers and the wake function (readiness: a bridge)', () => {
    for (const id of ['Watch', 'IdleShutdown', 'PowerDown', 'Wake']) {
      expect(bySid(policyStatements(template, stack, id), 'InvokeStatsProbe')).toEqual({
        Sid: 'InvokeStatsProbe', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: functionArn(stack, 'Probe'),
      });
    }
    const wakeInvokes = policyStatements(template, stack, 'Wake').filter((st) => JSON.stringify(st.Action).includes('lambda:InvokeFunction'));
    expect(wakeInvokes).toHaveLength(1);
    expect(actionsOf(policyStatements(template, stack, 'Prewarm'))).not.toContain('lambda:InvokeFunction');
  });

  it('scopes one-time schedules to the controller group and PassRole to the scheduler role', () => {
    const powerDown = policyStatements(template, stack, 'PowerDown');

    expect(bySid(powerDown, 'ManageOneTimeSchedules')).toMatchObject({
      Action: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
      Resource: arnJoin(':scheduler:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, expect.stringMatching(/^:schedule\/TestStack-Controller-Schedules-OneTimeGroup-[A-Z0-9]+\/\*$/)),
    });
    expect(bySid(powerDown, 'ListSchedules')).toMatchObject({ Action: 'scheduler:ListSchedules', Resource: '*' });
    // The adapter never reads one schedule back (CreateSchedule's ConflictException says it exists).
    for (const id of ['PowerDown', 'Wake']) expect(actionsOf(policyStatements(template, stack, id))).not.toContain('scheduler:GetSchedule');
    // The stop grace reads the wake ledger (WakeRequests, PersonsSentIn).
    expect(bySid(powerDown, 'ReadActivityMetric')).toMatchObject({ Action: 'cloudwatch:GetMetricData', Resource: '*' });
    expect(bySid(powerDown, 'PassSchedulerRole')).toEqual({
      Sid: 'PassSchedulerRole', Effect: 'Allow', Action: 'iam:PassRole',
      Resource: { 'Fn::GetAtt': [logicalId(stack, 'Schedules/OneTimeRole'), 'Arn'] },
      Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    });
    expect(bySid(policyStatements(template, stack, 'PrewarmApi'), 'PassSchedulerRole')).toBeDefined();
    expect(actionsOf(wake).filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')).toEqual([]);
    expect(bySid(policyStatements(template, stack, 'Watch'), 'PassSchedulerRole')).toBeUndefined();
  });

  it('reads the pre-warm token parameter and decrypts it only through SSM', () => {
    const parameter = arnJoin(':ssm:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':parameter/jitsi/prewarm-token');

    const prewarmApi = policyStatements(template, stack, 'PrewarmApi');

    expect(bySid(prewarmApi, 'ReadPrewarmTokenParameter')).toMatchObject({ Action: 'ssm:GetParameter', Resource: parameter });
    expect(bySid(prewarmApi, 'DecryptPrewarmTokenViaSsm')).toMatchObject({
      Action: 'kms:Decrypt',
      Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['ssm.', { Ref: 'AWS::Region' }, '.amazonaws.com']] }, 'kms:EncryptionContext:PARAMETER_ARN': parameter } },
    });
    // The pre-warm function never reads the token; its only parameter read is the hold (test/infra/hold.test.ts).
    const prewarmReads = policyStatements(template, stack, 'Prewarm').filter((s) => [s.Action].flat().includes('ssm:GetParameter'));
    expect(prewarmReads.map((s) => s.Sid)).toEqual(['ReadHoldParameter']);
    expect(actionsOf(policyStatements(template, stack, 'Prewarm'))).not.toContain('kms:Decrypt');
    // The wake function reads the operator's hold, never the token (the pre-warm API is its own function).
    expect(wake.filter((s) => [s.Action].flat().includes('ssm:GetParameter')).map((s) => s.Sid)).toEqual(['ReadHoldParameter']);
  });

  it('lets the wake function read metric history for its learned estimate (besides resetting the idle alarms)', () => {
    expect(bySid(wake, 'ReadActivityMetric')).toMatchObject({ Action: 'cloudwatch:GetMetricData', Resource: '*' });
    expect(actionsOf(wake).filter((a) => a.startsWith('cloudwatch:'))).toEqual(['cloudwatch:GetMetricData', 'cloudwatch:SetAlarmState']);
  });

  it('lets the idle shutdown re-arm its own two alarms only', () => {
    const idle = policyStatements(template, stack, 'IdleShutdown');
    const alarm = (name: string) => arnJoin(':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:alarm:${name}`);

    expect(bySid(idle, 'RearmIdleAlarms')).toMatchObject({ Action: 'cloudwatch:SetAlarmState', Resource: [alarm('TestStack-jitsi-no-join'), alarm('TestStack-jitsi-empty')] });
    expect(bySid(idle, 'ReadActivityMetric')).toMatchObject({ Action: 'cloudwatch:GetMetricData', Resource: '*' });
  });

  it('gives the probe nothing but its log group and its VPC network interfaces', () => {
    const actions = actionsOf(policyStatements(template, stack, 'Probe'));

    expect(actions.filter((a) => !a.startsWith('ec2:') && !a.startsWith('logs:'))).toEqual([]);
  });

  it('lets one-time schedules invoke only power-down and pre-warm, for this account and group', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': { 'Fn::GetAtt': [logicalId(stack, 'Schedules/OneTimeGroup'), 'Arn'] } } },
        }],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stack, 'Schedules/OneTimeRole') }],
      PolicyDocument: {
        Statement: [
          { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: functionArn(stack, 'PowerDown') },
          { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: functionArn(stack, 'Prewarm') },
        ],
      },
    });
  });

  it('builds ARNs in the stack environment for cluster/service members, one cluster condition per cluster', () => {
    const named = synthStack({ serviceGroup: ['jitsi/web', 'jitsi/jvb', 'media/coturn'] });
    const statements = policyStatements(named.template, named.stack, 'Wake');
    const ecsArn = (resource: string) => arnJoin(':ecs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${resource}`);

    expect(bySid(statements, 'UpdateGroupServices')!.Resource).toEqual([ecsArn('service/jitsi/web'), ecsArn('service/jitsi/jvb'), ecsArn('service/media/coturn')]);
    expect(bySid(statements, 'ListGroupTasks')!.Condition).toEqual({ ArnEquals: { 'ecs:cluster': [ecsArn('cluster/jitsi'), ecsArn('cluster/media')] } });
  });

  it('swaps the probe for GetMetricData when activity comes from an existing metric', () => {
    const metric = synthStack({ activitySource: 'metric', activityMetricNamespace: 'Jitsi', activityMetricName: 'participants' });
    const watch = policyStatements(metric.template, metric.stack, 'Watch');

    metric.template.resourceCountIs('AWS::Lambda::Function', 6);
    metric.template.resourceCountIs('AWS::EC2::SecurityGroup', 0);
    expect(bySid(watch, 'ReadActivityMetric')).toMatchObject({ Action: 'cloudwatch:GetMetricData', Resource: '*' });
    expect(actionsOf(watch)).not.toContain('lambda:InvokeFunction');
  });
});
