import type { PowerDownSettings } from '../domain/power-down.js';
import { readWatchConfig, type WatchConfig } from './activity-config.js';
import { EnvReader, type Env } from './env-reader.js';
import { readStopGraceConfig, type StopGraceConfig } from './idle-config.js';
import { RANGES } from './limits.js';
import { readSchedulingConfig, type SchedulingConfig } from './schedule-config.js';

/** Power-down: the watcher's activity settings (for the live re-check), scheduling, and the policy. */
export interface PowerDownConfig extends WatchConfig {
  scheduling: SchedulingConfig;
  powerDown: PowerDownSettings;
  grace: StopGraceConfig;
}

export function readPowerDownSettings(r: EnvReader): PowerDownSettings {
  return {
    policy: r.oneOf('POWER_DOWN_POLICY', ['defer', 'force'] as const, 'defer'),
    recheckMs: r.inRange('POWER_DOWN_RECHECK_MINUTES', RANGES.powerDownRecheckMinutes) * 60_000,
    maxDeferMs: r.inRange('POWER_DOWN_MAX_DEFER_MINUTES', RANGES.powerDownMaxDeferMinutes) * 60_000,
  };
}

export function loadPowerDownConfig(env: Env = process.env): PowerDownConfig {
  const r = new EnvReader(env);
  const config: PowerDownConfig = {
    ...readWatchConfig(r), scheduling: readSchedulingConfig(r), powerDown: readPowerDownSettings(r), grace: readStopGraceConfig(r),
  };
  r.done();
  return config;
}
