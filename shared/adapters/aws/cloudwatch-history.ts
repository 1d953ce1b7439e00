import { GetMetricDataCommand, SetAlarmStateCommand, type CloudWatchClient, type Dimension } from '@aws-sdk/client-cloudwatch';
import type { ClientProfile } from './clients.js';
import { createCloudWatchClient } from './cloudwatch-client.js';
import type { AlarmControl, Arrivals, ParticipantHistory, WakeLedger } from '../../domain/activity-ports.js';

/**
 * Arrivals in a time range, from the wake function's `WakeRequests` and `PersonsSentIn` EMF metrics
 * (dimension `service`), both in one GetMetricData call.
 * Caveat: EMF metrics are extracted from the logs and usually appear 1-3 minutes late, so a wake in the last
 * minutes may not be counted yet. The waiting page covers that gap: it keeps POSTing /api/wake while open,
 * so a stop that raced a wake is undone within one poll interval (DESIGN invariant 4).
 */
export class CloudWatchWakeLedger implements WakeLedger {
  constructor(private readonly cloudwatch: CloudWatchClient, private readonly namespace: string, private readonly serviceName: string) {}

  async arrivalsBetween(from: Date, to: Date): Promise<Arrivals> {
    const dimensions = [{ Name: 'service', Value: this.serviceName }];
    const [wakeRequests, sentIn] = await metricSeries(this.cloudwatch, from, to, this.namespace, ['WakeRequests', 'PersonsSentIn'], dimensions, 'Sum');
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    return { wakeRequests: sum(wakeRequests!), sentIn: sum(sentIn!) };
  }
}

/** The highest `Participants` the watcher published for the group in a time range. */
export class CloudWatchParticipantHistory implements ParticipantHistory {
  constructor(private readonly cloudwatch: CloudWatchClient, private readonly namespace: string, private readonly group: string) {}

  async maxParticipantsBetween(from: Date, to: Date): Promise<number | undefined> {
    const values = await metricValues(this.cloudwatch, from, to, this.namespace, 'Participants', [{ Name: 'Group', Value: this.group }], 'Maximum');
    return values.length > 0 ? Math.max(...values) : undefined;
  }
}

/** The alarm control with its own client (the wake path imports this module on first use: shared/compose.ts). */
export function createAlarmControl(profile: ClientProfile): CloudWatchAlarmControl {
  return new CloudWatchAlarmControl(createCloudWatchClient(profile));
}

/** SetAlarmState OK: CloudWatch re-evaluates next period and, if the room is still empty, runs the action again. */
export class CloudWatchAlarmControl implements AlarmControl {
  constructor(private readonly cloudwatch: CloudWatchClient) {}

  async rearm(alarmName: string, reason: string): Promise<void> {
    await this.cloudwatch.send(new SetAlarmStateCommand({ AlarmName: alarmName, StateValue: 'OK', StateReason: reason.slice(0, 1000) }));
  }
}

/** A period that keeps one query under 1,440 datapoints (a group awake for days still costs one call). */
export function periodFor(from: Date, to: Date): number {
  const minutes = Math.max(1, (to.getTime() - from.getTime()) / 60_000);
  return 60 * Math.max(1, Math.ceil(minutes / 1440));
}

async function metricValues(
  cloudwatch: CloudWatchClient, from: Date, to: Date, namespace: string, name: string, dimensions: Dimension[], stat: string,
): Promise<number[]> {
  return (await metricSeries(cloudwatch, from, to, namespace, [name], dimensions, stat))[0]!;
}

/** One GetMetricData call for several metrics with the same dimensions; ids m, m1, m2… in order. */
async function metricSeries(
  cloudwatch: CloudWatchClient, from: Date, to: Date, namespace: string, names: string[], dimensions: Dimension[], stat: string,
): Promise<number[][]> {
  const id = (i: number) => (i === 0 ? 'm' : `m${i}`);
  // GetMetricData rejects StartTime >= EndTime; an empty window simply has no datapoints.
  if (to.getTime() <= from.getTime()) return names.map(() => []);
  const out = await cloudwatch.send(new GetMetricDataCommand({
    StartTime: from,
    EndTime: to,
    MetricDataQueries: names.map((name, i) => ({
      Id: id(i),
      MetricStat: { Metric: { Namespace: namespace, MetricName: name, Dimensions: dimensions }, Period: periodFor(from, to), Stat: stat },
      ReturnData: true,
    })),
  }));
  return names.map((name, i) => {
    const result = out.MetricDataResults?.find((r) => r.Id === id(i)) ?? (names.length === 1 ? out.MetricDataResults?.[0] : undefined);
    if (result?.StatusCode === 'InternalError' || result?.StatusCode === 'Forbidden') throw new Error(`GetMetricData ${name}: ${result.StatusCode}`);
    return (result?.Values ?? []).filter((v) => Number.isFinite(v));
  });
}
