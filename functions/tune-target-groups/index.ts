import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { putCfnResponse } from '../../shared/adapters/http/cfn-response.js';
import { logger, metrics } from '../../shared/observability.js';
import { createTuneHandler } from './handler.js';

// Cold start: one client; no explicit endpoint, so AWS_ENDPOINT_URL(_ELASTIC_LOAD_BALANCING_V2) still applies.
export const handler = createTuneHandler({
  elb: new ElasticLoadBalancingV2Client({ maxAttempts: 4 }),
  respond: putCfnResponse,
  logger,
  metrics,
});
