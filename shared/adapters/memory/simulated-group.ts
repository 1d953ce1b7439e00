import type { RunningTaskInfo } from '../../domain/activity-ports.js';
import type { Clock, MemberRef, MemberSnapshot, ReadinessProbe, ServiceGroup } from '../../domain/service-group.js';
import type { TaskMilestones } from '../../domain/wake-timeline.js';

/** How long each phase of a simulated start takes (the real ones: docs/wake-time.md). */
export interface SimulatedWakePhases {
  provisioningMs: number;
  imagePullMs: number;
  containerStartMs: number;
  /** From running until container health is HEALTHY. */
  healthChecksMs: number;
  /** From healthy until the simulated Jitsi web answers through the "load balancer". */
  loadBalancerMs: number;
}

export interface SimulationOptions {
  /** Without `phases`: time from desired 1 until the task runs, is healthy and serves. */
  startDelayMs: number;
  /** Phase by phase instead of one `startDelayMs` (the local demo and the bench). */
  phases?: SimulatedWakePhases;
  /** Time from desired 0 until the task is gone. */
  stopDelayMs: number;
  /** Whether members report container health (HEALTHY once started) or none. */
  healthChecks: boolean;
}

interface MemberState {
  desired: number;
  changedAt?: Date;
  minCapacity: number;
  scaleInSuspended: boolean;
}

export interface RecordedCall {
  op: 'wake' | 'sleep';
  member: string;
  at: Date;
}

/**
 * In-memory ServiceGroup: the simulated service behind `npm start` and the domain tests.
 * Tasks start `startDelayMs` after a wake and stop `stopDelayMs` after a sleep, on the injected clock.
 */
export class SimulatedServiceGroup implements ServiceGroup {
  readonly calls: RecordedCall[] = [];
  private readonly state = new Map<string, MemberState>();
  private readonly failures: Array<{ op: 'wake' | 'sleep' | 'describe'; error: Error }> = [];

  private readonly phases: SimulatedWakePhases;

  constructor(
    readonly members: readonly MemberRef[],
    private readonly clock: Clock,
    private readonly options: SimulationOptions,
  ) {
    this.phases = options.phases ?? { provisioningMs: 0, imagePullMs: 0, containerStartMs: options.startDelayMs, healthChecksMs: 0, loadBalancerMs: 0 };
    for (const m of members) this.state.set(m.id, { desired: 0, minCapacity: 0, scaleInSuspended: false });
  }

  /** Makes the next call of `op` fail with `error` (throttling, outages). */
  failNext(op: 'wake' | 'sleep' | 'describe', error: Error): void {
    this.failures.push({ op, error });
  }

  /** Sets a member's desired count directly, as autoscaling or an operator script would. */
  setDesired(id: string, desired: number): void {
    const s = this.mustGet(id);
    s.desired = desired;
    s.changedAt = this.clock.now();
  }

  autoscaling(id: string): { minCapacity: number; scaleInSuspended: boolean } {
    const s = this.mustGet(id);
    return { minCapacity: s.minCapacity, scaleInSuspended: s.scaleInSuspended };
  }

  async describe(): Promise<MemberSnapshot[]> {
    this.maybeFail('describe');
    const now = this.clock.now().getTime();
    return this.members.map((ref) => {
      const s = this.mustGet(ref.id);
      const since = s.changedAt ? now - s.changedAt.getTime() : Infinity;
      let running = 0;
      let pending = 0;
      if (s.desired > 0) {
        if (since >= this.runningAfterMs()) running = s.desired;
        else pending = s.desired;
      } else if (since < this.options.stopDelayMs) {
        running = 1;
      }
      const healthy = s.desired === 0 || since >= this.runningAfterMs() + this.phases.healthChecksMs;
      const health = !this.options.healthChecks ? 'NONE' : running > 0 && healthy ? 'HEALTHY' : 'UNKNOWN';
      return { ref, exists: true, desired: s.desired, running, pending, health, rolloutFailed: false, changedAt: s.changedAt };
    });
  }

