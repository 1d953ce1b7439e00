import { loadProbeConfig } from '../../shared/config/activity-config.js';
import { HttpStatsFetcher } from '../../shared/adapters/http/stats-fetcher.js';
import { logger, metrics } from '../../shared/observability.js';
import { createProbeHandler } from './handler.js';

// Cold start: ports and timeout validated once. No AWS client here: the probe only does HTTP in the VPC.
const config = loadProbeConfig();

export const handler = createProbeHandler({
  fetcher: new HttpStatsFetcher(config.timeoutMs),
  ports: { jicofoPort: config.jicofoPort, jvbPort: config.jvbPort },
  logger,
  metrics,
});
