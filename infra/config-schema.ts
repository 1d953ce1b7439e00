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
  /** What a valid value looks like, used in error messages. */
  hint?: string;
}

const CLUSTER_SERVICE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}\/[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
/** The same member syntax the functions accept (shared/domain/service-group.ts). */
export const SERVICE_ARN = /^arn:(aws[a-z-]*):ecs:([a-z0-9-]+):(\d{12}):service\/([A-Za-z0-9_-]{1,255})\/([A-Za-z0-9_-]{1,255})$/;
const MEMBER = new RegExp(`${SERVICE_ARN.source}|${CLUSTER_SERVICE.source}`);
// A one-minute alarm can look back at most one day (1,440 datapoints); the functions accept the same range.
const MINUTES = { kind: 'int', min: 1, max: 1440 } as const;

export const FIELDS = {
  stackName: { kind: 'string', default: 'JitsiScaleToZero', pattern: /^[A-Za-z][A-Za-z0-9-]{0,100}$/, hint: 'a CloudFormation stack name' },
  account: { kind: 'string', optional: true, pattern: /^\d{12}$/, hint: 'a 12-digit AWS account id' },
  region: { kind: 'string', optional: true, pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, hint: 'an AWS region such as eu-central-1' },

  serviceGroup: { kind: 'list', pattern: MEMBER, hint: 'ECS service ARNs or cluster/service names' },
  meetingBaseUrl: { kind: 'string', pattern: /^https:\/\/[^\s?#]+$/, hint: 'an https:// URL without query or fragment' },
  groupName: { kind: 'string', default: 'jitsi', pattern: /^[A-Za-z0-9_.-]{1,64}$/ },
  metricNamespace: { kind: 'string', default: 'JitsiScaleToZero', pattern: /^[A-Za-z0-9_./#:-]{1,255}$/ },
  powertoolsServiceName: { kind: 'string', default: 'jitsi-scale-to-zero', pattern: /^[A-Za-z0-9_.-]{1,64}$/ },
  timeZone: { kind: 'string', default: 'UTC', hint: 'an IANA time zone such as Europe/Berlin' },
  workingMinTasks: { kind: 'int', default: 1, min: 1, max: 100 },
  expectedWakeSeconds: { kind: 'int', default: 240, min: 1, max: 3600 },
  supportContact: { kind: 'string', optional: true },

  activitySource: { kind: 'string', default: 'probe', oneOf: ['probe', 'metric'] },
  vpcId: { kind: 'string', optional: true, pattern: /^vpc-[0-9a-f]{8,17}$/, hint: 'vpc-…' },
  subnetIds: { kind: 'list', default: [], pattern: /^subnet-[0-9a-f]{8,17}$/, hint: 'subnet-… ids' },
  taskSecurityGroupIds: { kind: 'list', default: [], pattern: /^sg-[0-9a-f]{8,17}$/, hint: 'sg-… ids' },
  jicofoStatsPort: { kind: 'int', default: 8888, min: 1, max: 65535 },
  jvbStatsPort: { kind: 'int', default: 8080, min: 1, max: 65535 },
  statsTimeoutMs: { kind: 'int', default: 2000, min: 100, max: 10_000 },
  activityMetricNamespace: { kind: 'string', optional: true },
  activityMetricName: { kind: 'string', optional: true },
  activityMetricDimensions: { kind: 'map', default: {} },
  activityMetricStat: { kind: 'string', default: 'Maximum' },

  noJoinMinutes: { ...MINUTES, default: 10 },
  emptyMinutes: { ...MINUTES, default: 15 },
  stopGraceMinutes: { kind: 'int', default: 5, min: 0, max: 120 },

  powerDownEnabled: { kind: 'bool', default: true },
  powerDownTime: { kind: 'string', default: '02:00', pattern: /^([01]\d|2[0-3]):[0-5]\d$/, hint: 'HH:MM (24 h)' },
  powerDownPolicy: { kind: 'string', default: 'defer', oneOf: ['defer', 'force'] },
  powerDownRecheckMinutes: { kind: 'int', default: 15, min: 1, max: 240 },
  powerDownMaxDeferMinutes: { kind: 'int', default: 240, min: 0, max: 1440 },

  prewarmTokenParameter: { kind: 'string', optional: true, pattern: /^[A-Za-z0-9_.\-/]{1,1011}$/, hint: 'an SSM parameter name such as /jitsi/prewarm-token' },
  prewarmLeadMinutes: { kind: 'int', default: 10, min: 0, max: 720 },
  prewarmMaxDaysAhead: { kind: 'int', default: 30, min: 1, max: 365 },

  throttleRateLimit: { kind: 'int', default: 10, min: 1, max: 10_000 },
  throttleBurstLimit: { kind: 'int', default: 20, min: 1, max: 5_000 },
  domainName: { kind: 'string', optional: true, pattern: /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, hint: 'a lower-case host name' },
  certificateArn: { kind: 'string', optional: true, pattern: /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, hint: 'an ACM certificate ARN' },

  logRetentionDays: { kind: 'int', default: 30, min: 1, max: 3653 },
  /** A custom dashboard costs $3/month beyond an account's three free ones. */
  dashboardEnabled: { kind: 'bool', default: true },
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
  sourceMaps: boolean;
  extraEnvironment: Record<string, string>;
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
  'PREWARM_TOKEN_PARAMETER', 'PREWARM_FUNCTION_ARN', 'NODE_OPTIONS',
];

/** The IANA name in its canonical case (`europe/berlin` → `Europe/Berlin`), as Scheduler expects it. */
export function canonicalZone(zone: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return resolved.includes('/') || resolved === 'UTC' ? resolved : undefined;
  } catch {
    return undefined;
  }
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
  if (!isTimeZone(c.timeZone)) problems.push(`timeZone "${c.timeZone}" is not an IANA time zone (e.g. Europe/Berlin)`);
  if (c.activitySource === 'probe') {
    if (!c.vpcId) problems.push('vpcId is required when activitySource is "probe" (the probe runs in the service VPC)');
    if (c.subnetIds.length === 0) problems.push('subnetIds is required when activitySource is "probe"');
    if (c.taskSecurityGroupIds.length === 0) problems.push('taskSecurityGroupIds is required when activitySource is "probe"');
    if (c.jicofoStatsPort === c.jvbStatsPort) problems.push('jicofoStatsPort and jvbStatsPort must differ');
  } else if (!c.activityMetricNamespace || !c.activityMetricName) {
    problems.push('activityMetricNamespace and activityMetricName are required when activitySource is "metric"');
  }
  if (Boolean(c.domainName) !== Boolean(c.certificateArn)) problems.push('domainName and certificateArn must be set together');
  if (c.region && c.certificateArn && c.certificateArn.split(':')[3] !== c.region) {
    problems.push(`certificateArn must be in region ${c.region} (API Gateway regional custom domain)`);
  }
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

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