  /** The same snapshot: the simulation has no separate health calls to skip. */
  describeServices(): Promise<MemberSnapshot[]> {
    return this.describe();
  }

  /** One running task per desired count once started, with a made-up private IP and its start time. */
  async runningTasks(): Promise<RunningTaskInfo[]> {
    const snapshots = await this.describe();
    return snapshots.flatMap((m, i) => {
      const s = this.mustGet(m.ref.id);
      if (m.desired === 0 || m.running === 0 || !s.changedAt) return [];
      const startedAt = new Date(s.changedAt.getTime() + this.runningAfterMs());
      return Array.from({ length: m.running }, (_, n) => ({ member: m.ref.id, privateIp: `10.0.${i}.${10 + n}`, startedAt }));
    });
  }

  /** What DescribeTasks would say: image pull and start times, each once it has happened. */
  async taskMilestones(): Promise<TaskMilestones[]> {
    const now = this.clock.now().getTime();
    const p = this.phases;
    return this.members.flatMap((ref) => {
      const s = this.mustGet(ref.id);
      if (s.desired < 1 || !s.changedAt) return [];
      const at = (offset: number) => (s.changedAt!.getTime() + offset <= now ? new Date(s.changedAt!.getTime() + offset) : undefined);
      return Array.from({ length: s.desired }, () => ({
        member: ref.id,
        pullStartedAt: at(p.provisioningMs),
        pullStoppedAt: at(p.provisioningMs + p.imagePullMs),
        startedAt: at(this.runningAfterMs()),
      }));
    });
  }

  async wakeMember(member: MemberSnapshot): Promise<void> {
    this.maybeFail('wake');
    const s = this.mustGet(member.ref.id);
    this.calls.push({ op: 'wake', member: member.ref.id, at: this.clock.now() });
    s.minCapacity = 1;
    s.scaleInSuspended = true;
    if (s.desired < 1) {
      s.desired = 1;
      s.changedAt = this.clock.now();
    }
  }

  async sleepMember(member: MemberSnapshot): Promise<void> {
    this.maybeFail('sleep');
    const s = this.mustGet(member.ref.id);
    this.calls.push({ op: 'sleep', member: member.ref.id, at: this.clock.now() });
    s.minCapacity = 0;
    if (s.desired !== 0) {
      s.desired = 0;
      s.changedAt = this.clock.now();
    }
  }

  /**
   * True when every member runs and the simulated load balancer passes traffic (healthy, then the load
   * balancer phase): what the simulated Jitsi web uses to answer its probe paths.
   */
  async allRunning(): Promise<boolean> {
    const snapshots = await this.describe();
    const now = this.clock.now().getTime();
    const servingAfter = this.runningAfterMs() + this.phases.healthChecksMs + this.phases.loadBalancerMs;
    return snapshots.every((m) => {
      const changedAt = this.mustGet(m.ref.id).changedAt;
      return m.desired > 0 && m.running >= m.desired && (!changedAt || now - changedAt.getTime() >= servingAfter);
    });
  }

  private runningAfterMs(): number {
    return this.phases.provisioningMs + this.phases.imagePullMs + this.phases.containerStartMs;
  }

  private maybeFail(op: 'wake' | 'sleep' | 'describe'): void {
    const index = this.failures.findIndex((f) => f.op === op);
    if (index >= 0) throw this.failures.splice(index, 1)[0]!.error;
  }

  private mustGet(id: string): MemberState {
    const s = this.state.get(id);
    if (!s) throw new Error(`unknown member ${id}`);
    return s;
  }
}

/** A probe whose answer tests set directly. */
export class FixedProbe implements ReadinessProbe {
  checks = 0;
  constructor(public ok = true) {}
  async check() {
    this.checks += 1;
    return { ok: this.ok, detail: this.ok ? '/ 200' : '/ 503' };
  }
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private t = new Date('2026-11-26T12:00:00Z').getTime()) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
