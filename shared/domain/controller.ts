import { classifyMembers, memberViews, wakeTiming, type GroupStatus, type Phase } from './group-state.js';
import type { Clock, MemberSnapshot, ReadinessProbe, ServiceGroup } from './service-group.js';
import { toDependencyError } from './errors.js';
import type { TimelineView } from './wake-timeline.js';
import { milestoneRefreshMs, WakeTimelineTracker } from './wake-timeline-tracker.js';

export interface ControllerSettings {
  /** How long one DescribeServices answer is reused inside a container (status polls from many pages). */
  statusCacheMs: number;
  /** Consecutive successful public URL probes before the group counts as ready. */
  probeSuccessesRequired: number;
  /** Minimum time between two readiness probes. */
  probeIntervalMs: number;
  /** What the waiting page promises: typical seconds from wake to ready. */
  expectedWakeSeconds: number;
  /** After this long a wake that is still not ready is reported as an error. */
  wakeTimeoutSeconds: number;
}

/** Observability port: the composition root turns these into log lines and metrics. */
export interface ControllerEvents {
  phaseChanged?(from: Phase | undefined, to: Phase, status: GroupStatus): void;
  scaledUp?(memberIds: string[], reason: string): void;
  scaledDown?(memberIds: string[], reason: string): void;
  becameReady?(wakeSeconds: number | undefined): void;
  /** Once per wake, when it becomes ready or fails: where its time went. */
  wakeTimeline?(timeline: TimelineView, outcome: 'ready' | 'error', status: GroupStatus): void;
  /** Resetting the idle alarms after a wake or stop failed (best effort: the action itself stands). */
  alarmResetFailed?(failures: string[]): void;
}

export interface WakeResult {
  status: GroupStatus;
  /** Members this call scaled up (empty when they were already up or another call did it). */
  scaledUp: string[];
}

/**
 * The core of the controller: derives the group's phase, wakes it idempotently and puts it to sleep.
 * One instance per container; concurrent callers share in-flight describes, probes and wakes.
 */
export class GroupController {
  private cached?: { at: number; members: MemberSnapshot[] };
  private inflightDescribe?: Promise<MemberSnapshot[]>;
  private inflightWake?: Promise<WakeResult>;
  private inflightProbe?: Promise<void>;
  private probeSuccesses = 0;
  private lastProbeAt = -Infinity;
  private lastProbeDetail = '';
  private wakeStartedAt?: Date;
  private lastPhase?: Phase;
  private readonly timeline: WakeTimelineTracker;

  constructor(
    private readonly group: ServiceGroup,
    private readonly probe: ReadinessProbe,
    private readonly clock: Clock,
    private readonly settings: ControllerSettings,
    private readonly events: ControllerEvents = {},
  ) {
    this.timeline = new WakeTimelineTracker(group.taskMilestones ? () => group.taskMilestones!() : undefined, clock, milestoneRefreshMs(settings.statusCacheMs));
  }

  /** Current status; no side effect on the group. */
  async status(): Promise<GroupStatus> {
    const members = await this.describe();
    return this.evaluate(members);
  }

  /** Wakes every member that is at zero. Concurrent calls in this container share one scale-up. */
  wake(reason = 'wake request'): Promise<WakeResult> {
    this.inflightWake ??= this.doWake(reason).finally(() => {
      this.inflightWake = undefined;
    });
    return this.inflightWake;
  }

