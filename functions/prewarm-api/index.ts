import { loadPrewarmApiFunctionConfig } from '../../shared/config/prewarm-config.js';
import { createController } from '../../shared/compose.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { loadHoldConfig } from '../../shared/config/hold-config.js';
import { createHoldGate } from '../../shared/compose-holds.js';
import { controllerEvents, holdDecisionEvents, logger, metrics } from '../../shared/observability.js';
import { createPrewarmApiHandler } from './handler.js';
import { createPrewarmRouteDeps } from './setup.js';

// Cold start: configuration is validated once; a bad deploy fails here naming every bad variable.
const { core: config, prewarm } = loadPrewarmApiFunctionConfig();
const controller = createController(config, controllerEvents());
// A pre-warm whose wake falls in a maintenance hold is refused (docs/operator-month.md).
const holds = createHoldGate(loadHoldConfig(), config.backend, holdDecisionEvents());

export const handler = createPrewarmApiHandler({
  prewarm: createPrewarmRouteDeps({ config, prewarm, controller, logger, metrics, holds }),
  clock: systemClock, logger, metrics,
});
