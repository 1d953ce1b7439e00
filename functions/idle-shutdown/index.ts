import { loadIdleShutdownConfig } from '../../shared/config/idle-config.js';
import { createIdleRuntime } from '../../shared/compose-activity.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { loadHoldConfig } from '../../shared/config/hold-config.js';
import { createHoldGate } from '../../shared/compose-holds.js';
import { controllerEvents, holdDecisionEvents, logger, metrics } from '../../shared/observability.js';
import { createIdleShutdownHandler } from './handler.js';

// Cold start: configuration validated once; SDK clients created once per container.
const config = loadIdleShutdownConfig();
const runtime = createIdleRuntime(config, controllerEvents());

export const handler = createIdleShutdownHandler({
  ...runtime,
  clock: systemClock,
  settings: config.idle,
  noJoinAlarmName: config.noJoinAlarmName,
  emptyAlarmName: config.emptyAlarmName,
  logger,
  metrics,
  holds: createHoldGate(loadHoldConfig(), config.backend, holdDecisionEvents()),
});
