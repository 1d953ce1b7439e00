import { loadPowerDownConfig } from '../../shared/config/power-down-config.js';
import { createWakeLedger, createWatchRuntime } from '../../shared/compose-activity.js';
import { createSchedules } from '../../shared/compose-schedules.js';
import { createController } from '../../shared/compose.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { liveActivity } from '../../shared/domain/stop-check.js';
import { loadHoldConfig } from '../../shared/config/hold-config.js';
import { createHoldGate } from '../../shared/compose-holds.js';
import { controllerEvents, holdDecisionEvents, logger, metrics } from '../../shared/observability.js';
import { createPowerDownHandler } from './handler.js';

// Cold start: configuration validated once; SDK clients created once per container.
const config = loadPowerDownConfig();
const { group, source } = createWatchRuntime(config);
const controller = createController(config, controllerEvents(), group);

export const handler = createPowerDownHandler({
  controller,
  activity: liveActivity(group, source),
  schedules: createSchedules(config, config.scheduling),
  clock: systemClock,
  settings: config.powerDown,
  grace: { group, ledger: createWakeLedger(config, config.grace.wakeMetricService), graceMs: config.grace.graceMs },
  logger,
  metrics,
  holds: createHoldGate(loadHoldConfig(), config.backend, holdDecisionEvents()),
});
