import type { CloudWatchAlarmEvent } from 'aws-lambda';
import type { InMemoryMetricStore } from '../shared/adapters/memory/activity-memory.js';
import { breachingRun, type IdleAlarmReading } from '../shared/domain/operator-view.js';
import type { Clock } from '../shared/domain/service-group.js';

export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'local';

export interface LocalAlarmSpec {
  name: string;
  /** Datapoints that must all be ≤ 0 (N of N), one per watcher period. */
  periods: number;
}

type State = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/**
 * A stand-in for the two CloudWatch alarms in local mode, with the same settings as in AWS: `Participants`
 * Maximum per period, N of N datapoints ≤ 0, missing data not breaching. Each transition becomes the real
 * alarm-action event shape, so the real idle-shutdown handler receives what CloudWatch would send.
 */
export class LocalAlarms {
  private readonly series: Array<number | undefined> = [];
  private readonly states = new Map<string, State>();
  private readonly since = new Map<string, Date>();

  constructor(
    private readonly specs: readonly LocalAlarmSpec[],
    private readonly store: InMemoryMetricStore,
    private readonly periodMs: number,
    private readonly clock: Clock,
    private readonly metric = { namespace: 'JitsiScaleToZero', group: 'jitsi' },
  ) {
    for (const spec of specs) this.states.set(spec.name, 'INSUFFICIENT_DATA');
  }

  state(name: string): State | undefined {
    return this.states.get(name);
  }

  /** The alarms as `ctl status` reads them (DescribeAlarms plus the recent datapoints, in AWS). */
  readings(): IdleAlarmReading[] {
    const newestFirst = [...this.series].reverse();
    return this.specs.map((spec) => ({
      timer: spec.name.includes('no-join') ? 'no-join' as const : 'empty' as const,
      name: spec.name,
      state: this.states.get(spec.name)!,
      ...(this.since.has(spec.name) ? { since: this.since.get(spec.name)! } : {}),
      periods: spec.periods,
      periodSeconds: this.periodMs / 1000,
      breachingNow: Math.min(spec.periods, breachingRun(newestFirst)),
    }));
  }

  /** SetAlarmState OK, as the idle shutdown's re-arm does in AWS. */
  rearm(name: string): void {
    if (!this.states.has(name)) return;
    this.states.set(name, 'OK');
    this.since.set(name, this.clock.now());
  }

  /** Closes the period that ends now and returns the transitions, as events. */
  evaluate(): CloudWatchAlarmEvent[] {
    const now = this.clock.now();
    const values = this.store.values('Participants', new Date(now.getTime() - this.periodMs), now);
    this.series.push(values.length > 0 ? Math.max(...values) : undefined);
    const longest = Math.max(...this.specs.map((s) => s.periods));
    if (this.series.length > longest) this.series.splice(0, this.series.length - longest);

    const events: CloudWatchAlarmEvent[] = [];
    for (const spec of this.specs) {
      const recent = this.series.slice(-spec.periods);
      const breaching = recent.length === spec.periods && recent.every((v) => v !== undefined && v <= 0);
      const next: State = breaching ? 'ALARM' : 'OK';
      const previous = this.states.get(spec.name)!;
      if (next === previous) continue;
      this.states.set(spec.name, next);
      this.since.set(spec.name, now);
      events.push(alarmEvent(spec, next, previous, now, this.periodMs, this.metric));
    }
    return events;
  }
}

function alarmEvent(spec: LocalAlarmSpec, state: State, previous: State, now: Date, periodMs: number, metric: { namespace: string; group: string }): CloudWatchAlarmEvent {
  const reason = state === 'ALARM'
    ? `Threshold Crossed: ${spec.periods} out of the last ${spec.periods} datapoints were less than or equal to the threshold (0.0).`
    : 'Threshold Crossed: not every recent datapoint was at or below the threshold (missing data treated as not breaching).';
  const stateOf = (value: State, at: Date) => ({ value, reason, timestamp: at.toISOString() });
  return {
    source: 'aws.cloudwatch',
    alarmArn: `arn:aws:cloudwatch:${LOCAL_REGION}:${LOCAL_ACCOUNT}:alarm:${spec.name}`,
    accountId: LOCAL_ACCOUNT,
    time: now.toISOString(),
    region: LOCAL_REGION,
    alarmData: {
      alarmName: spec.name,
      state: stateOf(state, now),
      previousState: stateOf(previous, now),
      configuration: {
        metrics: [{
          id: 'participants',
          metricStat: { metric: { namespace: metric.namespace, name: 'Participants', dimensions: { Group: metric.group } }, period: periodMs / 1000, stat: 'Maximum' },
          returnData: true,
        }],
      },
    },
  };
}
