import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { UsageHistory } from '../../domain/month-report.js';
import type { UsageHistorySource } from '../../domain/report-ports.js';
import type { Clock, MemberRef } from '../../domain/service-group.js';
import { STOP_REASONS, type StopReason } from '../../domain/stop-reasons.js';

export interface UsageMetricNames {
  namespace: string;
  /** The watcher's Group dimension. */
  groupName: string;
  /** The Powertools `service` dimension of the EMF metrics (Wakes, StopsByReason, WakeToReadySeconds). */
  serviceName: string;
}

const DAY = 86_400_000;

/**
 * The month's series in one GetMetricData (paged): RunningTasks Sum per member, Wakes Sum, StopsByReason
 * Sum per reason, WakeToReadySeconds Maximum. The period follows CloudWatch's retention: 1 min data for
 * 15 days, 5 min for 63 days, 1 h after that; a wake becomes ready at most once per period in practice,
 * so a period's Maximum is that wake's sample (two in one 5-min or 1-h period count as one).
 */
export class CloudWatchUsageHistory implements UsageHistorySource {
  constructor(
    private readonly cloudwatch: CloudWatchClient,
    private readonly names: UsageMetricNames,
    private readonly members: readonly MemberRef[],
    private readonly clock: Clock,
  ) {}

  async read(from: Date, to: Date): Promise<UsageHistory> {
    const period = periodForAge(this.clock.now().getTime() - from.getTime());
    const { namespace, groupName, serviceName } = this.names;
    const service = { Name: 'service', Value: serviceName };
    const stat = (id: string, metricName: string, dimensions: Array<{ Name: string; Value: string }>, s: string): MetricDataQuery => ({
      Id: id, ReturnData: true, MetricStat: { Metric: { Namespace: namespace, MetricName: metricName, Dimensions: dimensions }, Period: period, Stat: s },
    });
    const queries: MetricDataQuery[] = [
      ...this.members.map((m, i) => stat(`tasks${i}`, 'RunningTasks', [{ Name: 'Group', Value: groupName }, { Name: 'Member', Value: m.id }], 'Sum')),
      stat('wakes', 'Wakes', [service], 'Sum'),
      ...STOP_REASONS.map((r, i) => stat(`stops${i}`, 'StopsByReason', [service, { Name: 'Reason', Value: r }], 'Sum')),
      stat('ready', 'WakeToReadySeconds', [service], 'Maximum'),
    ];
    const results = new Map<string, Array<{ at: Date; value: number }>>();
    let nextToken: string | undefined;
    do {
      const out = await this.cloudwatch.send(new GetMetricDataCommand({ StartTime: from, EndTime: to, MetricDataQueries: queries, ScanBy: 'TimestampAscending', NextToken: nextToken }));
      for (const r of out.MetricDataResults ?? []) collect(results, r);
      nextToken = out.NextToken;
    } while (nextToken);
    const points = (id: string) => results.get(id) ?? [];
    return {
      taskMinutes: this.members.flatMap((m, i) => points(`tasks${i}`).map((p) => ({ member: m.id, at: p.at, minutes: p.value }))),
      wakes: points('wakes').map((p) => ({ at: p.at, count: p.value })),
      stops: STOP_REASONS.flatMap((reason: StopReason, i) => points(`stops${i}`).map((p) => ({ at: p.at, reason, count: p.value }))),
      wakeToReadySeconds: points('ready').map((p) => ({ at: p.at, seconds: p.value })),
    };
  }
}

/** The finest period CloudWatch still keeps for data that old. */
export function periodForAge(ageMs: number): number {
  if (ageMs <= 15 * DAY) return 60;
  if (ageMs <= 63 * DAY) return 300;
  return 3600;
}

function collect(into: Map<string, Array<{ at: Date; value: number }>>, r: MetricDataResult): void {
  if (!r.Id) return;
  if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') throw new Error(`GetMetricData ${r.Id}: ${r.StatusCode}`);
  const list = into.get(r.Id) ?? [];
  (r.Timestamps ?? []).forEach((at, i) => {
    const value = r.Values?.[i];
    if (value !== undefined && Number.isFinite(value)) list.push({ at, value });
  });
  into.set(r.Id, list);
}
