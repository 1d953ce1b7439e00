import type { Env } from '../shared/config/env-reader.js';
import { createController } from '../shared/compose.js';
import { systemClock } from '../shared/domain/service-group.js';
import { controllerEvents } from '../shared/observability.js';
import { buildLocalWakeHandler, loadLocalWakeConfig } from './local-wake.js';
import { SCHEDULING_FUNCTIONS } from './invoke-scheduling.js';
import { IDLE_FUNCTIONS } from './invoke-idle.js';
import type { LocalFunction, LocalHandler } from './invoke-types.js';

export type { LocalFunction, LocalHandler } from './invoke-types.js';

/** The group `npm start` simulates; the same names so output looks alike. */
const SIMULATED_DEFAULTS = { SERVICE_GROUP: 'local/jitsi-web,local/jitsi-jvb', MEETING_BASE_URL: 'http://localhost:8080/_meet' };

/**
 * Local invocation runs against a fresh embedded simulated group (asleep) unless CONTROLLER_BACKEND=aws,
 * in which case SERVICE_GROUP, MEETING_BASE_URL and AWS credentials come from the environment.
 */
export function invokeEnv(env: Env): Env {
  if ((env.CONTROLLER_BACKEND ?? 'simulated') !== 'simulated') return env;
  return { ...SIMULATED_DEFAULTS, ...env, CONTROLLER_BACKEND: 'simulated' };
}

/** Mirrors functions/wake/index.ts, pre-warm API included when PREWARM_TOKEN_PARAMETER is set. */
function buildWake(env: Env): LocalHandler {
  const config = loadLocalWakeConfig(env);
  const controller = createController(config.wake, controllerEvents());
  return buildLocalWakeHandler({ config, controller, clock: systemClock });
}

/**
 * Every function `npm run invoke -- <name> <event.json>` can run. Register each new function here with a
 * builder that mirrors its index.ts (config from `env`, adapters from shared/compose.ts).
 */
export const LOCAL_FUNCTIONS: Readonly<Record<string, LocalFunction>> = {
  wake: { summary: 'API Gateway HTTP API event: waiting page, /api/wake, /api/status', build: buildWake },
  ...SCHEDULING_FUNCTIONS,
  ...IDLE_FUNCTIONS,
};
