import { loadWakeFunctionConfig } from '../../shared/config/prewarm-config.js';
import { createController, createReadinessProbe, createServiceGroup } from '../../shared/compose.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { controllerEvents, logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from './handler.js';
import { createPrewarmRouteDeps } from './prewarm-setup.js';

// Cold start: configuration is validated once; a bad deploy fails here naming every bad variable.
const { wake: config, prewarm } = loadWakeFunctionConfig();
// Interactive SDK clients: short timeouts, one retry, so answers fit the 15 s function timeout.
const group = createServiceGroup(config, systemClock, 'interactive');
const controller = createController(config, controllerEvents(), group, createReadinessProbe(config, group));
const prewarmDeps = prewarm ? createPrewarmRouteDeps({ config, prewarm, controller, logger, metrics }) : undefined;

export const handler = createWakeHandler({ controller, config, clock: systemClock, logger, metrics, prewarm: prewarmDeps });
