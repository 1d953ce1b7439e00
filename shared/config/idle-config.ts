import type { IdleSettings } from '../domain/idle-decision.js';
import { readWatchConfig, type WatchConfig } from './activity-config.js';
import { EnvReader, type Env } from './env-reader.js';
import { RANGES } from './limits.js';

export interface IdleShutdownConfig extends WatchConfig {
  noJoinAlarmName: string;
  emptyAlarmName: string;
  idle: IdleSettings;
  /** The `service` dimension of the wake function's WakeRequests metric (its POWERTOOLS_SERVICE_NAME). */
  wakeMetricService: string;
}

/** The stop grace every stop path applies, and where its wake ledger lives (the wake function's metrics). */
export interface StopGraceConfig {
  graceMs: number;
  /** The `service` dimension of the wake function's WakeRequests/PersonsSentIn metrics (its POWERTOOLS_SERVICE_NAME). */
  wakeMetricService: string;
}

export function readStopGraceConfig(r: EnvReader): StopGraceConfig {
  return {
    graceMs: r.inRange('STOP_GRACE_MINUTES', RANGES.stopGraceMinutes) * 60_000,
    wakeMetricService: readWakeMetricService(r),
  };
}

/** WAKE_METRIC_SERVICE: the wake function's metric `service` dimension, default POWERTOOLS_SERVICE_NAME (shared by all). */
export function readWakeMetricService(r: EnvReader): string {
  return r.string('WAKE_METRIC_SERVICE', r.optional('POWERTOOLS_SERVICE_NAME') ?? 'jitsi-scale-to-zero');
}

const ALARM_NAME = /^[^\p{Cc}]{1,255}$/u;

/** Idle shutdown: the watcher's settings plus the two alarms, their windows and the stop grace. */
export function loadIdleShutdownConfig(env: Env = process.env): IdleShutdownConfig {
  const r = new EnvReader(env);
  const watch = readWatchConfig(r);
  const noJoinAlarmName = alarmName(r, 'NO_JOIN_ALARM_NAME');
  const emptyAlarmName = alarmName(r, 'EMPTY_ALARM_NAME');
  if (noJoinAlarmName && noJoinAlarmName === emptyAlarmName) r.fail('NO_JOIN_ALARM_NAME and EMPTY_ALARM_NAME must be different alarms');
  const noJoinMs = r.inRange('NO_JOIN_MINUTES', RANGES.noJoinMinutes) * 60_000;
  const emptyMs = r.inRange('EMPTY_MINUTES', RANGES.emptyMinutes) * 60_000;
  const grace = readStopGraceConfig(r);
  const config: IdleShutdownConfig = {
    ...watch,
    noJoinAlarmName,
    emptyAlarmName,
    idle: { noJoinMs, emptyMs, graceMs: grace.graceMs },
    wakeMetricService: grace.wakeMetricService,
  };
  r.done();
  return config;
}

function alarmName(r: EnvReader, name: string): string {
  const value = r.string(name);
  if (value && !ALARM_NAME.test(value)) r.fail(`${name} must be a CloudWatch alarm name of 1-255 characters`);
  return value;
}
