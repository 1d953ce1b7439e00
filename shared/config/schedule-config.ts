import { SCHEDULE_NAME } from '../domain/schedules.js';
import type { EnvReader } from './env-reader.js';
import { canonicalTimeZone } from './limits.js';

/** Where one-time schedules go and who runs them (power-down re-checks, pre-warms). */
export interface SchedulingConfig {
  scheduleGroupName: string;
  schedulerRoleArn: string;
  /** IANA zone for `at()` expressions (TIME_ZONE). */
  timeZone: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/;

export function readSchedulingConfig(r: EnvReader): SchedulingConfig {
  const scheduleGroupName = r.string('SCHEDULE_GROUP_NAME');
  if (scheduleGroupName && !SCHEDULE_NAME.test(scheduleGroupName)) {
    r.fail(`SCHEDULE_GROUP_NAME must be 1-64 letters, digits, "-", "_" or "." (got "${scheduleGroupName}")`);
  }
  const schedulerRoleArn = r.string('SCHEDULER_ROLE_ARN');
  if (schedulerRoleArn && !ROLE_ARN.test(schedulerRoleArn)) r.fail(`SCHEDULER_ROLE_ARN must be an IAM role ARN (got "${schedulerRoleArn}")`);
  return { scheduleGroupName, schedulerRoleArn, timeZone: readTimeZone(r) };
}

/**
 * TIME_ZONE (default UTC), the one reading for the functions and the CLI. Scheduler wants the IANA name as
 * spelled in the database: `europe/berlin` becomes `Europe/Berlin`; abbreviations such as "EST" fail.
 */
export function readTimeZone(r: EnvReader): string {
  const given = r.string('TIME_ZONE', 'UTC');
  const timeZone = canonicalTimeZone(given);
  if (!timeZone) r.fail(`TIME_ZONE must be an IANA time zone such as Europe/Berlin (got "${given}")`);
  return timeZone ?? given;
}

/** A Lambda function ARN (optionally qualified), or a problem on the reader. */
export function readFunctionArn(r: EnvReader, name: string): string {
  const arn = r.string(name);
  if (arn && !FUNCTION_ARN.test(arn)) r.fail(`${name} must be a Lambda function ARN (got "${arn}")`);
  return arn;
}

/** Settings a simulated backend fills in, so local mode and the CLI run without an AWS account. */
export const SIMULATED_SCHEDULING_ENV = {
  SCHEDULE_GROUP_NAME: 'local',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/local-scheduler',
  PREWARM_FUNCTION_ARN: 'arn:aws:lambda:local:000000000000:function:prewarm',
} as const;
