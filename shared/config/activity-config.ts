import type { ActivityMetric } from '../adapters/aws/metric-activity-source.js';
import { FUNCTION_REF, readCoreConfig, type CoreConfig } from './core-config.js';
import { EnvReader, type Env } from './env-reader.js';

/** Where the probe looks on each task IP: ports only, the paths are fixed in code. */
export interface StatsConfig {
  jicofoPort: number;
  jvbPort: number;
  timeoutMs: number;
}

/** How the watcher (and every stop path's re-check) reads live activity. */
export type ActivitySourceConfig =
  | { kind: 'probe'; probeFunctionName: string }
  | { kind: 'metric'; metric: ActivityMetric };

export interface WatchConfig extends CoreConfig {
  stats: StatsConfig;
  activity: ActivitySourceConfig;
}

const STAT = /^(SampleCount|Average|Sum|Minimum|Maximum|p\d{1,2}(\.\d{1,2})?)$/;

export function readStatsConfig(r: EnvReader): StatsConfig {
  return {
    jicofoPort: r.int('JICOFO_STATS_PORT', 8888, 1, 65535),
    jvbPort: r.int('JVB_STATS_PORT', 8080, 1, 65535),
    // Two requests may run one after the other (/colibri/stats 404, then /metrics): 2 × 4 s fits the probe's 10 s.
    timeoutMs: r.int('STATS_TIMEOUT_MS', 2000, 100, 4000),
  };
}

export function readActivityConfig(r: EnvReader, backend: CoreConfig['backend']): ActivitySourceConfig {
  const kind = r.oneOf('ACTIVITY_SOURCE', ['probe', 'metric'] as const, 'probe');
  if (kind === 'probe') {
    // The simulated backend reads the simulated Jitsi in process; only AWS needs the probe function.
    const probeFunctionName = backend === 'aws' ? r.string('PROBE_FUNCTION_NAME') : (r.optional('PROBE_FUNCTION_NAME') ?? 'local-probe');
    if (probeFunctionName && !FUNCTION_REF.test(probeFunctionName)) r.fail(`PROBE_FUNCTION_NAME must be a Lambda function name or ARN (got "${probeFunctionName}")`);
    return { kind, probeFunctionName };
  }
  const stat = r.string('ACTIVITY_METRIC_STAT', 'Maximum');
  if (!STAT.test(stat)) r.fail(`ACTIVITY_METRIC_STAT must be a CloudWatch statistic such as Maximum or p99 (got "${stat}")`);
  return {
    kind,
    metric: {
      namespace: r.string('ACTIVITY_METRIC_NAMESPACE'),
      name: r.string('ACTIVITY_METRIC_NAME'),
      dimensions: readDimensions(r, 'ACTIVITY_METRIC_DIMENSIONS'),
      stat,
      maxAgeSeconds: r.int('ACTIVITY_METRIC_MAX_AGE_SECONDS', 300, 60, 3600),
    },
  };
}

export function readWatchConfig(r: EnvReader): WatchConfig {
  const core = readCoreConfig(r);
  return { ...core, stats: readStatsConfig(r), activity: readActivityConfig(r, core.backend) };
}

export function loadWatchConfig(env: Env = process.env): WatchConfig {
  const r = new EnvReader(env);
  const config = readWatchConfig(r);
  r.done();
  return config;
}

/** The probe needs no AWS settings at all: it only does HTTP to the IPs it is given. */
export function loadProbeConfig(env: Env = process.env): StatsConfig {
  const r = new EnvReader(env);
  const config = readStatsConfig(r);
  r.done();
  return config;
}

/** `k=v,k=v` (CloudWatch allows 30 dimensions). */
function readDimensions(r: EnvReader, name: string): Record<string, string> {
  const dimensions: Record<string, string> = {};
  for (const pair of r.optional(name)?.split(',').map((p) => p.trim()).filter(Boolean) ?? []) {
    const [key, ...rest] = pair.split('=');
    const value = rest.join('=').trim();
    if (!key?.trim() || !value) r.fail(`${name} must look like "Name=value,Name=value" (bad pair "${pair}")`);
    else dimensions[key.trim()] = value;
  }
  if (Object.keys(dimensions).length > 30) r.fail(`${name} may list at most 30 dimensions`);
  return dimensions;
}
