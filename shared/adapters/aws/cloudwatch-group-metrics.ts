import { PutMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { GroupDatapoint, MetricsPublisher } from '../../domain/activity-ports.js';

/** The watcher's metrics: one PutMetricData per run, namespace METRIC_NAMESPACE, dimension Group (and Member for per-member series). */
export class CloudWatchGroupMetrics implements MetricsPublisher {
  constructor(private readonly cloudwatch: CloudWatchClient, private readonly namespace: string, private readonly group: string) {}

  async publish(datapoints: readonly GroupDatapoint[], at: Date): Promise<void> {
    if (datapoints.length === 0) return;
    await this.cloudwatch.send(new PutMetricDataCommand({
      Namespace: this.namespace,
      MetricData: datapoints.map((d) => ({
        MetricName: d.name,
        Dimensions: [{ Name: 'Group', Value: this.group }, ...(d.member ? [{ Name: 'Member', Value: d.member }] : [])],
        Timestamp: at,
        Value: d.value,
        Unit: 'Count',
      })),
    }));
  }
}
