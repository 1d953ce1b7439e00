import type { Clock } from './service-group.js';
import { mergeTaskMilestones, timelineView, type Milestones, type TaskMilestones, type TimelineView } from './wake-timeline.js';

/** Reads the waking tasks' ECS timestamps (ListTasks + DescribeTasks; the simulation fakes them). */
export type MilestoneSource = () => Promise<TaskMilestones[]>;

/**
 * While waking, task timestamps are re-read at most this often per container: 2.5 status-cache periods
 * (5 s with the default STATUS_CACHE_MS of 2 s: one ListTasks per member and one DescribeTasks per cluster
 * every 5 s of a wake), never more than once a second.
 */
export function milestoneRefreshMs(statusCacheMs: number): number {
  return Math.max(1000, 2.5 * statusCacheMs);
}

/**
 * The current wake's milestones in one container. The controller marks what it sees itself (healthy,
 * the probe's first 200, ready); ECS task timestamps come from the source, throttled and best effort: a
 * failed read only leaves those phases unknown a little longer.
 */
export class WakeTimelineTracker {
  private milestones?: Milestones;
  private lastRead = -Infinity;
  private inflight?: Promise<void>;
  private reported = false;
  /** This container saw the wake before its tasks ran (it asked for it, or saw tasks still starting). */
  private sawStart = false;

  constructor(private readonly source: MilestoneSource | undefined, private readonly clock: Clock, private readonly refreshMs = 5000) {}

  /** A wake this container started, or one it found under way (then `requestedAt` is ECS's change time). */
  start(requestedAt: Date): void {
    this.milestones = { requestedAt };
    // Nothing to read yet (ECS is only now creating tasks): the first read waits one refresh period, so
    // the wake call itself costs no extra ECS call.
    this.lastRead = this.clock.now().getTime();
    this.reported = false;
    this.sawStart = true;
  }

  /**
   * Tracks a wake found under way, unless one is tracked already. `starting`: ECS still starts tasks, so the
   * wake is worth reporting; a container that first sees running tasks only shows the phases it can.
   */
  follow(requestedAt: Date | undefined, starting: boolean): void {
    if (!this.milestones && requestedAt) {
      this.start(requestedAt);
      this.lastRead = -Infinity;
      this.sawStart = starting;
    } else if (starting) {
      this.sawStart = true;
    }
  }

  /** Whether a ready/error now ends a wake this container watched start (else its times would be made up). */
  get watchedStart(): boolean {
    return this.milestones !== undefined && this.sawStart;
  }

  /** The tracked wake reached ready. */
  get finished(): boolean {
    return this.milestones?.readyAt !== undefined;
  }

  reset(): void {
    this.milestones = undefined;
    this.sawStart = false;
  }

  /** Sets a milestone the controller observed, once (the first sighting counts). */
  mark(key: 'healthyAt' | 'firstProbeOkAt' | 'readyAt', at: Date = this.clock.now()): void {
    if (this.milestones && !this.milestones[key]) this.milestones = { ...this.milestones, [key]: at };
  }

  /** Re-reads task timestamps until the tasks run; concurrent callers share one read. */
  async refresh(expectedTasks: number): Promise<void> {
    const m = this.milestones;
    if (!m || !this.source || m.startedAt) return;
    if (this.inflight) return this.inflight;
    const now = this.clock.now().getTime();
    if (now - this.lastRead < this.refreshMs) return;
    this.lastRead = now;
    this.inflight = this.source()
      .then((tasks) => {
        if (this.milestones === m) this.milestones = mergeTaskMilestones(m, tasks, expectedTasks);
      })
      .catch(() => undefined)
      .finally(() => { this.inflight = undefined; });
    return this.inflight;
  }

  view(): TimelineView | undefined {
    return this.milestones ? timelineView(this.milestones, this.clock.now()) : undefined;
  }

  /** The finished wake's timeline, once per wake (for the log line and metrics). */
  takeReport(): TimelineView | undefined {
    if (!this.milestones || this.reported || !this.sawStart) return undefined;
    this.reported = true;
    return this.view();
  }
}
