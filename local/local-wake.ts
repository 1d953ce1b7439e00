import type { Env } from '../shared/config/env-reader.js';
import {
  loadPrewarmApiFunctionConfig, loadWakeFunctionConfig, type PrewarmApiFunctionConfig, type WakeFunctionConfig,
} from '../shared/config/prewarm-config.js';
import { SIMULATED_SCHEDULING_ENV } from '../shared/config/schedule-config.js';
import type { GroupController } from '../shared/domain/controller.js';
import type { HoldGate } from '../shared/domain/hold-gate.js';
import type { Schedules } from '../shared/domain/schedules.js';
import type { Clock } from '../shared/domain/service-group.js';
import type { WakeEstimate } from '../shared/domain/wake-estimate.js';
import { logger, metrics } from '../shared/observability.js';
import { createWakeHandler } from '../functions/wake/handler.js';
import { createPrewarmApiHandler } from '../functions/prewarm-api/handler.js';
import { prewarmBase } from '../functions/prewarm-api/routes.js';
import { createPrewarmRouteDeps } from '../functions/prewarm-api/setup.js';

/** The wake function's configuration, plus the pre-warm API's when PREWARM_TOKEN_PARAMETER is set. */
export interface LocalWakeConfig extends WakeFunctionConfig {
  prewarm?: PrewarmApiFunctionConfig['prewarm'];
}

/** As the two functions' index.ts read it (the pre-warm API only when configured). */
export function loadLocalWakeConfig(env: Env): LocalWakeConfig {
  // A simulated group has no Scheduler: local placeholders, as the CLI and `npm run invoke` use.
  const full = env.CONTROLLER_BACKEND === 'simulated' ? { ...SIMULATED_SCHEDULING_ENV, ...env } : env;
  const wake = loadWakeFunctionConfig(full);
  return full.PREWARM_TOKEN_PARAMETER?.trim() ? { ...wake, prewarm: loadPrewarmApiFunctionConfig(full).prewarm } : wake;
}

export interface LocalWakeOptions {
  config: LocalWakeConfig;
  controller: GroupController;
  clock: Clock;
  /** Where pre-warms go; the local nightly loop's in-memory schedules fire them. Default: per backend. */
  schedules?: Schedules;
  recordSentIn?(at: Date): void;
  estimate?: { current(): Promise<WakeEstimate> };
  holds?: HoldGate;
}

type LocalHandler = (event: unknown, context: never) => Promise<unknown>;

/**
 * Plays API Gateway's routes: `/_stz/prewarm` and `/api/prewarm` go to functions/prewarm-api (when
 * PREWARM_TOKEN_PARAMETER is set), everything else to functions/wake — each built as its index.ts builds it.
 */
export function buildLocalWakeHandler(o: LocalWakeOptions) {
  const { wake, prewarm } = o.config;
  const wakeHandler = createWakeHandler({ controller: o.controller, config: wake, clock: o.clock, logger, metrics, recordSentIn: o.recordSentIn, estimate: o.estimate, holds: o.holds });
  if (!prewarm) return wakeHandler;
  const prewarmHandler = createPrewarmApiHandler({
    prewarm: createPrewarmRouteDeps({ config: wake, prewarm, controller: o.controller, logger, metrics, clock: o.clock, schedules: o.schedules, holds: o.holds }),
    clock: o.clock, logger, metrics,
  }) as unknown as LocalHandler;
  const route = (event: unknown) => {
    const path = (event as { rawPath?: unknown } | null)?.rawPath;
    return typeof path === 'string' && prewarmBase(path) !== undefined;
  };
  return ((event: unknown, context: never) => (route(event) ? prewarmHandler(event, context) : (wakeHandler as unknown as LocalHandler)(event, context))) as unknown as typeof wakeHandler;
}

/** One line for the terminal that says whether the pre-warm API is served, and why. */
export function prewarmLine(config: Pick<LocalWakeConfig, 'prewarm'>): string {
  return config.prewarm
    ? `pre-warm API on /_stz/prewarm (bearer token from SSM parameter ${config.prewarm.tokenParameter})`
    : 'pre-warm API off (PREWARM_TOKEN_PARAMETER is not set)';
}
