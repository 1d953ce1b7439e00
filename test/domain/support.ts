import { GroupController, type ControllerEvents, type ControllerSettings } from '../../shared/domain/controller.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { parseMemberRef, type MemberRef, type MemberSnapshot, type ServiceGroup } from '../../shared/domain/service-group.js';

export const members = ['jitsi/web', 'jitsi/jvb'].map((t) => parseMemberRef(t) as MemberRef);

export const settings: ControllerSettings = {
  statusCacheMs: 0, probeSuccessesRequired: 2, probeIntervalMs: 1000, expectedWakeSeconds: 60, wakeTimeoutSeconds: 600,
};

/** Counts what the controller asks of the group and can slow the group down, so overlaps are real. */
export class CountingGroup implements ServiceGroup {
  describes = 0;
  wakes: string[] = [];
  sleeps: string[] = [];
  constructor(private readonly inner: ServiceGroup, private readonly delayMs = 0) {}
  get members() { return this.inner.members; }
  async describe(): Promise<MemberSnapshot[]> {
    this.describes += 1;
    await pause(this.delayMs);
    return this.inner.describe();
  }
  async wakeMember(member: MemberSnapshot): Promise<void> {
    this.wakes.push(member.ref.id);
    await pause(this.delayMs);
    return this.inner.wakeMember(member);
  }
  async sleepMember(member: MemberSnapshot): Promise<void> {
    this.sleeps.push(member.ref.id);
    await pause(this.delayMs);
    return this.inner.sleepMember(member);
  }
}

/** A group whose snapshots tests write directly (failed rollouts, missing services). */
export class ScriptedGroup implements ServiceGroup {
  wakes = 0;
  constructor(public snapshots: MemberSnapshot[]) {}
  get members() { return this.snapshots.map((s) => s.ref); }
  async describe() { return this.snapshots.map((s) => ({ ...s })); }
  async wakeMember() { this.wakes += 1; }
  async sleepMember() { /* not needed */ }
}

export function snapshot(id: string, fields: Partial<MemberSnapshot> = {}): MemberSnapshot {
  return { ref: parseMemberRef(id) as MemberRef, exists: true, desired: 0, running: 0, pending: 0, health: 'NONE', rolloutFailed: false, ...fields };
}

export function setup(options: { startDelayMs?: number; settings?: Partial<ControllerSettings>; delayMs?: number; events?: ControllerEvents } = {}) {
  const clock = new ManualClock();
  const sim = new SimulatedServiceGroup(members, clock, { startDelayMs: options.startDelayMs ?? 20_000, stopDelayMs: 2000, healthChecks: true });
  const group = new CountingGroup(sim, options.delayMs);
  const probe = new FixedProbe(true);
  const controller = new GroupController(group, probe, clock, { ...settings, ...options.settings }, options.events);
  return { clock, sim, group, probe, controller };
}

export function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function throttlingError(): Error {
  return Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
}
