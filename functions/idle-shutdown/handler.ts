import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { accountAndRegion, checkAlarmEvent, MAX_ALARM_EVENT_AGE_MS } from '../../shared/domain/alarm-event.js';
import { handleIdleAlarm, type IdleOutcome, type IdleShutdownDeps } from '../../shared/domain/idle-shutdown.js';

export interface IdleShutdownHandlerDeps extends Omit<IdleShutdownDeps, 'alarmNames'> {
  noJoinAlarmName: string;
  emptyAlarmName: string;
  logger: Logger;
  metrics: Metrics;
  maxEventAgeMs?: number;
}

export type IdleShutdownResult = IdleOutcome | { action: 'rejected'; reason: string; rearmed?: boolean };

/**
 * CloudWatch alarm Lambda action. Accepts only a fresh transition to ALARM of this controller's NO_JOIN or
 * EMPTY alarm in its own account and region, then re-checks live and decides (docs/idle-shutdown.md).
 * Every decision is one structured log line and a Stops or StopsSkipped count.
 */
export function createIdleShutdownHandler(deps: IdleShutdownHandlerDeps) {
  const { logger, metrics } = deps;
  const domainDeps: IdleShutdownDeps = { ...deps, alarmNames: [deps.noJoinAlarmName, deps.emptyAlarmName] };
  const rearmQuietly = (name: string, reason: string): Promise<boolean> =>
    deps.alarms.rearm(name, reason).then(() => true, (error: unknown) => {
      logger.warn('could not re-arm the alarm', { action: 'rearm', alarm: name, error: String(error) });
      return false;
    });
  return middy(async (event: unknown, context: Context): Promise<IdleShutdownResult> => {
    const own = accountAndRegion(context.invokedFunctionArn ?? '');
    const check = own
      ? checkAlarmEvent(event, {
        noJoinAlarmName: deps.noJoinAlarmName,
        emptyAlarmName: deps.emptyAlarmName,
        ...own,
        now: deps.clock.now(),
        maxAgeMs: deps.maxEventAgeMs ?? MAX_ALARM_EVENT_AGE_MS,
      })
      : { ok: false as const, reason: `cannot tell this function's account and region from ${context.invokedFunctionArn}` };
    if (!check.ok) {
      const alarmName = (event as { alarmData?: { alarmName?: unknown } } | null)?.alarmData?.alarmName;
      const rearmed = check.rearm ? await rearmQuietly(check.rearm, `re-armed by idle shutdown: ${check.reason}`) : undefined;
      logger.warn(`rejected alarm event: ${check.reason}`, {
        action: 'reject', reason: check.reason, alarmName: typeof alarmName === 'string' ? alarmName.slice(0, 255) : undefined,
        ...(rearmed === undefined ? {} : { rearmed }),
      });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return { action: 'rejected', reason: check.reason, ...(rearmed === undefined ? {} : { rearmed }) };
    }

    let outcome: IdleOutcome;
    try {
      outcome = await handleIdleAlarm(check.alarm, domainDeps);
    } catch (error) {
      // Thrown on purpose: the asynchronous invoke is retried, and a retry re-checks everything again. The
      // alarm is re-armed first where CloudWatch answers, so even after the last retry (which ends in the
      // function's on-failure destination) it can fire again.
      const rearmed = await rearmQuietly(check.alarm.name, `re-armed by idle shutdown after a failure: ${(error as Error).message}`);
      logger.error('idle shutdown failed before deciding', { action: 'error', alarm: check.alarm.name, rearmed, error: error as Error });
      throw error;
    }
    const { decision } = outcome;
    if (decision.action === 'skip') metrics.addMetric('StopsSkipped', MetricUnit.Count, 1);
    logger.info(`idle decision: ${decision.action}`, {
      action: decision.action === 'stop' ? 'stop' : 'skip',
      reason: decision.reason,
      ...(decision.action === 'skip' ? { code: decision.code } : {}),
      alarm: outcome.alarm,
      timer: outcome.timer,
      facts: outcome.facts,
      stopped: outcome.stopped,
      rearmed: outcome.rearmed,
      ...(outcome.rearmError ? { rearmError: outcome.rearmError } : {}),
    });
    return outcome;
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
