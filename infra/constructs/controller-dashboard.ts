import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { MemberArns } from './service-group-refs.js';
import { usageWidgets } from './usage-widgets.js';

export interface ControllerDashboardProps {
  dashboardName: string;
  members: readonly MemberArns[];
  namespace: string;
  groupName: string;
  /** `service` dimension of the Powertools (EMF) metrics: every function shares one service name. */
  powertoolsServiceName: string;
  participants: cloudwatch.IMetric;
  alarms: cloudwatch.IAlarm[];
  functions: Record<string, lambda.IFunction>;
  deadLetterQueue: sqs.IQueue;
  /** The service group as the functions name its members (RunningTasks' Member dimension). */
  memberIds?: readonly string[];
  hourlyTaskCost?: number;
}

/** One page: is the group up, is anyone there, what did the controller do, and is it healthy itself. */
export class ControllerDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ControllerDashboardProps) {
    super(scope, id);
    const period = Duration.minutes(1);
    // Task counts come from Container Insights (enable it on the cluster; docs/deploy.md).
    const tasks = (metricName: string) => props.members.map((m) => new cloudwatch.Metric({
      namespace: 'ECS/ContainerInsights',
      metricName,
      dimensionsMap: { ClusterName: m.clusterName, ServiceName: m.serviceName },
      statistic: cloudwatch.Stats.MAXIMUM,
      period,
      label: `${m.serviceName} ${metricName === 'DesiredTaskCount' ? 'desired' : 'running'}`,
    }));
    const controller = (metricName: string, statistic: string, label?: string) => new cloudwatch.Metric({
      namespace: props.namespace,
      metricName,
      dimensionsMap: { service: props.powertoolsServiceName },
      statistic,
      period: Duration.hours(1),
      label: label ?? metricName,
    });
    const group = (metricName: string) => new cloudwatch.Metric({
      namespace: props.namespace, metricName, dimensionsMap: { Group: props.groupName }, statistic: cloudwatch.Stats.MAXIMUM, period,
    });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(1),
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'Tasks: desired / running (Container Insights); CPU % (AWS/ECS)',
            left: [...tasks('DesiredTaskCount'), ...tasks('RunningTaskCount')],
            // Free service metric: shows when tasks ran even without Container Insights.
            right: props.members.map((m) => new cloudwatch.Metric({
              namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensionsMap: { ClusterName: m.clusterName, ServiceName: m.serviceName },
              statistic: cloudwatch.Stats.AVERAGE, period, label: `${m.serviceName} CPU %`,
            })),
            width: 12,
            leftYAxis: { min: 0 },
          }),
          new cloudwatch.GraphWidget({
            title: `Activity (${props.groupName})`,
            left: [props.participants, group('Conferences')],
            right: [group('ActivityUnknown')],
            width: 12,
            leftYAxis: { min: 0 },
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Controller actions per hour',
            left: [controller('WakeRequests', 'Sum'), controller('Wakes', 'Sum'), controller('Stops', 'Sum'), controller('StopsSkipped', 'Sum'), controller('RejectedEvents', 'Sum')],
            width: 12,
            leftYAxis: { min: 0 },
          }),
          new cloudwatch.GraphWidget({
            title: 'Wake to ready (seconds)',
            left: [controller('WakeToReadySeconds', 'Average', 'average'), controller('WakeToReadySeconds', 'Maximum', 'maximum')],
            width: 12,
            leftYAxis: { min: 0 },
          }),
        ],
        [
          new cloudwatch.AlarmStatusWidget({ title: 'Idle timers', alarms: props.alarms, width: 6 }),
          new cloudwatch.GraphWidget({
            title: 'Function errors',
            left: Object.entries(props.functions).map(([name, fn]) => fn.metricErrors({ period: Duration.minutes(5), label: name })),
            width: 12,
          }),
          new cloudwatch.SingleValueWidget({
            title: 'Failed schedule deliveries (DLQ)',
            metrics: [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) })],
            width: 6,
          }),
        ],
        ...(props.memberIds && props.hourlyTaskCost !== undefined ? [usageWidgets({ ...props, memberIds: props.memberIds, hourlyTaskCost: props.hourlyTaskCost })] : []),
        [
          new cloudwatch.GraphWidget({
            title: 'Where wake time goes: seconds per phase (stacked, hourly average)',
            // One line per Phase value, whatever phases the functions publish (shared/domain/wake-timeline.ts).
            left: [new cloudwatch.MathExpression({
              expression: `SEARCH('{${props.namespace},Phase,service} MetricName="WakePhaseSeconds" service="${props.powertoolsServiceName}"', 'Average', 3600)`,
              usingMetrics: {},
              label: '',
              period: Duration.hours(1),
            })],
            stacked: true,
            width: 24,
            leftYAxis: { min: 0 },
          }),
        ],
      ],
    });
  }
}
