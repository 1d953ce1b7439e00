import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Clock } from '../../shared/domain/service-group.js';
import { forHead, isHttpApiEvent, json, routePath } from '../wake/http.js';
import { prewarmRoute, type PrewarmRouteDeps } from './routes.js';

export interface PrewarmApiHandlerDeps {
  prewarm: PrewarmRouteDeps;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

/**
 * The authenticated pre-warm API (`/_stz/prewarm`, `/api/prewarm`), routed here by API Gateway. Its own
 * function so the wake path, which a person waits on, never loads the SSM and Scheduler clients.
 */
export function createPrewarmApiHandler(deps: PrewarmApiHandlerDeps) {
  const { logger, metrics } = deps;
  return middy(async (event: unknown) => {
    if (!isHttpApiEvent(event)) {
      logger.warn('rejected malformed event: not an API Gateway HTTP API payload 2.0 event', { eventKeys: event && typeof event === 'object' ? Object.keys(event) : typeof event });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return json(400, { error: 'malformed event' });
    }
    const method = event.requestContext.http.method.toUpperCase();
    const response = await prewarmRoute(event, routePath(event), deps.prewarm, deps.clock);
    logger.info('request', { route: 'prewarm', method, status: response.statusCode });
    return method === 'HEAD' ? forHead(response) : response;
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
