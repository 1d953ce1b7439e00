import type { PowerDownSettings } from '../domain/power-down.js';
import { EnvReader, type Env } from './env-reader.js';

/** The nightly power-down on a short local timer (`npm start`), off unless LOCAL_NIGHTLY_SECONDS is set. */
export interface LocalNightlyConfig {
  periodMs: number;
  settings: PowerDownSettings;
}

export function loadLocalNightlyConfig(env: Env): LocalNightlyConfig | undefined {
  if (!env.LOCAL_NIGHTLY_SECONDS?.trim()) return undefined;
  const r = new EnvReader(env);
  const config: LocalNightlyConfig = {
    periodMs: r.int('LOCAL_NIGHTLY_SECONDS', 120, 5, 86_400) * 1000,
    settings: {
      policy: r.oneOf('POWER_DOWN_POLICY', ['defer', 'force'] as const, 'defer'),
      recheckMs: r.int('LOCAL_RECHECK_SECONDS', 10, 1, 3600) * 1000,
      maxDeferMs: r.int('LOCAL_MAX_DEFER_SECONDS', 60, 0, 86_400) * 1000,
      minRecheckMs: 1000,
    },
  };
  r.done();
  return config;
}
