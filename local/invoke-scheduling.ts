import { loadPowerDownConfig } from '../shared/config/power-down-config.js';
import { loadPrewarmFunctionConfig } from '../shared/config/prewarm-config.js';
import { SIMULATED_SCHEDULING_ENV } from '../shared/config/schedule-config.js';
import type { Env } from '../shared/config/env-reader.js';
import { createWakeLedger, createWatchRuntime } from '../shared/compose-activity.js';
import { createSchedules } from '../shared/compose-schedules.js';
import { createController } from '../shared/compose.js';
import { systemClock } from '../shared/domain/service-group.js';
import { liveActivity } from '../shared/domain/stop-check.js';
import { controllerEvents, logger, metrics } from '../shared/observability.js';
import { createPowerDownHandler } from '../functions/power-down/handler.js';
import { createPrewarmHandler } from '../functions/prewarm/handler.js';
import type { LocalFunction, LocalHandler } from './invoke-types.js';

/** Simulated runs need no Scheduler settings; fill in local placeholders. */
const withSchedulingDefaults = (env: Env): Env => (env.CONTROLLER_BACKEND === 'simulated' ? { ...SIMULATED_SCHEDULING_ENV, ...env } : env);

/** Mirrors functions/power-down/index.ts, with config from `env`. */
function buildPowerDown(env: Env): LocalHandler {
  const config = loadPowerDownConfig(withSchedulingDefaults(env));
  const { group, source } = createWatchRuntime(config);
  const controller = createController(config, controllerEvents(), group);
  return createPowerDownHandler({
    controller, activity: liveActivity(group, source), schedules: createSchedules(config, config.scheduling),
    clock: systemClock, settings: config.powerDown, logger, metrics,
    grace: { group, ledger: createWakeLedger(config, config.grace.wakeMetricService), graceMs: config.grace.graceMs },
  });
}

/** Mirrors functions/prewarm/index.ts. */
function buildPrewarm(env: Env): LocalHandler {
  const config = loadPrewarmFunctionConfig(env);
  return createPrewarmHandler({ controller: createController(config, controllerEvents()), clock: systemClock, logger, metrics });
}

export const SCHEDULING_FUNCTIONS: Readonly<Record<string, LocalFunction>> = {
  'power-down': { summary: 'Scheduler event: nightly power-down or its re-check (events/power-down-*.json)', build: buildPowerDown },
  prewarm: { summary: 'Scheduler event: wake ahead of a planned meeting (events/prewarm-schedule.json)', build: buildPrewarm },
};
