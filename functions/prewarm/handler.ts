import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { GroupController } from '../../shared/domain/controller.js';
import { parsePrewarmEvent, PREWARM_STALE_AFTER_MS } from '../../shared/domain/prewarm.js';
import type { Clock } from '../../shared/domain/service-group.js';
import type { HoldGate } from '../../shared/domain/hold-gate.js';

export interface PrewarmHandlerDeps {
  controller: GroupController;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Operator holds: a maintenance hold refuses the scheduled wake. */
  holds?: HoldGate;
}

export type PrewarmResult =
  | { outcome: 'rejected'; reason: string }
  | { outcome: 'held'; reason: string }
  | { outcome: 'woke' | 'already-awake'; phase: string; scaledUp: string[] };

/**
 * Target of the one-time pre-warm schedules: a wake like the wake endpoint's (WakeRequests, and Wakes when it
 * scaled up), minus the page. A delivery long after the meeting began is stale and wakes nothing.
 */
export function createPrewarmHandler(deps: PrewarmHandlerDeps) {
  const { logger, metrics } = deps;
  return middy(async (event: unknown): Promise<PrewarmResult> => {
    const parsed = parsePrewarmEvent(event);
    const now = deps.clock.now();
    const reason = !parsed.ok
      ? parsed.reason
      : now.getTime() - parsed.event.start.getTime() > PREWARM_STALE_AFTER_MS
        ? `stale delivery: the meeting started at ${parsed.event.start.toISOString()}`
        : undefined;
    if (!parsed.ok || reason) {
      logger.warn('rejected pre-warm event', { reason, eventKeys: event && typeof event === 'object' ? Object.keys(event) : typeof event });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return { outcome: 'rejected', reason: reason ?? 'malformed' };
    }
    const start = parsed.event.start.toISOString();
    const held = deps.holds ? await deps.holds.check('prewarm-schedule') : undefined;
    if (held && !held.allow) {
      logger.info('pre-warm refused by a hold', { action: 'none', meetingStart: start, reason: held.reason });
      return { outcome: 'held', reason: held.reason };
    }
    const result = await deps.controller.wake(`pre-warm for a meeting at ${start}`);
    metrics.addMetric('WakeRequests', MetricUnit.Count, 1);
    logger.info('wake request', {
      source: 'prewarm', meetingStart: start, action: result.scaledUp.length > 0 ? 'scale-up' : 'none',
      scaledUp: result.scaledUp, phase: result.status.phase,
    });
    return { outcome: result.scaledUp.length > 0 ? 'woke' : 'already-awake', phase: result.status.phase, scaledUp: result.scaledUp };
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
