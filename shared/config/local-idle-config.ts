import type { IdleSettings } from '../domain/idle-decision.js';
import { EnvReader, type Env } from './env-reader.js';

/** Local demo windows, in seconds so the whole cycle fits in a minute or two (README "Local demo"). */
export interface LocalIdleConfig {
  watchIntervalMs: number;
  idle: IdleSettings;
}

export function loadLocalIdleConfig(env: Env): LocalIdleConfig {
  const r = new EnvReader(env);
  const watchIntervalMs = r.int('LOCAL_WATCH_INTERVAL_SECONDS', 5, 1, 60) * 1000;
  const config: LocalIdleConfig = {
    watchIntervalMs,
    idle: {
      noJoinMs: r.int('LOCAL_NO_JOIN_SECONDS', 60, 1, 3600) * 1000,
      emptyMs: r.int('LOCAL_EMPTY_SECONDS', 20, 1, 3600) * 1000,
      graceMs: r.int('LOCAL_STOP_GRACE_SECONDS', 10, 0, 3600) * 1000,
    },
  };
  if (config.idle.noJoinMs < watchIntervalMs || config.idle.emptyMs < watchIntervalMs) {
    r.fail('LOCAL_NO_JOIN_SECONDS and LOCAL_EMPTY_SECONDS must be at least LOCAL_WATCH_INTERVAL_SECONDS');
  }
  r.done();
  return config;
}
