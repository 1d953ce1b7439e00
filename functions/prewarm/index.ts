import { loadPrewarmFunctionConfig } from '../../shared/config/prewarm-config.js';
import { createController } from '../../shared/compose.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { loadHoldConfig } from '../../shared/config/hold-config.js';
import { createHoldGate } from '../../shared/compose-holds.js';
import { controllerEvents, holdDecisionEvents, logger, metrics } from '../../shared/observability.js';
import { createPrewarmHandler } from './handler.js';

// Cold start: configuration is validated once; a bad deploy fails here naming every bad variable.
const config = loadPrewarmFunctionConfig();
const controller = createController(config, controllerEvents());

export const handler = createPrewarmHandler({
  controller, clock: systemClock, logger, metrics, holds: createHoldGate(loadHoldConfig(), config.backend, holdDecisionEvents()),
});
