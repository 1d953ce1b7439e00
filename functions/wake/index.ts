import { loadWakeFunctionConfig } from '../../shared/config/prewarm-config.js';
import { createController, createServiceGroup } from '../../shared/compose.js';
import { createReadinessProbe } from '../../shared/compose-readiness.js';
import { createWakeEstimate } from '../../shared/compose-estimate.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { loadHoldConfig } from '../../shared/config/hold-config.js';
import { createHoldGate } from '../../shared/compose-holds.js';
import { controllerEvents, holdDecisionEvents, logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from './handler.js';

// Cold start: configuration is validated once; a bad deploy fails here naming every bad variable.
// The pre-warm API is functions/prewarm-api: this path loads no SSM or Scheduler client.
const { wake: config, estimate: estimateConfig } = loadWakeFunctionConfig();
// Interactive SDK clients: short timeouts, one retry, so answers fit the 15 s function timeout.
const group = createServiceGroup(config, systemClock, 'interactive');
const controller = createController(config, controllerEvents(), group, createReadinessProbe(config, group));
const holds = createHoldGate(loadHoldConfig(), config.backend, holdDecisionEvents());
const estimate = createWakeEstimate(config, estimateConfig, (error) => logger.warn('wake estimate unavailable, using EXPECTED_WAKE_SECONDS', { error }));

export const handler = createWakeHandler({ controller, config, clock: systemClock, logger, metrics, estimate, holds });
