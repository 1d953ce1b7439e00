import type { ControllerSettings } from '../domain/controller.js';
import { parseMemberRef, type MemberRef } from '../domain/service-group.js';
import { EnvReader, type Env } from './env-reader.js';

/**
 * The one place configuration is read. Every function validates its section at cold start;
 * the README's configuration table lists these variables.
 */
export interface CoreConfig {
  /** `aws` drives real ECS; `simulated` runs the embedded group (local mode, benchmarks). */
  backend: 'aws' | 'simulated';
  members: MemberRef[];
  meetingBaseUrl: URL;
  workingMinTasks: number;
  controller: ControllerSettings;
  probePaths: string[];
  probeTimeoutMs: number;
  /** CloudWatch namespace and the group's name as a metric dimension. */
  metricNamespace: string;
  groupName: string;
  /** NO_JOIN_ALARM_NAME and EMPTY_ALARM_NAME when set: reset to OK after every wake and stop. */
  idleAlarmNames: string[];
}

/** A Lambda function name or ARN, optionally qualified. */
export const FUNCTION_REF = /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/;

export interface WakeConfig extends CoreConfig {
  pollIntervalSeconds: number;
  supportContact?: string;
  /** PROBE_FUNCTION_NAME: when set, readiness also needs Jicofo's operational bridge count ≥ 1. */
  readinessProbeFunction?: string;
}

export function readCoreConfig(r: EnvReader): CoreConfig {
  const memberTexts = r.list('SERVICE_GROUP');
  const members: MemberRef[] = [];
  for (const text of memberTexts) {
    const parsed = parseMemberRef(text);
    if (typeof parsed === 'string') r.fail(`SERVICE_GROUP: ${parsed}`);
    else members.push(parsed);
  }
  if (memberTexts.length > 10) r.fail('SERVICE_GROUP may list at most 10 services');
  if (new Set(members.map((m) => m.id)).size !== members.length) r.fail('SERVICE_GROUP lists a service twice');

  const probePaths = r.list('READY_PROBE_PATHS', '/,/http-bind');
  if (probePaths.some((p) => !/^\/[A-Za-z0-9/_.-]*$/.test(p))) r.fail('READY_PROBE_PATHS must be paths starting with "/"');

  return {
    backend: r.oneOf('CONTROLLER_BACKEND', ['aws', 'simulated'] as const, 'aws'),
    members,
    meetingBaseUrl: r.baseUrl('MEETING_BASE_URL'),
    workingMinTasks: r.int('WORKING_MIN_TASKS', 1, 1, 100),
    controller: {
      statusCacheMs: r.int('STATUS_CACHE_MS', 2000, 0, 60_000),
      probeSuccessesRequired: r.int('READY_PROBE_SUCCESSES', 2, 1, 10),
      probeIntervalMs: r.int('READY_PROBE_INTERVAL_SECONDS', 5, 0, 300) * 1000,
      expectedWakeSeconds: r.int('EXPECTED_WAKE_SECONDS', 240, 1, 3600),
      wakeTimeoutSeconds: r.int('WAKE_TIMEOUT_SECONDS', 900, 30, 7200),
    },
    probePaths,
    probeTimeoutMs: r.int('READY_PROBE_TIMEOUT_MS', 3000, 100, 30_000),
    metricNamespace: r.string('METRIC_NAMESPACE', 'JitsiScaleToZero'),
    groupName: r.string('GROUP_NAME', 'jitsi'),
    idleAlarmNames: ['NO_JOIN_ALARM_NAME', 'EMPTY_ALARM_NAME'].flatMap((name) => r.optional(name) ?? []),
  };
}

export function loadWakeConfig(env: Env = process.env): WakeConfig {
  const r = new EnvReader(env);
  const config = readWakeConfig(r);
  r.done();
  return config;
}

/** The wake function's section on a shared reader (so pre-warm settings can join the same one error). */
export function readWakeConfig(r: EnvReader): WakeConfig {
  return {
    ...readCoreConfig(r),
    pollIntervalSeconds: r.int('POLL_INTERVAL_SECONDS', 4, 1, 60),
    supportContact: r.optional('SUPPORT_CONTACT'),
    readinessProbeFunction: readinessProbeFunction(r),
  };
}

function readinessProbeFunction(r: EnvReader): string | undefined {
  const name = r.optional('PROBE_FUNCTION_NAME');
  if (name !== undefined && !FUNCTION_REF.test(name)) {
    r.fail(`PROBE_FUNCTION_NAME must be a Lambda function name or ARN (got "${name}")`);
  }
  return name;
}
