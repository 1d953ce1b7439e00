import { EcsServiceGroup } from './adapters/aws/ecs-service-group.js';
import { HttpReadinessProbe } from './adapters/http/readiness-probe.js';
import type { WakeConfig } from './config/core-config.js';
import { AllReadinessProbes, BridgeReadinessProbe, type TaskStatsReader } from './domain/bridge-readiness.js';
import type { ReadinessProbe, ServiceGroup } from './domain/service-group.js';
import { onFirstUse } from './lazy.js';

/**
 * The wake function's readiness: the meeting URL (`/`, `/http-bind`) and, when the probe function is
 * configured, Jicofo's operational bridge count read through it (shared/domain/bridge-readiness.ts).
 */
export function createReadinessProbe(config: WakeConfig, group: ServiceGroup): ReadinessProbe {
  const http = new HttpReadinessProbe(config.readinessBaseUrl, config.probePaths, config.probeTimeoutMs);
  if (!config.readinessProbeFunction || !(group instanceof EcsServiceGroup)) return http;
  // The Lambda client loads when a wake first gets this far (the HTTP probe passed), not at cold start.
  const functionName = config.readinessProbeFunction;
  const load = onFirstUse(async () => (await import('./adapters/aws/probe-activity-source.js')).createProbeActivitySource(functionName, 'interactive'));
  const stats: TaskStatsReader = { readTasks: async (tasks) => (await load()).readTasks(tasks) };
  return new AllReadinessProbes([http, new BridgeReadinessProbe(group, stats)]);
}
