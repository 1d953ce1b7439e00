import type { ControllerEvents } from '../../domain/controller.js';
import type { TaskSize, UsageHistory } from '../../domain/month-report.js';
import type { TaskSizes, UsageHistorySource } from '../../domain/report-ports.js';
import type { Clock } from '../../domain/service-group.js';
import { stopReasonOf } from '../../domain/stop-reasons.js';
import type { StoredDatapoint } from './activity-memory.js';

/**
 * Local mode's CloudWatch for the monthly report: wakes, stops (by reason) and wake-to-ready seconds from
 * the controller's events, running tasks from the watcher's in-memory datapoints. The local watcher runs
 * every few seconds, so each datapoint stands for `minutesPerDatapoint` task-minutes, not one.
 */
export class UsageRecorder implements UsageHistorySource {
  private readonly wakes: Date[] = [];
  private readonly stops: Array<{ at: Date; reason: string }> = [];
  private readonly ready: Array<{ at: Date; seconds: number }> = [];

  private datapoints: () => readonly StoredDatapoint[] = () => [];
  private minutesPerDatapoint = 1;

  constructor(private readonly clock: Clock) {}

  /** The watcher's store, once it exists, and how many minutes one of its runs stands for. */
  attach(datapoints: () => readonly StoredDatapoint[], minutesPerDatapoint: number): void {
    this.datapoints = datapoints;
    this.minutesPerDatapoint = minutesPerDatapoint;
  }

  events(): ControllerEvents {
    return {
      scaledUp: () => { this.wakes.push(this.clock.now()); },
      scaledDown: (_members, reason) => { this.stops.push({ at: this.clock.now(), reason }); },
      becameReady: (seconds) => { if (seconds !== undefined) this.ready.push({ at: this.clock.now(), seconds }); },
    };
  }

  async read(from: Date, to: Date): Promise<UsageHistory> {
    const inside = (at: Date) => at >= from && at < to;
    return {
      taskMinutes: this.datapoints()
        .filter((d) => d.name === 'RunningTasks' && d.member && inside(d.at))
        .map((d) => ({ member: d.member!, at: d.at, minutes: d.value * this.minutesPerDatapoint })),
      wakes: this.wakes.filter(inside).map((at) => ({ at, count: 1 })),
      stops: this.stops.filter((s) => inside(s.at)).map((s) => ({ at: s.at, reason: stopReasonOf(s.reason), count: 1 })),
      wakeToReadySeconds: this.ready.filter((r) => inside(r.at)),
    };
  }
}

/** The simulated group's tasks have the size we deploy (4 vCPU / 8 GB, x86) unless told otherwise. */
export class FixedTaskSizes implements TaskSizes {
  constructor(private readonly size: TaskSize = { cpuUnits: 4096, memoryMiB: 8192, architecture: 'X86_64' }) {}
  async sizeOf(): Promise<TaskSize> {
    return this.size;
  }
}
