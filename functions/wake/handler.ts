import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DependencyError } from '../../shared/domain/errors.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errorResponse, isHttpApiEvent, json, marked, routePath, text } from './http.js';
import { API_PREFIXES, route, type WakeRouteDeps } from './routes.js';

export interface WakeHandlerDeps extends Omit<WakeRouteDeps, 'onWakeRequest' | 'onPersonSentIn'> {
  logger: Logger;
  metrics: Metrics;
  /** Local mode's in-memory wake ledger; in AWS the PersonsSentIn metric is the record. */
  recordSentIn?(at: Date): void;
  /** Answer this long before the Lambda timeout if AWS has not answered yet (default 1500 ms). */
  answerBeforeTimeoutMs?: number;
}

/** Leaves time to answer, log and flush metrics before Lambda's own timeout would cut the request. */
export const ANSWER_BEFORE_TIMEOUT_MS = 1500;

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
    onPersonSentIn: () => {
      metrics.addMetric('PersonsSentIn', MetricUnit.Count, 1);
      logger.info('person sent into the ready meeting', { action: 'sent-in', reason: 'GET of a meeting link while ready: the stop grace covers the pre-join screen' });
      deps.recordSentIn?.(deps.clock.now());
    },
  };
  // Past the deadline the person gets the documented 503 + Retry-After, never API Gateway's raw timeout error.
  const timeoutEarlyResponse = () => {
    logger.warn('answered before the function timeout: AWS did not answer in time', { action: 'timeout-answer' });
    metrics.addMetric('WakeTimeouts', MetricUnit.Count, 1);
    // A person's GET of a page gets words, not JSON; the page's own polls get the documented status body.
    const request = current;
    const page = request !== undefined && /^(GET|HEAD)$/i.test(request.requestContext.http.method)
      && !API_PREFIXES.some((prefix) => routePath(request).startsWith(prefix));
    return marked(page
      ? text(503, 'The meeting service is not answering yet. Reload this page in a few seconds.\n', { 'retry-after': '5' })
      : errorResponse(new DependencyError('the controller did not get an answer from AWS in time', true), deps.clock.now()));
  };
  // One event at a time per Lambda container: the request the early answer is for.
  let current: APIGatewayProxyEventV2 | undefined;
  return middy(async (event: unknown) => {
    if (!isHttpApiEvent(event)) {
      logger.warn('rejected malformed event: not an API Gateway HTTP API payload 2.0 event', { eventKeys: event && typeof event === 'object' ? Object.keys(event) : typeof event });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return marked(json(400, { error: 'malformed event' }));
    }
    current = event;
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
  }, { timeoutEarlyInMillis: deps.answerBeforeTimeoutMs ?? ANSWER_BEFORE_TIMEOUT_MS, timeoutEarlyResponse })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
