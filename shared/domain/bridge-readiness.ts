import type { TaskReading } from './activity.js';
import type { GroupTasks, RunningTaskInfo } from './activity-ports.js';
import type { ReadinessProbe } from './service-group.js';

/** Port: the per-task Jicofo/JVB readings (the probe function), or why there are none. */
export interface TaskStatsReader {
  readTasks(tasks: readonly RunningTaskInfo[]): Promise<TaskReading[] | string>;
}

/**
 * "Ready" means a meeting can start: `/` and `/http-bind` prove nginx and Prosody only, so this also asks
 * Jicofo (through the probe) for `bridge_selector.operational_bridge_count`; nobody is sent into a meeting
 * before a bridge is there. An unreadable Jicofo is "not ready", with the reason in the detail.
 */
export class BridgeReadinessProbe implements ReadinessProbe {
  constructor(private readonly group: Pick<GroupTasks, 'runningTasks'>, private readonly stats: TaskStatsReader) {}

  async check(): Promise<{ ok: boolean; detail: string }> {
    const readings = await this.stats.readTasks(await this.group.runningTasks());
    if (typeof readings === 'string') return { ok: false, detail: `Jicofo stats: ${readings}` };
    const jicofo = readings.flatMap((r) => (r.jicofo.ok ? [r.jicofo] : []));
    if (jicofo.length === 0) {
      const reasons = readings.map((r) => `${r.member} ${r.ip}: ${r.jicofo.ok ? 'ok' : r.jicofo.reason}`).join(', ');
      return { ok: false, detail: `Jicofo stats unreadable (${reasons || 'no running task'})` };
    }
    const bridges = jicofo.reduce((total, r) => total + (r.bridges ?? 0), 0);
    return bridges >= 1
      ? { ok: true, detail: `${bridges} operational bridge(s)` }
      : { ok: false, detail: 'Jicofo has no operational bridge yet' };
  }
}

/** Every probe in order; the first that fails decides (later ones are not asked). */
export class AllReadinessProbes implements ReadinessProbe {
  constructor(private readonly probes: readonly ReadinessProbe[]) {}

  async check(): Promise<{ ok: boolean; detail: string }> {
    const details: string[] = [];
    for (const probe of this.probes) {
      const result = await probe.check();
      if (!result.ok) return { ok: false, detail: result.detail };
      details.push(result.detail);
    }
    return { ok: true, detail: details.join(', ') };
  }
}
