import { Match } from 'aws-cdk-lib/assertions';
import { functionArn, logicalId, synthStack } from './infra-fixtures.js';

describe('idle alarms and dashboard', () => {
  const { stack, template } = synthStack();
  const idleShutdown = functionArn(stack, 'IdleShutdown');
  const alarm = (name: string, minutes: number) => ({
    AlarmName: name,
    Namespace: 'JitsiScaleToZero',
    MetricName: 'Participants',
    Dimensions: [{ Name: 'Group', Value: 'jitsi' }],
    Statistic: 'Maximum',
    Period: 60,
    ComparisonOperator: 'LessThanThreshold',
    Threshold: 1,
    EvaluationPeriods: minutes,
    DatapointsToAlarm: minutes,
    // Missing data (asleep, or activity unknown) must never look idle.
    TreatMissingData: 'notBreaching',
    AlarmActions: [idleShutdown],
  });

  it('has the two idle timers with N-of-N one-minute datapoints and a Lambda action', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', alarm('TestStack-jitsi-no-join', 10));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', alarm('TestStack-jitsi-empty', 15));
  });

  it('allows CloudWatch alarms to invoke the idle shutdown, scoped to each alarm', () => {
    for (const id of ['IdleAlarms/NoJoin', 'IdleAlarms/Empty']) {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: idleShutdown,
        Principal: 'lambda.alarms.cloudwatch.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [logicalId(stack, id), 'Arn'] },
      });
    }
  });

  it('after the last asynchronous retry, a failed idle shutdown lands in an encrypted SQS on-failure destination', () => {
    const queue = logicalId(stack, 'IdleFailures/Queue');
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(stack, 'IdleShutdown/Function') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    });
  });

  it('wake, power-down, pre-warm and the pre-warm API (it wakes within the lead time) know both alarm names and may reset them (and nothing else)', () => {
    const fns = template.findResources('AWS::Lambda::Function');
    for (const name of ['Wake', 'PowerDown', 'Prewarm', 'PrewarmApi', 'IdleShutdown']) {
      const env = (fns[logicalId(stack, `${name}/Function`)]!.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables;
      expect([env.NO_JOIN_ALARM_NAME, env.EMPTY_ALARM_NAME]).toEqual(['TestStack-jitsi-no-join', 'TestStack-jitsi-empty']);
    }
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p).includes('cloudwatch:SetAlarmState'));
    expect(policies).toHaveLength(5);
  });

  it('uses the configured timer lengths', () => {
    const custom = synthStack({ noJoinMinutes: 5, emptyMinutes: 30, groupName: 'team' });

    custom.template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'TestStack-team-no-join', EvaluationPeriods: 5, DatapointsToAlarm: 5, Dimensions: [{ Name: 'Group', Value: 'team' }] });
    custom.template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'TestStack-team-empty', EvaluationPeriods: 30, DatapointsToAlarm: 30 });
  });

  it('shows tasks, participants, wakes, stops and wake-to-ready time on one dashboard', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'TestStack-jitsi' });
    const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]!.Properties.DashboardBody);

    for (const needle of ['DesiredTaskCount', 'RunningTaskCount', 'jitsi-web', 'jitsi-jvb', 'Participants', 'Wakes', 'Stops', 'WakeToReadySeconds']) {
      expect(body).toContain(needle);
    }
  });

  it('graphs where wake time goes: WakePhaseSeconds per Phase, stacked', () => {
    const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]!.Properties.DashboardBody);

    expect(body).toMatch(/SEARCH\('\{JitsiScaleToZero,Phase,service\} MetricName=\\+"WakePhaseSeconds\\+" service=\\+"jitsi-scale-to-zero\\+"', 'Average', 3600\)/);
    expect(body).toContain('\\"stacked\\":true');
  });

  it('can leave the dashboard out (it costs $3/month beyond three free ones)', () => {
    synthStack({ dashboardEnabled: false }).template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });

  it('deploys alarms without an action when the idle shutdown is not deployed', () => {
    const partial = synthStack({}, { functions: ['wake', 'watch', 'probe'] });

    partial.template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    partial.template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'TestStack-jitsi-no-join', AlarmActions: Match.absent() });
  });
});
