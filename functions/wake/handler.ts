import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DependencyError } from '../../shared/domain/errors.js';
import { errorResponse, isHttpApiEvent, json } from './http.js';
import { route, type WakeRouteDeps } from './routes.js';

export interface WakeHandlerDeps extends Omit<WakeRouteDeps, 'onWakeRequest'> {
  logger: Logger;
  metrics: Metrics;
  /** Answer this long before the Lambda timeout if AWS has not answered yet (default 1500 ms). */
  answerBeforeTimeoutMs?: number;
}

/** Leaves time to answer, log and flush metrics before Lambda's own timeout would cut the request. */
export const ANSWER_BEFORE_TIMEOUT_MS = 1500;

/** The wake endpoint: translation between API Gateway and the controller, nothing else. */
export function createWakeHandler(deps: WakeHandlerDeps) {
  const { logger, metrics } = deps;
  const routeDeps: WakeRouteDeps = {
    ...deps,
    onWakeRequest: ({ scaledUp, phase }) => {
      metrics.addMetric('WakeRequests', MetricUnit.Count, 1);
      logger.info('wake request', { action: scaledUp.length > 0 ? 'scale-up' : 'none', scaledUp, phase });
    },
  };
  // Past the deadline the person gets the documented 503 + Retry-After, never API Gateway's raw timeout error.
  const timeoutEarlyResponse = () => {
    logger.warn('answered before the function timeout: AWS did not answer in time', { action: 'timeout-answer' });
    metrics.addMetric('WakeTimeouts', MetricUnit.Count, 1);
    return errorResponse(new DependencyError('the controller did not get an answer from AWS in time', true), deps.clock.now());
  };
  return middy(async (event: unknown) => {
    if (!isHttpApiEvent(event)) {
      logger.warn('rejected malformed event: not an API Gateway HTTP API payload 2.0 event', { eventKeys: event && typeof event === 'object' ? Object.keys(event) : typeof event });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return json(400, { error: 'malformed event' });
    }
    const { route: name, response } = await route(event, routeDeps);
    logger.info('request', { route: name, method: event.requestContext.http.method, status: response.statusCode });
    return response;
  }, { timeoutEarlyInMillis: deps.answerBeforeTimeoutMs ?? ANSWER_BEFORE_TIMEOUT_MS, timeoutEarlyResponse })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