  /** Puts every member to sleep. Callers decide *whether* (idle and nightly policies); this only acts. */
  async sleep(reason: string): Promise<{ status: GroupStatus; scaledDown: string[] }> {
    const members = await this.describe(0);
    const awake = members.filter((m) => m.exists && m.desired > 0);
    const results = await Promise.allSettled(awake.map((m) => this.group.sleepMember(m)));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ id: awake[i]!.ref.id, error: r.reason }] : []));
    const done = awake.filter((_, i) => results[i]!.status === 'fulfilled');
    this.patchCache(done.map((m) => m.ref.id), 0);
    this.probeSuccesses = 0;
    this.wakeStartedAt = undefined;
    this.timeline.reset();
    if (done.length > 0) this.events.scaledDown?.(done.map((m) => m.ref.id), reason);
    if (failed.length > 0) throw toDependencyError(`sleep ${failed.map((f) => f.id).join(', ')}`, failed[0]!.error);
    return { status: await this.status(), scaledDown: done.map((m) => m.ref.id) };
  }

  private async doWake(reason: string): Promise<WakeResult> {
    const askedAt = this.clock.now().getTime();
    const cached = await this.describe();
    // A member being deleted (DRAINING) cannot be woken: the answer is the non-retryable error status.
    if (cached.some((m) => m.deleting) || !cached.some((m) => m.exists && m.desired < 1)) return { status: await this.evaluate(cached), scaledUp: [] };
    // About to act: decide on an answer fetched for this wake, so a count raised meanwhile (autoscaling, an
    // operator) is never lowered. A cold container's first answer already is one.
    const fresh = this.cached !== undefined && this.cached.at >= askedAt;
    const members = fresh ? cached : await this.describe(0);
    const asleep = members.filter((m) => m.exists && m.desired < 1);
    if (asleep.length === 0 || members.some((m) => m.deleting)) return { status: await this.evaluate(members), scaledUp: [] };

    const results = await Promise.allSettled(asleep.map((m) => this.group.wakeMember(m)));
    const done = asleep.filter((_, i) => results[i]!.status === 'fulfilled');
    if (done.length > 0) {
      if (!this.wakeStartedAt || classifyMembers(members).kind !== 'starting') {
        this.wakeStartedAt = this.clock.now();
        this.timeline.start(this.wakeStartedAt);
      }
      this.probeSuccesses = 0;
      this.patchCache(done.map((m) => m.ref.id), 1);
      this.events.scaledUp?.(done.map((m) => m.ref.id), reason);
    }
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw toDependencyError(`wake ${asleep.map((m) => m.ref.id).join(', ')}`, failure.reason);
    return { status: await this.status(), scaledUp: done.map((m) => m.ref.id) };
  }

  private async describe(maxAgeMs = this.settings.statusCacheMs): Promise<MemberSnapshot[]> {
    const now = this.clock.now().getTime();
    // Strictly younger than maxAgeMs: describe(0) (sleep) must always ask the group, even within the same millisecond.
    if (this.cached && now - this.cached.at < maxAgeMs) return this.cached.members;
    this.inflightDescribe ??= this.group
      .describe()
      .then((members) => {
        this.cached = { at: this.clock.now().getTime(), members };
        return members;
      })
      .catch((error: unknown) => {
        throw toDependencyError('describe service group', error);
      })
      .finally(() => {
        this.inflightDescribe = undefined;
      });
    return this.inflightDescribe;
  }

  /** After our own update, reflect it locally so the next caller in this container does not repeat it. */
  private patchCache(ids: string[], desired: number): void {
    if (!this.cached) return;
    this.cached = {
      at: this.cached.at,
      members: this.cached.members.map((m) =>
        ids.includes(m.ref.id) ? { ...m, desired: desired === 0 ? 0 : Math.max(m.desired, desired), changedAt: this.clock.now() } : m,
      ),
    };
  }

  private async evaluate(members: MemberSnapshot[]): Promise<GroupStatus> {
    const now = this.clock.now();
    const verdict = classifyMembers(members);
    if (verdict.kind !== 'steady') this.probeSuccesses = 0;
    if (verdict.kind === 'steady' && this.probeSuccesses < this.settings.probeSuccessesRequired) await this.probeIfDue();

    // Ready ends a wake. Tasks starting after that are a new one (another container woke the group after a
    // stop this one never saw): time it from ECS's change time, as a fresh container would, not from ours.
    if (verdict.kind === 'starting' && this.timeline.finished) {
      this.wakeStartedAt = undefined;
      this.timeline.reset();
    }
    const startedAt = this.wakeStartedAt ?? newest(members.map((m) => m.changedAt));
    if (verdict.kind === 'starting' || verdict.kind === 'steady') {
      this.timeline.follow(startedAt, verdict.kind === 'starting');
      await this.timeline.refresh(members.reduce((sum, m) => sum + m.desired, 0));
      if (verdict.kind === 'steady') this.timeline.mark('healthyAt', now);
    }
    const timing = wakeTiming(startedAt, now, this.settings.expectedWakeSeconds);
    const base = { members: memberViews(members), checkedAt: now.toISOString() };
    let status: GroupStatus;
    switch (verdict.kind) {
      case 'asleep':
        this.wakeStartedAt = undefined;
        this.timeline.reset();
        status = { ...base, phase: 'asleep', message: 'The meeting service is asleep.', retryable: true };
        break;
      case 'stopping':
        status = { ...base, phase: 'stopping', message: `The meeting service is shutting down (${verdict.reason}).`, retryable: true };
        break;
      case 'failed':
        status = { ...base, phase: 'error', message: `The meeting service cannot start: ${verdict.reason}.`, retryable: false };
        break;
      default: {
        const ready = verdict.kind === 'steady' && this.probeSuccesses >= this.settings.probeSuccessesRequired;
        if (ready) {
          this.timeline.mark('readyAt', now);
          status = { ...base, ...timing, ...this.timelineField(), phase: 'ready', message: 'The meeting service is ready.', retryable: true };
          break;
        }
        const reason = verdict.kind === 'starting' ? verdict.reason : `checking the meeting URL (${this.lastProbeDetail || 'not yet probed'})`;
        const overdue = (timing.elapsedSeconds ?? 0) > this.settings.wakeTimeoutSeconds;
        status = overdue
          ? { ...base, ...timing, ...this.timelineField(), phase: 'error', message: `Start is taking far longer than expected: ${reason}.`, retryable: true }
          : { ...base, ...timing, ...this.timelineField(), phase: 'waking', message: `Starting: ${reason}.`, retryable: true };
      }
    }
    this.noteTransition(status);
    return status;
  }

  private async probeIfDue(): Promise<void> {
    const now = this.clock.now().getTime();
    if (this.inflightProbe) return this.inflightProbe;
    if (now - this.lastProbeAt < this.settings.probeIntervalMs) return;
    this.lastProbeAt = now;
    this.inflightProbe = this.probe
      .check()
      .then(({ ok, detail }) => {
        this.probeSuccesses = ok ? this.probeSuccesses + 1 : 0;
        if (ok) this.timeline.mark('firstProbeOkAt', new Date(now));
        this.lastProbeDetail = detail;
      })
      .catch((error: unknown) => {
        this.probeSuccesses = 0;
        this.lastProbeDetail = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        this.inflightProbe = undefined;
      });
    return this.inflightProbe;
  }

  private noteTransition(status: GroupStatus): void {
    const from = this.lastPhase;
    if (from === status.phase) return;
    this.lastPhase = status.phase;
    this.events.phaseChanged?.(from, status.phase, status);
    // Only a wake this container watched start: a container that first meets running tasks would count the
    // time since ECS's last change as a wake (and skew the learned estimate).
    if (status.phase === 'ready' && from !== undefined && this.timeline.watchedStart) this.events.becameReady?.(status.elapsedSeconds);
    // A wake seen from its start (or joined while waking) ends in ready or error: report where the time went.
    if ((status.phase === 'ready' && from !== undefined) || (status.phase === 'error' && from === 'waking')) {
      const report = this.timeline.takeReport();
      if (report) this.events.wakeTimeline?.(report, status.phase, status);
    }
  }

  private timelineField(): { timeline?: TimelineView } {
    const view = this.timeline.view();
    return view ? { timeline: view } : {};
  }
}

function newest(dates: Array<Date | undefined>): Date | undefined {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}
