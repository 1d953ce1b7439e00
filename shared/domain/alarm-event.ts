import type { IdleTimer } from './idle-decision.js';

/** An alarm-action event accepted for this controller. */
export interface AcceptedAlarm {
  name: string;
  timer: IdleTimer;
  arn: string;
  changedAt: Date;
}

export interface AlarmExpectations {
  noJoinAlarmName: string;
  emptyAlarmName: string;
  /** From the function's own ARN: alarms of another account or region are foreign. */
  accountId: string;
  region: string;
  now: Date;
  /** Older transitions are stale (late retries, replays): the re-check would still run, but we refuse early. */
  maxAgeMs: number;
}

export const MAX_ALARM_EVENT_AGE_MS = 10 * 60_000;
const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:([a-z0-9-]+):(\d{12}):alarm:(.+)$/;

/**
 * Validates a CloudWatch alarm Lambda-action event (`source: "aws.cloudwatch"`, see @types/aws-lambda
 * CloudWatchAlarmEvent). Only a fresh transition *into* ALARM of one of this controller's two alarms, in
 * this account and region, is accepted; anything else gets a reason and no action (DESIGN invariant 8).
 */
export type AlarmCheck =
  | { ok: true; alarm: AcceptedAlarm }
  /** `rearm`: our own alarm, refused only for its age; re-arming it lets a live re-check happen next minute. */
  | { ok: false; reason: string; rearm?: string };

export function checkAlarmEvent(event: unknown, expect: AlarmExpectations): AlarmCheck {
  const fail = (reason: string) => ({ ok: false as const, reason });
  if (!isObject(event)) return fail('malformed: not an object');
  if (event.source !== 'aws.cloudwatch') return fail(`not a CloudWatch alarm action (source ${JSON.stringify(event.source)})`);
  const data = event.alarmData;
  if (!isObject(data) || typeof data.alarmName !== 'string' || !isObject(data.state) || !isObject(data.previousState)) {
    return fail('malformed: alarmData.alarmName, alarmData.state and alarmData.previousState are required');
  }
  const name = data.alarmName;
  const timer: IdleTimer | undefined = name === expect.noJoinAlarmName ? 'no-join' : name === expect.emptyAlarmName ? 'empty' : undefined;
  if (!timer) return fail(`foreign alarm "${name.slice(0, 255)}": not one of this controller's idle alarms`);

  const arn = typeof event.alarmArn === 'string' ? ALARM_ARN.exec(event.alarmArn) : null;
  if (!arn || arn[3] !== name) return fail('malformed: alarmArn is not the ARN of the named alarm');
  if (arn[2] !== expect.accountId || event.accountId !== expect.accountId) return fail(`foreign alarm: account ${arn[2]} is not ${expect.accountId}`);
  if (arn[1] !== expect.region || event.region !== expect.region) return fail(`foreign alarm: region ${arn[1]} is not ${expect.region}`);

  const state = data.state.value;
  const previous = data.previousState.value;
  if (state !== 'ALARM') return fail(`state is ${String(state)}: only a transition to ALARM acts`);
  if (previous === 'ALARM') return fail('previous state was already ALARM: not a transition (duplicate or replayed delivery)');
  const changedAt = parseAlarmTime(typeof data.state.timestamp === 'string' ? data.state.timestamp : event.time);
  if (Number.isNaN(changedAt.getTime())) return fail('malformed: no valid state timestamp');
  const age = expect.now.getTime() - changedAt.getTime();
  // Lambda retries a throttled asynchronous event for up to 6 hours: refuse to act on old news, but re-arm,
  // or the alarm (still in ALARM) would never fire again.
  if (age > expect.maxAgeMs) return { ok: false, reason: `stale: the alarm changed state ${Math.round(age / 60_000)} min ago`, rearm: name };
  if (age < -expect.maxAgeMs) return fail('malformed: the state timestamp lies in the future');
  return { ok: true, alarm: { name, timer, arn: event.alarmArn as string, changedAt } };
}

/** CloudWatch writes `2023-08-04T12:36:15.490+0000`; ISO 8601 parsers want `+00:00`. */
export function parseAlarmTime(value: unknown): Date {
  if (typeof value !== 'string') return new Date(NaN);
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** Account and region from a Lambda function ARN (`context.invokedFunctionArn`). */
export function accountAndRegion(functionArn: string): { accountId: string; region: string } | undefined {
  const m = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:/.exec(functionArn);
  return m ? { region: m[1]!, accountId: m[2]! } : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
