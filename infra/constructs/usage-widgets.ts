import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { MemberArns } from './service-group-refs.js';

export interface UsageWidgetProps {
  members: readonly MemberArns[];
  memberIds: readonly string[];
  namespace: string;
  groupName: string;
  /** USD per task-hour (dashboardHourlyTaskCost): the dashboard cannot read task definitions; `ctl report` does. */
  hourlyTaskCost: number;
}

/**
 * Awake task-hours, their Fargate cost and the saving against always-on, over the dashboard's time range
 * (set it to the month so far for month-to-date; `npm run ctl -- report` gives the exact calendar month in
 * TIME_ZONE). RunningTasks is published once a minute while awake, so its Sum is task-minutes.
 */
export function usageWidgets(p: UsageWidgetProps): cloudwatch.IWidget[] {
  const usingMetrics = Object.fromEntries(p.memberIds.map((id, i) => [`t${i}`, new cloudwatch.Metric({
    namespace: p.namespace, metricName: 'RunningTasks', dimensionsMap: { Group: p.groupName, Member: id }, statistic: cloudwatch.Stats.SUM,
  })]));
  const taskMinutes = p.memberIds.map((_, i) => `FILL(t${i}, 0)`).join(' + ');
  const expr = (expression: string, label: string) => new cloudwatch.MathExpression({ expression, usingMetrics, label });
  const rate = p.hourlyTaskCost;
  // PERIOD() is the time range here (setPeriodToTimeRange): always-on = members × hours of the range × rate.
  const alwaysOn = `${p.memberIds.length} * PERIOD(t0) / 3600 * ${rate}`;
  return [
    new cloudwatch.SingleValueWidget({
      title: `Awake task-hours, Fargate cost and saving at $${rate}/task-hour (time range; month to date: set the range)`,
      metrics: [
        expr(`(${taskMinutes}) / 60`, 'awake task-hours'),
        expr(`(${taskMinutes}) / 60 * ${rate}`, 'Fargate cost while awake (USD)'),
        expr(`${alwaysOn} - (${taskMinutes}) / 60 * ${rate}`, 'saving vs always on (USD)'),
      ],
      setPeriodToTimeRange: true,
      fullPrecision: false,
      width: 24,
    }),
  ];
}
