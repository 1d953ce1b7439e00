import { GetMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { unknownActivity, type Activity } from '../../domain/activity.js';
import type { ActivityMetric, ActivitySource, RunningTaskInfo } from '../../domain/activity-ports.js';
import { toDependencyError } from '../../domain/errors.js';
import type { Clock } from '../../domain/service-group.js';

export type { ActivityMetric } from '../../domain/activity-ports.js';

/**
 * Activity from an operator's metric instead of the probe. The metric gives participants only: conferences
 * is reported as a lower bound (1 when anyone is there) and recordings are not visible.
 */
export class MetricActivitySource implements ActivitySource {
  constructor(private readonly cloudwatch: CloudWatchClient, private readonly metric: ActivityMetric, private readonly clock: Clock) {}

  async read(tasks: readonly RunningTaskInfo[]): Promise<Activity> {
    if (tasks.length === 0) return unknownActivity('no running task to read');
    const now = this.clock.now();
    try {
      const out = await this.cloudwatch.send(new GetMetricDataCommand({
        StartTime: new Date(now.getTime() - this.metric.maxAgeSeconds * 1000),
        EndTime: now,
        ScanBy: 'TimestampDescending',
        MetricDataQueries: [{
          Id: 'activity',
          MetricStat: {
            Metric: {
              Namespace: this.metric.namespace,
              MetricName: this.metric.name,
              Dimensions: Object.entries(this.metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
            },
            Period: 60,
            Stat: this.metric.stat,
          },
          ReturnData: true,
        }],
      }));
      const latest = out.MetricDataResults?.[0]?.Values?.[0];
      if (latest === undefined) return unknownActivity(`no ${this.metric.name} datapoint in the last ${this.metric.maxAgeSeconds} s`);
      if (!Number.isFinite(latest) || latest < 0) return unknownActivity(`${this.metric.name} is not a participant count (${latest})`);
      const participants = Math.ceil(latest);
      return { kind: 'known', participants, conferences: participants > 0 ? 1 : 0, recording: false };
    } catch (error) {
      return unknownActivity(toDependencyError(`read ${this.metric.namespace}/${this.metric.name}`, error).message);
    }
  }
}
