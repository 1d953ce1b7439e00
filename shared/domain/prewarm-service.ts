import type { GroupController } from './controller.js';
import type { GroupStatus } from './group-state.js';
import { MINUTE_MS } from './iso-time.js';
import { parsePrewarmId, planPrewarm, prewarmInput, PREWARM_PREFIX, type PrewarmSettings } from './prewarm.js';
import type { Clock } from './service-group.js';
import type { Schedules } from './schedules.js';
import type { HoldGate } from './hold-gate.js';

export interface PrewarmEntry {
  id: string;
  /** Meeting start. */
  start: string;
  /** When the group wakes: start minus the currently configured lead time. */
  wakeAt: string;
  state?: string;
}

export type PrewarmCreateResult =
  | { kind: 'invalid'; reason: string }
  /** A maintenance hold covers the wake time. */
  | { kind: 'refused'; reason: string }
  | { kind: 'scheduled'; created: boolean; entry: PrewarmEntry }
  | { kind: 'woke-now'; start: string; status: GroupStatus; scaledUp: string[] };

export type PrewarmCancelResult = 'cancelled' | 'not-found' | 'invalid-id';

/** Create, list and cancel pre-warms; shared by the wake API and the operator CLI. */
export class PrewarmService {
  constructor(
    private readonly schedules: Schedules,
    private readonly controller: GroupController,
    private readonly clock: Clock,
    private readonly settings: PrewarmSettings & { functionArn: string },
    private readonly holds?: HoldGate,
  ) {}

  async create(startText: unknown, requestedBy: string): Promise<PrewarmCreateResult> {
    const plan = planPrewarm(startText, this.clock.now(), this.settings);
    if (!plan.ok) return { kind: 'invalid', reason: plan.reason };
    const held = this.holds ? await this.holds.check('prewarm', plan.wakeNow ? this.clock.now() : plan.wakeAt) : undefined;
    if (held && !held.allow) return { kind: 'refused', reason: held.reason };
    if (plan.wakeNow) {
      const result = await this.controller.wake(`pre-warm for a meeting at ${plan.start.toISOString()} (${requestedBy}), within the lead time`);
      return { kind: 'woke-now', start: plan.start.toISOString(), status: result.status, scaledUp: result.scaledUp };
    }
    const outcome = await this.schedules.createOnce({
      name: plan.id,
      at: plan.wakeAt,
      targetArn: this.settings.functionArn,
      input: prewarmInput(plan.id, plan.start, plan.wakeAt),
      description: `Pre-warm for a meeting at ${plan.start.toISOString()} (${requestedBy})`,
    });
    return { kind: 'scheduled', created: outcome === 'created', entry: this.entry(plan.id, plan.start) };
  }

  async list(): Promise<PrewarmEntry[]> {
    const found = await this.schedules.list(PREWARM_PREFIX);
    return found
      .flatMap((s) => {
        const start = parsePrewarmId(s.name);
        return start ? [{ ...this.entry(s.name, start), state: s.state }] : [];
      })
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  async cancel(id: string): Promise<PrewarmCancelResult> {
    if (!parsePrewarmId(id)) return 'invalid-id';
    return (await this.schedules.cancel(id)) === 'deleted' ? 'cancelled' : 'not-found';
  }

  private entry(id: string, start: Date): PrewarmEntry {
    return { id, start: start.toISOString(), wakeAt: new Date(start.getTime() - this.settings.leadMinutes * MINUTE_MS).toISOString() };
  }
}
