import { DescribeAlarmsCommand, GetMetricDataCommand, ScanBy, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { breachingRun, type AlarmStateValue, type IdleAlarmReading, type IdleAlarmView } from '../../domain/operator-view.js';

export interface IdleAlarmNames {
  noJoin: string;
  empty: string;
}

/**
 * The two idle alarms: their state (DescribeAlarms) and how many of their periods the room has already been
 * empty (the watcher's Participants metric, newest first), so `ctl status` can say when a stop would fire.
 */
export class CloudWatchIdleAlarms implements IdleAlarmView {
  constructor(
    private readonly cloudwatch: CloudWatchClient,
    private readonly names: IdleAlarmNames,
    private readonly metric: { namespace: string; group: string },
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  async read(): Promise<IdleAlarmReading[]> {
    const answer = await this.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [this.names.noJoin, this.names.empty] }));
    const alarms = answer.MetricAlarms ?? [];
    const longest = Math.max(1, ...alarms.map((a) => a.EvaluationPeriods ?? 1));
    const recent = await this.recentParticipants(longest);
    return alarms.map((a) => ({
      timer: a.AlarmName === this.names.noJoin ? 'no-join' as const : 'empty' as const,
      name: a.AlarmName ?? '',
      state: (a.StateValue ?? 'INSUFFICIENT_DATA') as AlarmStateValue,
      ...(a.StateUpdatedTimestamp ? { since: a.StateUpdatedTimestamp } : {}),
      periods: a.EvaluationPeriods ?? 1,
      periodSeconds: a.Period ?? 60,
      breachingNow: Math.min(a.EvaluationPeriods ?? 1, breachingRun(recent)),
    }));
  }

  /** Participants Maximum per minute for the last `minutes`, newest first, with gaps as undefined. */
  private async recentParticipants(minutes: number): Promise<Array<number | undefined>> {
    const end = new Date(Math.floor(this.clock.now().getTime() / 60_000) * 60_000);
    const start = new Date(end.getTime() - minutes * 60_000);
    const answer = await this.cloudwatch.send(new GetMetricDataCommand({
      StartTime: start, EndTime: end, ScanBy: ScanBy.TIMESTAMP_DESCENDING,
      MetricDataQueries: [{
        Id: 'participants',
        MetricStat: { Metric: { Namespace: this.metric.namespace, MetricName: 'Participants', Dimensions: [{ Name: 'Group', Value: this.metric.group }] }, Period: 60, Stat: 'Maximum' },
        ReturnData: true,
      }],
    }));
    const result = answer.MetricDataResults?.[0];
    const byMinute = new Map<number, number>();
    (result?.Timestamps ?? []).forEach((t, i) => byMinute.set(t.getTime(), result!.Values![i]!));
    const series: Array<number | undefined> = [];
    for (let t = end.getTime() - 60_000; t >= start.getTime(); t -= 60_000) series.push(byMinute.get(t));
    return series;
  }
}
