import type { AlertsConfig } from './config/alerts.js';
import { canonicalTimeZone, DEFAULT_METRIC_STAT, isCloudWatchStatistic, isTimeZone, RANGES } from '../shared/config/limits.js';
import { wallClockClashes } from './config-wall-clock.js';

/**
 * Every deploy-time setting, its type, default and limits. `cdk.json` repeats the defaults under the
 * `jitsi-scale-to-zero` context key so users can see every knob; a test keeps the two in step.
 */
export type FieldKind = 'string' | 'int' | 'bool' | 'list' | 'map';

export interface Field {
  kind: FieldKind;
  /** Absent default and not `optional`: the key is required. */
  default?: string | number | boolean | string[] | Record<string, string>;
  optional?: boolean;
  min?: number;
  max?: number;
  oneOf?: readonly string[];
  /** Checked against a string, or against every element of a list. */
  pattern?: RegExp;
  /** A string check beyond the pattern (shared with the functions' readers, shared/config/limits.ts). */
  check?: (value: string) => boolean;
  /** What a valid value looks like, used in error messages. */
  hint?: string;
}

const CLUSTER_SERVICE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}\/[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
/** The same member syntax the functions accept (shared/domain/service-group.ts). */
export const SERVICE_ARN = /^arn:(aws[a-z-]*):ecs:([a-z0-9-]+):(\d{12}):service\/([A-Za-z0-9_-]{1,255})\/([A-Za-z0-9_-]{1,255})$/;
const MEMBER = new RegExp(`${SERVICE_ARN.source}|${CLUSTER_SERVICE.source}`);
/**
 * Ranges and checks of every value that reaches a function come from shared/config/limits.ts, the module
 * the functions' cold-start readers use too: synth accepts exactly what the functions accept. It is pure
 * data (no runtime code), so infra/ still never imports a function or an adapter.
 */
const INT = 'int' as const;

export const FIELDS = {
  stackName: { kind: 'string', default: 'JitsiScaleToZero', pattern: /^[A-Za-z][A-Za-z0-9-]{0,100}$/, hint: 'a CloudFormation stack name' },
  account: { kind: 'string', optional: true, pattern: /^\d{12}$/, hint: 'a 12-digit AWS account id' },
  region: { kind: 'string', optional: true, pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, hint: 'an AWS region such as eu-central-1' },

  serviceGroup: { kind: 'list', pattern: MEMBER, hint: 'ECS service ARNs or cluster/service names' },
  meetingBaseUrl: { kind: 'string', pattern: /^https:\/\/[^\s?#]+$/, hint: 'an https:// URL without query or fragment' },
  groupName: { kind: 'string', default: 'jitsi', pattern: /^[A-Za-z0-9_.-]{1,64}$/ },
  metricNamespace: { kind: 'string', default: 'JitsiScaleToZero', pattern: /^[A-Za-z0-9_./#:-]{1,255}$/ },
  powertoolsServiceName: { kind: 'string', default: 'jitsi-scale-to-zero', pattern: /^[A-Za-z0-9_.-]{1,64}$/ },
  timeZone: { kind: 'string', default: 'UTC', check: isTimeZone, hint: 'an IANA time zone such as Europe/Berlin' },
  workingMinTasks: { kind: INT, ...RANGES.workingMinTasks },
  expectedWakeSeconds: { kind: INT, ...RANGES.expectedWakeSeconds },
  supportContact: { kind: 'string', optional: true },

  activitySource: { kind: 'string', default: 'probe', oneOf: ['probe', 'metric'] },
  vpcId: { kind: 'string', optional: true, pattern: /^vpc-[0-9a-f]{8,17}$/, hint: 'vpc-…' },
  subnetIds: { kind: 'list', default: [], pattern: /^subnet-[0-9a-f]{8,17}$/, hint: 'subnet-… ids' },
  taskSecurityGroupIds: { kind: 'list', default: [], pattern: /^sg-[0-9a-f]{8,17}$/, hint: 'sg-… ids' },
  jicofoStatsPort: { kind: INT, ...RANGES.jicofoStatsPort },
  jvbStatsPort: { kind: INT, ...RANGES.jvbStatsPort },
  statsTimeoutMs: { kind: INT, ...RANGES.statsTimeoutMs },
  activityMetricNamespace: { kind: 'string', optional: true },
  activityMetricName: { kind: 'string', optional: true },
  activityMetricDimensions: { kind: 'map', default: {} },
  activityMetricStat: { kind: 'string', default: DEFAULT_METRIC_STAT, check: isCloudWatchStatistic, hint: 'a CloudWatch statistic such as Maximum, p99 or tm90' },

  noJoinMinutes: { kind: INT, ...RANGES.noJoinMinutes },
  emptyMinutes: { kind: INT, ...RANGES.emptyMinutes },
  stopGraceMinutes: { kind: INT, ...RANGES.stopGraceMinutes },

  powerDownEnabled: { kind: 'bool', default: true },
  // 04:30: outside every daylight-saving window of every IANA zone (test/infra/config-wall-clock.test.ts);
  // 02:00 is skipped in spring in Europe and North America, 03:00-03:59 in Eastern Europe.
  powerDownTime: { kind: 'string', default: '04:30', pattern: /^([01]\d|2[0-3]):[0-5]\d$/, hint: 'HH:MM (24 h)' },
  powerDownPolicy: { kind: 'string', default: 'defer', oneOf: ['defer', 'force'] },
  powerDownRecheckMinutes: { kind: INT, ...RANGES.powerDownRecheckMinutes },
  powerDownMaxDeferMinutes: { kind: INT, ...RANGES.powerDownMaxDeferMinutes },

  prewarmTokenParameter: { kind: 'string', optional: true, pattern: /^[A-Za-z0-9_.\-/]{1,1011}$/, hint: 'an SSM parameter name such as /jitsi/prewarm-token' },
  prewarmLeadMinutes: { kind: INT, ...RANGES.prewarmLeadMinutes },
  prewarmMaxDaysAhead: { kind: INT, ...RANGES.prewarmMaxDaysAhead },

  // Sized for 200 people waiting at once (docs/deploy.md "Throttling"): 200 pages polling every 4 s are
  // 50 requests/s; 200 arriving together send about 600 requests (page, favicon, first wake) in a second.
  throttleRateLimit: { kind: 'int', default: 100, min: 1, max: 10_000 },
  throttleBurstLimit: { kind: 'int', default: 500, min: 1, max: 5_000 },
  domainName: { kind: 'string', optional: true, pattern: /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, hint: 'a lower-case host name' },
  certificateArn: { kind: 'string', optional: true, pattern: /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, hint: 'an ACM certificate ARN' },

  logRetentionDays: { kind: 'int', default: 30, min: 1, max: 3653 },
  /** A custom dashboard costs $3/month beyond an account's three free ones. */
  dashboardEnabled: { kind: 'bool', default: true },
  // USD per task-hour for the dashboard's cost widgets; the default is 4 vCPU / 8 GB x86 in us-east-1 (list, 2026).
  dashboardHourlyTaskCost: { kind: 'string', default: '0.19748', pattern: /^\d{1,3}(\.\d{1,8})?$/, hint: 'USD per task-hour, e.g. 0.19748' },
  /** Off by default: measured in docs/deploy.md (bigger upload, slower cold start). */
  sourceMaps: { kind: 'bool', default: false },
  extraEnvironment: { kind: 'map', default: {} },
} as const satisfies Record<string, Field>;

export type ConfigKey = keyof typeof FIELDS;

export interface ControllerConfig {
  stackName: string;
  account?: string;
  region?: string;
  serviceGroup: string[];
  meetingBaseUrl: string;
  groupName: string;
  metricNamespace: string;
  powertoolsServiceName: string;
  timeZone: string;
  workingMinTasks: number;
  expectedWakeSeconds: number;
  supportContact?: string;
  activitySource: 'probe' | 'metric';
  vpcId?: string;
  subnetIds: string[];
  taskSecurityGroupIds: string[];
  jicofoStatsPort: number;
  jvbStatsPort: number;
  statsTimeoutMs: number;
  activityMetricNamespace?: string;
  activityMetricName?: string;
  activityMetricDimensions: Record<string, string>;
  activityMetricStat: string;
  noJoinMinutes: number;
  emptyMinutes: number;
  stopGraceMinutes: number;
  powerDownEnabled: boolean;
  powerDownTime: string;
  powerDownPolicy: 'defer' | 'force';
  powerDownRecheckMinutes: number;
  powerDownMaxDeferMinutes: number;
  prewarmTokenParameter?: string;
  prewarmLeadMinutes: number;
  prewarmMaxDaysAhead: number;
  throttleRateLimit: number;
  throttleBurstLimit: number;
  domainName?: string;
  certificateArn?: string;
  logRetentionDays: number;
  dashboardEnabled: boolean;
  dashboardHourlyTaskCost: string;
  sourceMaps: boolean;
  extraEnvironment: Record<string, string>;
  /** The `alerts` section (infra/config/alerts.ts); absent: no alerts, no cost. */
  alerts?: AlertsConfig;
}

/** CloudWatch Logs accepts only these retention periods. */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * Variables the construct itself sets from this configuration (infra/constructs/function-environment.ts and
 * controller-wiring.ts). `extraEnvironment` may tune anything else the functions read, never these: an
 * override would make a function disagree with the stack built around it (test/infra/config.test.ts keeps
 * this list equal to what synth writes).
 */
export const CONSTRUCT_ENVIRONMENT: readonly string[] = [
  'POWERTOOLS_SERVICE_NAME', 'METRIC_NAMESPACE', 'JICOFO_STATS_PORT', 'JVB_STATS_PORT', 'STATS_TIMEOUT_MS',
  'SERVICE_GROUP', 'MEETING_BASE_URL', 'CONTROLLER_BACKEND', 'WORKING_MIN_TASKS', 'EXPECTED_WAKE_SECONDS', 'GROUP_NAME',
  'ACTIVITY_SOURCE', 'ACTIVITY_METRIC_NAMESPACE', 'ACTIVITY_METRIC_NAME', 'ACTIVITY_METRIC_DIMENSIONS', 'ACTIVITY_METRIC_STAT',
  'TIME_ZONE', 'PREWARM_LEAD_MINUTES', 'PREWARM_MAX_DAYS_AHEAD', 'SUPPORT_CONTACT',
  'NO_JOIN_MINUTES', 'EMPTY_MINUTES', 'STOP_GRACE_MINUTES', 'POWER_DOWN_POLICY', 'POWER_DOWN_RECHECK_MINUTES', 'POWER_DOWN_MAX_DEFER_MINUTES',
  'PROBE_FUNCTION_NAME', 'NO_JOIN_ALARM_NAME', 'EMPTY_ALARM_NAME', 'SCHEDULE_GROUP_NAME', 'SCHEDULER_ROLE_ARN',
  'PREWARM_TOKEN_PARAMETER', 'PREWARM_FUNCTION_ARN', 'NODE_OPTIONS', 'LINK_MODE', 'READINESS_BASE_URL', 'HOLD_PARAMETER',
];

/** The IANA name in its canonical case (`europe/berlin` → `Europe/Berlin`), as Scheduler expects it. */
export function canonicalZone(zone: string): string | undefined {
  return canonicalTimeZone(zone);
}

/** Rewrites values that have one canonical spelling; run after the checks pass. */
export function canonicalise(c: ControllerConfig): ControllerConfig {
  return { ...c, timeZone: canonicalZone(c.timeZone) ?? c.timeZone };
}

/**
 * Rules that involve more than one key; each returns the problems it finds. `deployRegion`: where an
 * environment-agnostic stack will be deployed (CDK_DEFAULT_REGION or AWS_REGION at synth), when known.
 */
export function crossFieldProblems(c: ControllerConfig, deployRegion?: string): string[] {
  const problems: string[] = [];
  if (c.serviceGroup.length > 10) problems.push('serviceGroup may list at most 10 services');
  if (new Set(c.serviceGroup).size !== c.serviceGroup.length) problems.push('serviceGroup lists a service twice');
  // The functions call ECS in their own region: every member must be there, pinned or not.
  const arnRegions = [...new Set(c.serviceGroup.flatMap((m) => SERVICE_ARN.exec(m)?.[2] ?? []))];
  const home = c.region ?? deployRegion;
  if (home) {
    const elsewhere = c.serviceGroup.filter((m) => {
      const region = SERVICE_ARN.exec(m)?.[2];
      return region !== undefined && region !== home;
    });
    const why = c.region ? '' : ' (the region this environment-agnostic stack deploys to; set "region" to choose another)';
    if (elsewhere.length) problems.push(`serviceGroup services must be in region ${home}${why}: ${elsewhere.join(', ')}`);
  } else if (arnRegions.length > 1) {
    problems.push(`serviceGroup services must all be in one region (the controller's); found ${arnRegions.join(', ')}`);
  }
  if (c.activitySource === 'probe') {
    if (!c.vpcId) problems.push('vpcId is required when activitySource is "probe" (the probe runs in the service VPC)');
    if (c.subnetIds.length === 0) problems.push('subnetIds is required when activitySource is "probe"');
    if (c.taskSecurityGroupIds.length === 0) problems.push('taskSecurityGroupIds is required when activitySource is "probe"');
    if (c.jicofoStatsPort === c.jvbStatsPort) problems.push('jicofoStatsPort and jvbStatsPort must differ');
  } else if (!c.activityMetricNamespace || !c.activityMetricName) {
    problems.push('activityMetricNamespace and activityMetricName are required when activitySource is "metric"');
  }
  if (Boolean(c.domainName) !== Boolean(c.certificateArn)) problems.push('domainName and certificateArn must be set together');
  const certificateRegion = c.certificateArn?.split(':')[3];
  if (c.region && certificateRegion && certificateRegion !== c.region) {
    problems.push(`certificateArn must be in region ${c.region} (API Gateway regional custom domain)`);
  } else if (!c.region && certificateRegion) {
    // Without a pinned region the stack deploys wherever the CLI points, and a certificate from another
    // region only fails when CloudFormation creates the domain: pin it so synth can check.
    problems.push(`region is required with certificateArn: set region to ${certificateRegion}, the certificate's region (API Gateway regional custom domain)`);
  }
  if (c.powerDownEnabled && isTimeZone(c.timeZone) && /^\d\d:\d\d$/.test(c.powerDownTime)) problems.push(...powerDownTimeProblems(c.powerDownTime, c.timeZone, new Date()));
  if (c.throttleBurstLimit < c.throttleRateLimit) problems.push('throttleBurstLimit must be at least throttleRateLimit');
  if (!RETENTION_DAYS.includes(c.logRetentionDays)) problems.push(`logRetentionDays must be one of ${RETENTION_DAYS.join(', ')}`);
  for (const key of Object.keys(c.extraEnvironment)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(key) || key.startsWith('AWS_')) problems.push(`extraEnvironment key "${key}" is not a usable variable name`);
    else if (CONSTRUCT_ENVIRONMENT.includes(key) || key.startsWith('POWERTOOLS_')) {
      problems.push(`extraEnvironment key "${key}" is set by the stack from its own setting and cannot be overridden`);
    }
  }
  return problems;
}

/** How many years ahead a nightly time must exist exactly once every day. */
export const WALL_CLOCK_YEARS = 5;

/** A nightly time a daylight-saving change skips (Scheduler does not run) or repeats, named by its first date. */
export function powerDownTimeProblems(time: string, zone: string, from: Date): string[] {
  const clashes = wallClockClashes(time, zone, from, WALL_CLOCK_YEARS);
  return (['skipped', 'repeated'] as const).flatMap((kind) => {
    const first = clashes.find((x) => x.kind === kind);
    if (!first) return [];
    const what = kind === 'skipped' ? 'does not exist' : 'happens twice';
    return [`powerDownTime ${time} ${what} in ${zone} on ${first.date} (daylight saving: local ${first.window} is ${kind}); `
      + `EventBridge Scheduler ${kind === 'skipped' ? 'skips' : 'may run twice at'} such a time: choose one outside that window, e.g. 04:30`];
  });
}
