import { Match } from 'aws-cdk-lib/assertions';
import { loadConfig } from '../../infra/config.js';
import { parseAlerts } from '../../infra/config/alerts.js';
import { EXAMPLE, synthStack } from './infra-fixtures.js';

const ALERTS = { email: ['ops@example.org', 'oncall@example.org'], activityUnknownMinutes: 20 };

describe('alerts', () => {
  it('are off by default: no topic, no alarm beyond the two idle timers', () => {
    const { template } = synthStack();
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::Logs::MetricFilter', 0);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
  });

  it('send five alarms to one topic with an email subscription per address', () => {
    const { template } = synthStack({ alerts: ALERTS });
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.org' });
    const alarms = template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmActions: [{ Ref: Match.stringLikeRegexp('AlertsTopic') }] } });
    expect(Object.values(alarms).map((a) => (a as { Properties: { AlarmName: string } }).Properties.AlarmName).sort()).toEqual([
      'TestStack-jitsi-activity-unknown', 'TestStack-jitsi-function-errors', 'TestStack-jitsi-live-meeting-stopped',
      'TestStack-jitsi-scheduler-dead-letters', 'TestStack-jitsi-wake-failed',
    ]);
    template.hasOutput('AlertTopicArn', {});
  });

  it('alarm on unreadable activity only after the configured minutes, and never on missing data', () => {
    const { template } = synthStack({ alerts: ALERTS });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'TestStack-jitsi-activity-unknown', MetricName: 'ActivityUnknown', Namespace: 'JitsiScaleToZero',
      Dimensions: [{ Name: 'Group', Value: 'jitsi' }], Statistic: 'Minimum', Period: 60,
      EvaluationPeriods: 20, DatapointsToAlarm: 20, Threshold: 1, TreatMissingData: 'notBreaching',
    });
  });

  it('count failed wakes and live-meeting stops from the functions\' log lines', () => {
    const { template } = synthStack({ alerts: ALERTS });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ ($.message = "group phase changed") && ($.to = "error") }',
      MetricTransformations: [{ MetricName: 'WakeFailures', MetricNamespace: 'JitsiScaleToZero', MetricValue: '1' }],
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ ($.action = "stop") && ($.level = "WARN") }',
      MetricTransformations: [{ MetricName: 'LiveMeetingStops', MetricNamespace: 'JitsiScaleToZero', MetricValue: '1' }],
    });
    template.resourceCountIs('AWS::Logs::MetricFilter', 3);
  });

  it('watch the scheduler dead-letter queue and every function\'s errors', () => {
    const { template } = synthStack({ alerts: ALERTS });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'TestStack-jitsi-scheduler-dead-letters', MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'QueueName'] } }],
    });
    const errors = Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: 'TestStack-jitsi-function-errors' } }))[0] as
      { Properties: { Metrics: Array<{ Expression?: string; MetricStat?: { Metric: { MetricName: string } } }> } };
    expect(errors.Properties.Metrics.find((m) => m.Expression)?.Expression).toBe('SUM([e0,e1,e2,e3,e4,e5,e6])');
    expect(errors.Properties.Metrics.filter((m) => m.MetricStat?.Metric.MetricName === 'Errors')).toHaveLength(7);
  });

  it('reject a bad section with one message naming each problem, and accept STZ_ALERTS', () => {
    expect(() => loadConfig({ context: { ...EXAMPLE, alerts: { email: ['not-an-address'], activityUnknownMinutes: 0, sms: '+49' } } }))
      .toThrow(/unknown key "alerts.sms"[\s\S]*alerts.email has invalid addresses "not-an-address"[\s\S]*activityUnknownMinutes must be an integer from 2 to 1440/);
    expect(() => loadConfig({ context: { ...EXAMPLE, alerts: {} } })).toThrow(/alerts.email is required/);
    expect(loadConfig({ context: EXAMPLE, env: { STZ_ALERTS: '{"email":"ops@example.org"}' } }).alerts).toEqual({ emails: ['ops@example.org'], activityUnknownMinutes: 30 });
    expect(loadConfig({ context: EXAMPLE }).alerts).toBeUndefined();
    const problems: string[] = [];
    expect(parseAlerts('ops@example.org', 'test', problems)).toBeUndefined();
    expect(problems).toEqual(['alerts (from test) must be an object like {"email": ["ops@example.org"]}']);
  });
});
