import { loadWakeFunctionConfig } from '../../shared/config/prewarm-config.js';
import { createController } from '../../shared/compose.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { controllerEvents, logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from './handler.js';

// Cold start: configuration is validated once; a bad deploy fails here naming every bad variable.
// The pre-warm API is functions/prewarm-api: this path loads no SSM or Scheduler client.
const { wake: config } = loadWakeFunctionConfig();
const controller = createController(config, controllerEvents());

export const handler = createWakeHandler({ controller, config, clock: systemClock, logger, metrics });
