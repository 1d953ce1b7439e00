import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { parsePowerDownEvent } from '../../shared/domain/power-down.js';
import type { PowerDownDeps, PowerDownOutcome } from '../../shared/domain/power-down-service.js';
import type { HoldGate } from '../../shared/domain/hold-gate.js';
import { powerDownWithHolds } from '../../shared/domain/hold-steps.js';

export interface PowerDownHandlerDeps extends PowerDownDeps {
  logger: Logger;
  metrics: Metrics;
  /** Operator holds (HOLD_PARAMETER); absent when not configured. */
  holds?: HoldGate;
}

export type PowerDownResult =
  | { outcome: 'rejected'; reason: string }
  | { outcome: 'stopped' | 'deferred' | 'nothing'; reason: string; forced?: string; stopped: string[]; recheck?: string };

/**
 * Nightly power-down and its re-checks (Scheduler → Lambda). Malformed events are logged and dropped
 * (returning normally, so nothing retries them); dependency failures throw, so the same event is retried
 * and, with deterministic schedule names, still leads to one stop and one re-check.
 */
export function createPowerDownHandler(deps: PowerDownHandlerDeps) {
  const { logger, metrics } = deps;
  return middy(async (event: unknown, context: Context): Promise<PowerDownResult> => {
    const parsed = parsePowerDownEvent(event);
    if (!parsed.ok) {
      logger.warn('rejected malformed power-down event', { reason: parsed.reason, eventKeys: keysOf(event) });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return { outcome: 'rejected', reason: parsed.reason };
    }
    const outcome = await powerDownWithHolds(parsed.event, context.invokedFunctionArn, deps);
    report(outcome, parsed.event.action, deps);
    const { decision } = outcome;
    const kind = decision.kind === 'stop' ? 'stopped' : decision.kind === 'defer' ? 'deferred' : 'nothing';
    return {
      outcome: kind, reason: decision.reason, stopped: outcome.stopped,
      ...(decision.kind === 'stop' && decision.forced ? { forced: decision.forced } : {}),
      ...(decision.kind === 'defer' ? { recheck: decision.scheduleName } : {}),
    };
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}

/** One structured line per decision with its reason; metrics count what actually happened. */
function report(outcome: PowerDownOutcome, trigger: string, { logger, metrics, settings }: PowerDownHandlerDeps): void {
  const { decision, activity, deadline } = outcome;
  const common = { trigger, policy: settings.policy, deadline: deadline.toISOString(), activity, reason: decision.reason };
  switch (decision.kind) {
    case 'stop':
      if (decision.forced === 'deadline') logger.warn('power-down: the deadline forced a stop while a meeting may be live', { action: 'stop', ...common, stopped: outcome.stopped });
      else if (decision.forced === 'policy') logger.warn('power-down: policy force stopped the group regardless of activity', { action: 'stop', ...common, stopped: outcome.stopped });
      else logger.info('power-down: stopping the group', { action: 'stop', ...common, stopped: outcome.stopped });
      return;
    case 'defer':
      logger.info('power-down deferred: meeting live or activity unknown', {
        action: 'defer', ...common, recheckAt: decision.recheckAt.toISOString(), attempt: decision.attempt,
        schedule: decision.scheduleName, scheduleCreated: outcome.recheck === 'created',
      });
      // A duplicate delivery finds the re-check already scheduled: count the deferral once.
      if (outcome.recheck === 'created') {
        metrics.addMetric('PowerDownDeferred', MetricUnit.Count, 1);
        metrics.addMetric('StopsSkipped', MetricUnit.Count, 1);
      }
      return;
    default:
      logger.info('power-down: nothing to do', { action: 'none', ...common });
  }
}

function keysOf(event: unknown): string[] | string {
  return event && typeof event === 'object' ? Object.keys(event) : typeof event;
}
