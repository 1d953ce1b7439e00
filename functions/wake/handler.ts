import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { isHttpApiEvent, json, marked } from './http.js';
import { route, type WakeRouteDeps } from './routes.js';

export interface WakeHandlerDeps extends Omit<WakeRouteDeps, 'onWakeRequest'> {
  logger: Logger;
  metrics: Metrics;
}

/**
 * The wake endpoint: translation between API Gateway and the controller, nothing else. Every response carries
 * the controller's marker header, so the readiness probe (and anyone) can tell it from Jitsi's own answers.
 */
export function createWakeHandler(deps: WakeHandlerDeps) {
  const { logger, metrics } = deps;
  const routeDeps: WakeRouteDeps = {
    ...deps,
    onWakeRequest: ({ scaledUp, phase }) => {
      metrics.addMetric('WakeRequests', MetricUnit.Count, 1);
      logger.info('wake request', { action: scaledUp.length > 0 ? 'scale-up' : 'none', scaledUp, phase });
    },
  };
  return middy(async (event: unknown) => {
    if (!isHttpApiEvent(event)) {
      logger.warn('rejected malformed event: not an API Gateway HTTP API payload 2.0 event', { eventKeys: event && typeof event === 'object' ? Object.keys(event) : typeof event });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return marked(json(400, { error: 'malformed event' }));
    }
    let outcome;
    try {
      outcome = await route(event, routeDeps);
    } catch (error) {
      // Still our own, marked answer: API Gateway's bare 500 would read as "not us" to the readiness probe.
      logger.error('request failed', { error: error as Error, method: event.requestContext.http.method });
      metrics.addMetric('WakeRouteErrors', MetricUnit.Count, 1);
      return marked(json(500, { error: 'internal error' }));
    }
    const { route: name, response } = outcome;
    logger.info('request', { route: name, method: event.requestContext.http.method, status: response.statusCode });
    return marked(response);
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
