import type { AlarmControl } from './activity-ports.js';
import type { MemberSnapshot, ServiceGroup } from './service-group.js';

/**
 * Sets every idle alarm back to OK. CloudWatch evaluates the last N *real* datapoints, so after a stop (no
 * data while asleep) an alarm can stay in ALARM for minutes; a wake in that window with nobody joining would
 * then never produce a new transition, and the group would run until the nightly power-down. Resetting on
 * every wake and stop makes the next idle stretch a fresh transition. Returns the failures (best effort).
 */
export async function resetIdleAlarms(alarms: AlarmControl, names: readonly string[], reason: string): Promise<string[]> {
  const results = await Promise.allSettled(names.map((name) => alarms.rearm(name, reason)));
  return results.flatMap((r, i) => (r.status === 'rejected' ? [`${names[i]}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`] : []));
}

/**
 * A ServiceGroup that resets the idle alarms after each successful wake or sleep of a member, whatever path
 * asked for it (wake page, pre-warm, idle shutdown, nightly power-down). Concurrent resets share one call.
 */
export class AlarmResettingGroup implements ServiceGroup {
  private inflight?: Promise<void>;

  constructor(
    private readonly inner: ServiceGroup,
    private readonly alarms: AlarmControl,
    private readonly names: readonly string[],
    private readonly onResetFailed: (failures: string[]) => void = () => undefined,
  ) {}

  get members() {
    return this.inner.members;
  }

  describe(): Promise<MemberSnapshot[]> {
    return this.inner.describe();
  }

  async wakeMember(member: MemberSnapshot): Promise<void> {
    await this.inner.wakeMember(member);
    await this.reset(`reset on wake of ${member.ref.id}`);
  }

  async sleepMember(member: MemberSnapshot): Promise<void> {
    await this.inner.sleepMember(member);
    await this.reset(`reset after stopping ${member.ref.id}`);
  }

  private reset(reason: string): Promise<void> {
    this.inflight ??= resetIdleAlarms(this.alarms, this.names, reason)
      .then((failures) => { if (failures.length > 0) this.onResetFailed(failures); })
      .finally(() => { this.inflight = undefined; });
    return this.inflight;
  }
}
