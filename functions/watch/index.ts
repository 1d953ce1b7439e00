import { loadWatchConfig } from '../../shared/config/activity-config.js';
import { createWatchRuntime } from '../../shared/compose-activity.js';
import { systemClock } from '../../shared/domain/service-group.js';
import { logger, metrics } from '../../shared/observability.js';
import { createWatchHandler } from './handler.js';

// Cold start: configuration validated once; ECS, CloudWatch and Lambda clients created once per container.
const config = loadWatchConfig();
const { group, source, publisher } = createWatchRuntime(config);

export const handler = createWatchHandler({ group, source, publisher, clock: systemClock, logger, metrics });
