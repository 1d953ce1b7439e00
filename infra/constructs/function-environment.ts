import type { ControllerConfig } from '../config-schema.js';
import type { FunctionName } from './function-catalog.js';

/**
 * Environment variables per function, following docs/CONTRACTS.md. Values that point at other
 * resources (probe name, schedule group, roles, alarm names) are added by the controller construct
 * once those resources exist.
 */
export function baseEnvironment(name: FunctionName, c: ControllerConfig): Record<string, string> {
  const observability = {
    // One service name for every function: the Powertools `service` metric dimension stays the same, so
    // the dashboard sums Wakes/Stops across functions; logs still carry each function's own name.
    POWERTOOLS_SERVICE_NAME: c.powertoolsServiceName,
    METRIC_NAMESPACE: c.metricNamespace,
  };
  const stats = {
    JICOFO_STATS_PORT: String(c.jicofoStatsPort),
    JVB_STATS_PORT: String(c.jvbStatsPort),
    STATS_TIMEOUT_MS: String(c.statsTimeoutMs),
  };
  if (name === 'probe') return { ...observability, ...stats };

  const core = {
    // First, so nothing the stack sets can be replaced (synth also rejects such keys: CONSTRUCT_ENVIRONMENT).
    ...c.extraEnvironment,
    ...observability,
    ...groupEnvironment(c),
    CONTROLLER_BACKEND: 'aws',
  };
  const activity = { ...activityEnvironment(c), ...stats };
  switch (name) {
    case 'wake':
      return { ...core, ...(c.supportContact ? { SUPPORT_CONTACT: c.supportContact } : {}) };
    case 'prewarm-api':
      return {
        ...core,
        TIME_ZONE: c.timeZone,
        PREWARM_LEAD_MINUTES: String(c.prewarmLeadMinutes),
        PREWARM_MAX_DAYS_AHEAD: String(c.prewarmMaxDaysAhead),
        // PREWARM_TOKEN_PARAMETER, PREWARM_FUNCTION_ARN and the schedule variables come with the wiring.
      };
    case 'watch':
      return { ...core, ...activity };
    case 'idle-shutdown':
      return {
        ...core,
        ...activity,
        NO_JOIN_MINUTES: String(c.noJoinMinutes),
        EMPTY_MINUTES: String(c.emptyMinutes),
        STOP_GRACE_MINUTES: String(c.stopGraceMinutes),
      };
    case 'power-down':
      return {
        ...core,
        ...activity,
        TIME_ZONE: c.timeZone,
        POWER_DOWN_POLICY: c.powerDownPolicy,
        POWER_DOWN_RECHECK_MINUTES: String(c.powerDownRecheckMinutes),
        POWER_DOWN_MAX_DEFER_MINUTES: String(c.powerDownMaxDeferMinutes),
        // The idle shutdown's stop grace, read against the wake function's metrics (DESIGN invariant 4).
        STOP_GRACE_MINUTES: String(c.stopGraceMinutes),
      };
    case 'prewarm':
      return core;
  }
}

/** The service group and its wake settings, as every function but the probe (and the operator CLI) reads them. */
export function groupEnvironment(c: ControllerConfig): Record<string, string> {
  return {
    SERVICE_GROUP: c.serviceGroup.join(','),
    MEETING_BASE_URL: c.meetingBaseUrl,
    WORKING_MIN_TASKS: String(c.workingMinTasks),
    EXPECTED_WAKE_SECONDS: String(c.expectedWakeSeconds),
    GROUP_NAME: c.groupName,
  };
}

/** Where live activity is read (ACTIVITY_SOURCE and, for `metric`, which metric), for the functions and the CLI. */
export function activityEnvironment(c: ControllerConfig): Record<string, string> {
  return {
    ACTIVITY_SOURCE: c.activitySource,
    ...(c.activitySource === 'metric'
      ? {
        ACTIVITY_METRIC_NAMESPACE: c.activityMetricNamespace ?? '',
        ACTIVITY_METRIC_NAME: c.activityMetricName ?? '',
        ACTIVITY_METRIC_DIMENSIONS: Object.entries(c.activityMetricDimensions).map(([k, v]) => `${k}=${v}`).join(','),
        ACTIVITY_METRIC_STAT: c.activityMetricStat,
      }
      : {}),
  };
}
