import type { Activity } from '../../domain/activity.js';
import type {
  ActivitySource, AlarmControl, Arrivals, GroupDatapoint, GroupMetricName, MetricsPublisher, ParticipantHistory, RunningTaskInfo, WakeLedger,
} from '../../domain/activity-ports.js';

/** An activity source whose answer tests set directly; counts reads (the "zero probes while asleep" check). */
export class FixedActivitySource implements ActivitySource {
  readonly reads: RunningTaskInfo[][] = [];
  constructor(public activity: Activity) {}
  async read(tasks: readonly RunningTaskInfo[]): Promise<Activity> {
    this.reads.push([...tasks]);
    return this.activity;
  }
}

export interface StoredDatapoint extends GroupDatapoint {
  at: Date;
}

/** In-memory CloudWatch stand-in: what the watcher published, and the history the idle shutdown reads. */
export class InMemoryMetricStore implements MetricsPublisher, ParticipantHistory {
  readonly datapoints: StoredDatapoint[] = [];
  publishCalls = 0;

  async publish(datapoints: readonly GroupDatapoint[], at: Date): Promise<void> {
    this.publishCalls += 1;
    for (const d of datapoints) this.datapoints.push({ ...d, at });
  }

  /** Values of one metric with `from < at <= to`. */
  values(name: GroupMetricName, from: Date, to: Date): number[] {
    return this.datapoints.filter((d) => d.name === name && d.at > from && d.at <= to).map((d) => d.value);
  }

  async maxParticipantsBetween(from: Date, to: Date): Promise<number | undefined> {
    const values = this.datapoints.filter((d) => d.name === 'Participants' && d.at >= from && d.at <= to).map((d) => d.value);
    return values.length > 0 ? Math.max(...values) : undefined;
  }
}

/** In-memory wake ledger: local mode records each wake request and each person sent in here. */
export class InMemoryWakeLedger implements WakeLedger {
  private readonly times: Array<{ at: number; kind: keyof Arrivals }> = [];
  /** A wake request. */
  record(at: Date): void {
    this.times.push({ at: at.getTime(), kind: 'wakeRequests' });
  }
  recordSentIn(at: Date): void {
    this.times.push({ at: at.getTime(), kind: 'sentIn' });
  }
  async arrivalsBetween(from: Date, to: Date): Promise<Arrivals> {
    const within = this.times.filter((t) => t.at >= from.getTime() && t.at <= to.getTime());
    return { wakeRequests: within.filter((t) => t.kind === 'wakeRequests').length, sentIn: within.filter((t) => t.kind === 'sentIn').length };
  }
}

/** Records re-arms; local mode passes a callback that resets its simulated alarm. */
export class RecordingAlarmControl implements AlarmControl {
  readonly rearmed: Array<{ alarmName: string; reason: string }> = [];
  constructor(private readonly onRearm?: (alarmName: string) => void) {}
  async rearm(alarmName: string, reason: string): Promise<void> {
    this.rearmed.push({ alarmName, reason });
    this.onRearm?.(alarmName);
  }
}
