import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import { watchActivity, type WatchDeps, type WatchOutcome } from '../../shared/domain/watch-activity.js';

export interface WatchHandlerDeps extends WatchDeps {
  logger: Logger;
  metrics: Metrics;
}

/**
 * The watcher (Scheduler, every minute). The schedule's input is ours to choose (events/watch-scheduled.json);
 * the watcher needs none of it, but another function's schedule input wired here is refused, so a mis-wired
 * target is noticed in the logs and the RejectedEvents metric.
 */
export function createWatchHandler(deps: WatchHandlerDeps) {
  const { logger, metrics } = deps;
  return middy(async (event: unknown): Promise<WatchOutcome | { action: 'rejected'; reason: string }> => {
    const action = (event as { action?: unknown } | null)?.action;
    if (typeof event !== 'object' || event === null || Array.isArray(event) || (action !== undefined && action !== 'watch')) {
      const reason = `malformed event: the schedule input must be a JSON object with "action": "watch" (got ${JSON.stringify(action ?? typeof event)})`;
      logger.warn(`rejected watch event: ${reason}`, { action: 'reject' });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return { action: 'rejected', reason };
    }
    const scheduledTime = (event as { scheduledTime?: unknown }).scheduledTime;
    try {
      const outcome = await watchActivity(deps);
      // One line per run, with its reason (DESIGN invariant 9).
      logger.info('watch', {
        action: outcome.action,
        reason: outcome.reason,
        scheduledTime,
        ...(outcome.action === 'published' ? { activity: outcome.activity, tasks: outcome.tasks, datapoints: outcome.datapoints } : {}),
      });
      return outcome;
    } catch (error) {
      // Nothing published: a missing datapoint is "not breaching", so a failed run can never look idle.
      logger.error('watch failed: no datapoint published', { action: 'error', scheduledTime, error: error as Error });
      throw error;
    }
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
