import { GetMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { WakeHistory, WakeSample } from '../../domain/wake-estimate.js';
import { createCloudWatchClient } from './cloudwatch-client.js';

/**
 * Recorded wake-to-ready times: the `WakeToReadySeconds` EMF metric (dimension `service`), as 5-minute
 * buckets of average and sample count. Five minutes because CloudWatch keeps 1-minute data for 15 days
 * only; two wakes rarely fall into one bucket, and when they do the bucket counts twice at its average.
 */
export const WAKE_HISTORY_PERIOD_SECONDS = 300;

/** The adapter with its client (clients.ts: AWS_ENDPOINT_URL[_CLOUDWATCH] apply); compose-estimate.ts calls it on first use. */
export function createCloudWatchWakeHistory(namespace: string, serviceName: string): CloudWatchWakeHistory {
  return new CloudWatchWakeHistory(createCloudWatchClient(), namespace, serviceName);
}

export class CloudWatchWakeHistory implements WakeHistory {
  constructor(private readonly cloudwatch: CloudWatchClient, private readonly namespace: string, private readonly serviceName: string) {}

  async wakeSeconds(from: Date, to: Date): Promise<WakeSample[]> {
    const metric = { Namespace: this.namespace, MetricName: 'WakeToReadySeconds', Dimensions: [{ Name: 'service', Value: this.serviceName }] };
    const byTime = new Map<number, { seconds?: number; count?: number }>();
    let nextToken: string | undefined;
    do {
      const out = await this.cloudwatch.send(new GetMetricDataCommand({
        StartTime: from,
        EndTime: to,
        NextToken: nextToken,
        MetricDataQueries: [
          { Id: 'avg', MetricStat: { Metric: metric, Period: WAKE_HISTORY_PERIOD_SECONDS, Stat: 'Average' }, ReturnData: true },
          { Id: 'n', MetricStat: { Metric: metric, Period: WAKE_HISTORY_PERIOD_SECONDS, Stat: 'SampleCount' }, ReturnData: true },
        ],
      }));
      for (const result of out.MetricDataResults ?? []) {
        if (result.StatusCode === 'InternalError' || result.StatusCode === 'Forbidden') throw new Error(`GetMetricData WakeToReadySeconds: ${result.StatusCode}`);
        (result.Timestamps ?? []).forEach((t, i) => {
          const entry = byTime.get(t.getTime()) ?? {};
          if (result.Id === 'avg') entry.seconds = result.Values?.[i];
          else entry.count = result.Values?.[i];
          byTime.set(t.getTime(), entry);
        });
      }
      nextToken = out.NextToken;
    } while (nextToken);
    return [...byTime.values()].flatMap((e) => (e.seconds !== undefined && e.count !== undefined ? [{ seconds: e.seconds, count: e.count }] : []));
  }
}
