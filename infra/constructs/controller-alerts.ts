import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AlertsConfig } from '../config/alerts.js';

export interface ControllerAlertsProps {
  alerts: AlertsConfig;
  namespace: string;
  groupName: string;
  /** Name prefix of the alarms (stack and group). */
  prefix: string;
  /** Every controller function: its Errors metric; wake/prewarm/power-down logs feed two metric filters. */
  functions: Readonly<Record<string, { function: lambda.IFunction; logGroup: logs.ILogGroup }>>;
  deadLetterQueue: sqs.IQueue;
}

/**
 * Alerts that reach a person: one SNS topic with email subscriptions and five alarms on what should
 * never go unnoticed. All alarms fire once per incident (ALARM transition), never on missing data.
 */
export class ControllerAlerts extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: Record<'activityUnknown' | 'wakeFailed' | 'liveMeetingStopped' | 'deadLetters' | 'functionErrors', cloudwatch.Alarm>;

  constructor(scope: Construct, id: string, props: ControllerAlertsProps) {
    super(scope, id);
    const { alerts, namespace, groupName, prefix } = props;
    this.topic = new sns.Topic(this, 'Topic', { displayName: `Jitsi scale-to-zero (${groupName})`, enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key aws/sns, and a customer managed key '
        + 'costs $1 a month; the messages carry alarm names and states only.',
    });
    for (const email of alerts.emails) this.topic.addSubscription(new subscriptions.EmailSubscription(email));

    const fromLogs = (metricName: string, sources: string[], pattern: string) => {
      for (const name of sources) {
        const source = props.functions[name];
        if (!source) continue;
        new logs.MetricFilter(this, `${metricName}From${name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`, {
          logGroup: source.logGroup,
          filterPattern: logs.FilterPattern.literal(pattern),
          metricNamespace: namespace,
          metricName,
          metricValue: '1',
        });
      }
      return new cloudwatch.Metric({ namespace, metricName, statistic: cloudwatch.Stats.SUM, period: Duration.minutes(1) });
    };

    const alarm = (key: string, metric: cloudwatch.IMetric, description: string, periods = 1) => new cloudwatch.Alarm(this, key, {
      alarmName: `${prefix}-${key}`,
      alarmDescription: description,
      metric,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      threshold: 1,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const errors = Object.entries(props.functions).map(([name, f], i) => [`e${i}`, f.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM, label: name })] as const);
    this.alarms = {
      activityUnknown: alarm('activity-unknown', new cloudwatch.Metric({
        namespace, metricName: 'ActivityUnknown', dimensionsMap: { Group: groupName }, statistic: cloudwatch.Stats.MINIMUM, period: Duration.minutes(1),
      }), `Awake for ${alerts.activityUnknownMinutes} min with unreadable activity: no automatic stop can happen until it is readable (${groupName})`, alerts.activityUnknownMinutes),
      wakeFailed: alarm('wake-failed', fromLogs('WakeFailures', ['wake', 'prewarm'], '{ ($.message = "group phase changed") && ($.to = "error") }'),
        `A wake failed or ran past its timeout (${groupName}); see ctl status and ctl log`),
      liveMeetingStopped: alarm('live-meeting-stopped', fromLogs('LiveMeetingStops', ['power-down'], '{ ($.action = "stop") && ($.level = "WARN") }'),
        `The nightly power-down stopped a group that may have had a live meeting (defer deadline or policy force) (${groupName})`),
      deadLetters: alarm('scheduler-dead-letters', props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
        `A scheduled invocation (watcher, nightly power-down) failed after its retries and sits in the dead-letter queue (${groupName})`),
      functionErrors: alarm('function-errors', new cloudwatch.MathExpression({
        expression: errors.length > 0 ? `SUM([${errors.map(([k]) => k).join(',')}])` : '0',
        usingMetrics: Object.fromEntries(errors),
        period: Duration.minutes(5),
        label: 'controller function errors',
      }), `A controller function failed (${groupName}); ctl log shows its decisions, the function's log group the error`),
    };
    const notify = new actions.SnsAction(this.topic);
    for (const a of Object.values(this.alarms)) a.addAlarmAction(notify);
  }
}
