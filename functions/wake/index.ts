import { loadWakeConfig } from '../../shared/config/core-config.js';
import { createController } from '../../shared/compose.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { controllerEvents, logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from './handler.js';

// Cold start: configuration is validated once; a bad deploy fails here naming every bad variable.
const config = loadWakeConfig();
const controller = createController(config, controllerEvents());

export const handler = createWakeHandler({ controller, config, clock: systemClock, logger, metrics });
