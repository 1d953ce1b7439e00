import type { Clock } from '../../domain/service-group.js';
import type { OneTimeScheduleRequest, ScheduleEntry, Schedules } from '../../domain/schedules.js';

export interface ScheduleCall {
  op: 'create' | 'list' | 'cancel';
  name: string;
}

/**
 * In-memory Schedules for tests and local mode. `takeDue` hands out schedules whose time has come and removes
 * them, as `ActionAfterCompletion: DELETE` does; the local loop invokes their targets.
 */
export class MemorySchedules implements Schedules {
  readonly calls: ScheduleCall[] = [];
  private readonly entries = new Map<string, { request: OneTimeScheduleRequest; createdAt: Date }>();
  private readonly failures: Array<{ op: ScheduleCall['op']; error: Error }> = [];

  constructor(private readonly clock: Clock) {}

  failNext(op: ScheduleCall['op'], error: Error): void {
    this.failures.push({ op, error });
  }

  async createOnce(request: OneTimeScheduleRequest): Promise<'created' | 'exists'> {
    this.record('create', request.name);
    if (this.entries.has(request.name)) return 'exists';
    this.entries.set(request.name, { request: { ...request, input: structuredClone(request.input) }, createdAt: this.clock.now() });
    return 'created';
  }

  async list(namePrefix: string): Promise<ScheduleEntry[]> {
    this.record('list', namePrefix);
    return [...this.entries.values()]
      .filter((e) => e.request.name.startsWith(namePrefix))
      .map((e) => ({ name: e.request.name, state: 'ENABLED', targetArn: e.request.targetArn, createdAt: e.createdAt }));
  }

  async cancel(name: string): Promise<'deleted' | 'not-found'> {
    this.record('cancel', name);
    return this.entries.delete(name) ? 'deleted' : 'not-found';
  }

  /** Every schedule, for assertions. */
  all(): OneTimeScheduleRequest[] {
    return [...this.entries.values()].map((e) => e.request);
  }

  takeDue(now: Date = this.clock.now()): OneTimeScheduleRequest[] {
    const due = [...this.entries.values()].filter((e) => e.request.at.getTime() <= now.getTime()).map((e) => e.request);
    for (const request of due) this.entries.delete(request.name);
    return due.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  private record(op: ScheduleCall['op'], name: string): void {
    const index = this.failures.findIndex((f) => f.op === op);
    if (index >= 0) throw this.failures.splice(index, 1)[0]!.error;
    this.calls.push({ op, name });
  }
}
