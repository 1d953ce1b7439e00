import { loadProbeConfig, loadWatchConfig } from '../../shared/config/activity-config.js';
import { ConfigError } from '../../shared/config/env-reader.js';
import { loadIdleShutdownConfig } from '../../shared/config/idle-config.js';
import { loadLocalIdleConfig } from '../../shared/config/local-idle-config.js';

const core = { SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: 'https://meet.example.org' };
const problems = (load: () => unknown): string[] => {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('watch, probe and idle-shutdown configuration', () => {
  it('watch defaults: the probe source, Jicofo 8888, JVB 8080, 2 s timeout', () => {
    expect(loadWatchConfig({ ...core, PROBE_FUNCTION_NAME: 'jitsi-probe' })).toMatchObject({
      activity: { kind: 'probe', probeFunctionName: 'jitsi-probe' },
      stats: { jicofoPort: 8888, jvbPort: 8080, timeoutMs: 2000 },
      metricNamespace: 'JitsiScaleToZero',
      groupName: 'jitsi',
    });
  });

  it('the metric source with dimensions', () => {
    const config = loadWatchConfig({ ...core, ACTIVITY_SOURCE: 'metric', ACTIVITY_METRIC_NAMESPACE: 'Sidecar', ACTIVITY_METRIC_NAME: 'Participants', ACTIVITY_METRIC_DIMENSIONS: 'Cluster=jitsi, Service=web' });
    expect(config.activity).toEqual({
      kind: 'metric',
      metric: { namespace: 'Sidecar', name: 'Participants', dimensions: { Cluster: 'jitsi', Service: 'web' }, stat: 'Maximum', maxAgeSeconds: 300 },
    });
  });

  it('one error names every bad variable', () => {
    expect(problems(() => loadIdleShutdownConfig({
      ...core, PROBE_FUNCTION_NAME: 'not a name!', JICOFO_STATS_PORT: '70000', NO_JOIN_ALARM_NAME: 'same', EMPTY_ALARM_NAME: 'same', EMPTY_MINUTES: '0', STOP_GRACE_MINUTES: 'x',
    }))).toEqual([
      'JICOFO_STATS_PORT must be an integer from 1 to 65535 (got "70000")',
      'PROBE_FUNCTION_NAME must be a Lambda function name or ARN (got "not a name!")',
      'NO_JOIN_ALARM_NAME and EMPTY_ALARM_NAME must be different alarms',
      'EMPTY_MINUTES must be an integer from 1 to 1440 (got "0")',
      'STOP_GRACE_MINUTES must be an integer from 0 to 120 (got "x")',
    ]);
    expect(problems(() => loadWatchConfig({ ...core, ACTIVITY_SOURCE: 'metric', ACTIVITY_METRIC_STAT: 'Median', ACTIVITY_METRIC_DIMENSIONS: 'Cluster' }))).toEqual([
      'ACTIVITY_METRIC_STAT must be a CloudWatch statistic such as Maximum, p99 or tm90 (got "Median")',
      'ACTIVITY_METRIC_NAMESPACE is required',
      'ACTIVITY_METRIC_NAME is required',
      'ACTIVITY_METRIC_DIMENSIONS must look like "Name=value,Name=value" (bad pair "Cluster")',
    ]);
  });

  it('the AWS backend needs the probe function and the alarm names', () => {
    expect(problems(() => loadIdleShutdownConfig(core))).toEqual(['PROBE_FUNCTION_NAME is required', 'NO_JOIN_ALARM_NAME is required', 'EMPTY_ALARM_NAME is required']);
  });

  it('idle windows in milliseconds; the wake metric service defaults to this function\'s service name', () => {
    const config = loadIdleShutdownConfig({ ...core, PROBE_FUNCTION_NAME: 'p', NO_JOIN_ALARM_NAME: 'a', EMPTY_ALARM_NAME: 'b', POWERTOOLS_SERVICE_NAME: 'jitsi-stz' });
    expect(config.idle).toEqual({ noJoinMs: 600_000, emptyMs: 900_000, graceMs: 300_000 });
    expect(config.wakeMetricService).toBe('jitsi-stz');
  });

  it('the probe reads only its ports and timeout', () => {
    expect(loadProbeConfig({ JVB_STATS_PORT: '9090', STATS_TIMEOUT_MS: '500' })).toEqual({ jicofoPort: 8888, jvbPort: 9090, timeoutMs: 500 });
    expect(problems(() => loadProbeConfig({ STATS_TIMEOUT_MS: '60000' }))).toEqual(['STATS_TIMEOUT_MS must be an integer from 100 to 4000 (got "60000")']);
  });

  it('local windows in seconds, at least one watcher period', () => {
    expect(loadLocalIdleConfig({})).toEqual({ watchIntervalMs: 5000, idle: { noJoinMs: 60_000, emptyMs: 20_000, graceMs: 10_000 } });
    expect(problems(() => loadLocalIdleConfig({ LOCAL_WATCH_INTERVAL_SECONDS: '30', LOCAL_EMPTY_SECONDS: '10' }))).toEqual([
      'LOCAL_NO_JOIN_SECONDS and LOCAL_EMPTY_SECONDS must be at least LOCAL_WATCH_INTERVAL_SECONDS',
    ]);
  });
});
