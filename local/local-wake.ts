import type { Env } from '../shared/config/env-reader.js';
import { loadWakeFunctionConfig, type WakeFunctionConfig } from '../shared/config/prewarm-config.js';
import { SIMULATED_SCHEDULING_ENV } from '../shared/config/schedule-config.js';
import type { GroupController } from '../shared/domain/controller.js';
import type { Schedules } from '../shared/domain/schedules.js';
import type { Clock } from '../shared/domain/service-group.js';
import { logger, metrics } from '../shared/observability.js';
import { createWakeHandler } from '../functions/wake/handler.js';
import { createPrewarmRouteDeps } from '../functions/wake/prewarm-setup.js';

/** The wake function's configuration as its index.ts reads it (pre-warm included when configured). */
export function loadLocalWakeConfig(env: Env): WakeFunctionConfig {
  // A simulated group has no Scheduler: local placeholders, as the CLI and `npm run invoke` use.
  return loadWakeFunctionConfig(env.CONTROLLER_BACKEND === 'simulated' ? { ...SIMULATED_SCHEDULING_ENV, ...env } : env);
}

export interface LocalWakeOptions {
  config: WakeFunctionConfig;
  controller: GroupController;
  clock: Clock;
  /** Where pre-warms go; the local nightly loop's in-memory schedules fire them. Default: per backend. */
  schedules?: Schedules;
  recordSentIn?(at: Date): void;
}

/** Mirrors functions/wake/index.ts: the wake handler and, when PREWARM_TOKEN_PARAMETER is set, the pre-warm API. */
export function buildLocalWakeHandler(o: LocalWakeOptions) {
  const { wake, prewarm } = o.config;
  const prewarmDeps = prewarm
    ? createPrewarmRouteDeps({ config: wake, prewarm, controller: o.controller, logger, metrics, clock: o.clock, schedules: o.schedules })
    : undefined;
  return createWakeHandler({ controller: o.controller, config: wake, clock: o.clock, logger, metrics, prewarm: prewarmDeps, recordSentIn: o.recordSentIn });
}

/** One line for the terminal that says whether the pre-warm API is served, and why. */
export function prewarmLine(config: WakeFunctionConfig): string {
  return config.prewarm
    ? `pre-warm API on /api/prewarm (bearer token from SSM parameter ${config.prewarm.tokenParameter})`
    : 'pre-warm API off (PREWARM_TOKEN_PARAMETER is not set)';
}
