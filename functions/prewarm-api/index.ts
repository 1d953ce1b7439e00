import { loadPrewarmApiFunctionConfig } from '../../shared/config/prewarm-config.js';
import { createController } from '../../shared/compose.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { controllerEvents, logger, metrics } from '../../shared/observability.js';
import { createPrewarmApiHandler } from './handler.js';
import { createPrewarmRouteDeps } from './setup.js';

// Cold start: configuration is validated once; a bad deploy fails here naming every bad variable.
const { core: config, prewarm } = loadPrewarmApiFunctionConfig();
const controller = createController(config, controllerEvents());

export const handler = createPrewarmApiHandler({
  prewarm: createPrewarmRouteDeps({ config, prewarm, controller, logger, metrics }),
  clock: systemClock, logger, metrics,
});
