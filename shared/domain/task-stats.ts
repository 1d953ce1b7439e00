import { combineReadings, type Activity, type TaskReading } from './activity.js';
import type { ActivitySource, RunningTaskInfo, StatsFetcher } from './activity-ports.js';
import { parseJicofoStats, parseJvbStats, type HttpAnswer } from './jitsi-stats.js';
import type { ProbeTarget } from './probe-contract.js';

/** Fixed paths: only the ports are configurable, so the probe cannot be pointed at arbitrary URLs. */
export const JICOFO_STATS_PATH = '/stats';
export const JVB_STATS_PATH = '/colibri/stats';
export const JVB_METRICS_PATH = '/metrics';

export interface StatsPorts {
  jicofoPort: number;
  jvbPort: number;
}

/** Reads Jicofo and JVB stats on one task. Used by the probe function and by in-process sources. */
export async function readTaskStats(target: ProbeTarget, fetcher: StatsFetcher, ports: StatsPorts): Promise<TaskReading> {
  const get = (port: number, path: string, accept?: string): Promise<HttpAnswer> =>
    fetcher.get(target.ip, port, path, accept).catch((error: unknown) => ({ kind: 'failed', reason: String(error) }));
  const [jicofo, jvb] = await Promise.all([
    get(ports.jicofoPort, JICOFO_STATS_PATH).then(parseJicofoStats),
    get(ports.jvbPort, JVB_STATS_PATH).then(async (colibri) =>
      // A bridge without COLIBRI_REST_ENABLED answers 404 there; its JSON metrics carry the same counts.
      colibri.kind === 'response' && colibri.status === 404
        ? parseJvbStats(await get(ports.jvbPort, JVB_METRICS_PATH, 'application/json'))
        : parseJvbStats(colibri),
    ),
  ]);
  return { member: target.member, ip: target.ip, jicofo, jvb };
}

/** A task ECS lists without a private IP cannot be read: both endpoints count as failed. */
export function unreadableTask(task: RunningTaskInfo, reason = 'no private IP'): TaskReading {
  return { member: task.member, ip: task.privateIp ?? '-', jicofo: { ok: false, reason }, jvb: { ok: false, reason } };
}

/**
 * Reads stats in this process (local mode, or a deployment where the caller can reach the task IPs).
 * The AWS deployment uses the probe function instead (ProbeActivitySource).
 */
export class DirectActivitySource implements ActivitySource {
  constructor(private readonly fetcher: StatsFetcher, private readonly ports: StatsPorts) {}

  async read(tasks: readonly RunningTaskInfo[]): Promise<Activity> {
    const readings = await Promise.all(
      tasks.map((t) => (t.privateIp ? readTaskStats({ member: t.member, ip: t.privateIp }, this.fetcher, this.ports) : unreadableTask(t))),
    );
    return combineReadings(readings);
  }
}
