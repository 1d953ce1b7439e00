import type { EnvReader } from './env-reader.js';
import { readTimeZone } from './schedule-config.js';

/**
 * What the operator CLI reads beyond the functions' settings, all optional: `ctl status` and `ctl log` say
 * what they cannot show when a value is missing. `--stack` fills them from the stack's outputs.
 */
export interface OperatorConfig {
  timeZone: string;
  idleAlarms?: { noJoin: string; empty: string };
  /** Function → log group name (LOG_GROUPS=wake=/aws/lambda/…,watch=…). */
  logGroups: Record<string, string>;
  powerDown?: { time: string; enabled: boolean };
  scheduleGroupName?: string;
}

export function readOperatorConfig(r: EnvReader): OperatorConfig {
  const timeZone = readTimeZone(r);
  const noJoin = r.optional('NO_JOIN_ALARM_NAME');
  const empty = r.optional('EMPTY_ALARM_NAME');
  if (Boolean(noJoin) !== Boolean(empty)) r.fail('NO_JOIN_ALARM_NAME and EMPTY_ALARM_NAME go together');
  const logGroups: Record<string, string> = {};
  for (const pair of r.optional('LOG_GROUPS')?.split(',').map((p) => p.trim()).filter(Boolean) ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0 || !/^[\w#./-]{1,512}$/.test(pair.slice(at + 1))) r.fail(`LOG_GROUPS must look like "wake=/aws/lambda/name,watch=…" (bad pair "${pair}")`);
    else logGroups[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const time = r.optional('POWER_DOWN_TIME');
  if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) r.fail(`POWER_DOWN_TIME must be HH:MM (got "${time}")`);
  const enabled = !/^(false|0|no)$/i.test(r.optional('POWER_DOWN_ENABLED') ?? 'true');
  return {
    timeZone,
    ...(noJoin && empty ? { idleAlarms: { noJoin, empty } } : {}),
    logGroups,
    ...(time ? { powerDown: { time, enabled } } : {}),
    ...(r.optional('SCHEDULE_GROUP_NAME') ? { scheduleGroupName: r.optional('SCHEDULE_GROUP_NAME') } : {}),
  };
}

