import { existsSync, readFileSync } from 'node:fs';
import { httpEvent } from './events.js';
import type { FunctionName } from '../infra/constructs/function-catalog.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(`events/${name}.json`, 'utf8'));

/**
 * What each function's cold-init run handles: one representative event on the in-memory ports
 * (CONTROLLER_BACKEND=simulated), so no run reaches AWS.
 */
export interface FunctionBench {
  name: FunctionName;
  entry: string;
  event: unknown;
  env: Record<string, string>;
  /** An error status the run is meant to produce (no warning for it). */
  expectedStatus?: number;
}

const COMMON = {
  CONTROLLER_BACKEND: 'simulated',
  SERVICE_GROUP: 'jitsi/web,jitsi/jvb',
  MEETING_BASE_URL: 'https://meet.example.com',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_REGION: 'eu-west-1',
};

const SCHEDULING = {
  SCHEDULE_GROUP_NAME: 'jitsi-scale-to-zero', SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler', TIME_ZONE: 'Europe/Berlin',
};
const ACTIVITY = { PROBE_FUNCTION_NAME: 'jitsi-probe' };

// Each function handles its most common event: a status poll, a watcher tick, an alarm, a nightly run.
const TABLE: Array<Omit<FunctionBench, 'event'> & { event: () => unknown }> = [
  { name: 'wake', entry: 'functions/wake/index.ts', event: () => httpEvent('GET', '/_stz/status'), env: {} },
  { name: 'watch', entry: 'functions/watch/index.ts', event: () => fixture('watch-scheduled'), env: ACTIVITY },
  { name: 'probe', entry: 'functions/probe/index.ts', event: () => ({ targets: [] }), env: {} },
  {
    name: 'idle-shutdown', entry: 'functions/idle-shutdown/index.ts', event: () => fixture('alarm-empty-ok'),
    env: { ...ACTIVITY, NO_JOIN_ALARM_NAME: 'jitsi-no-join', EMPTY_ALARM_NAME: 'jitsi-empty' },
  },
  { name: 'power-down', entry: 'functions/power-down/index.ts', event: () => fixture('power-down-nightly'), env: { ...ACTIVITY, ...SCHEDULING } },
  { name: 'prewarm', entry: 'functions/prewarm/index.ts', event: () => fixture('prewarm-schedule'), env: {} },
  // No bearer token: answered 401 before any SSM read, so the cold run reaches no AWS.
  {
    name: 'prewarm-api', entry: 'functions/prewarm-api/index.ts', event: () => fixture('post-prewarm-no-token'), expectedStatus: 401,
    env: { ...SCHEDULING, PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token', PREWARM_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:prewarm' },
  },
];

export function benchFunctions(): FunctionBench[] {
  return TABLE.filter((f) => existsSync(f.entry)).map((f) => ({ ...f, event: f.event(), env: { ...COMMON, ...f.env } }));
}
