import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ControllerEvents } from './domain/controller.js';
import type { HoldDecision } from './domain/hold-gate.js';
import { stopReasonOf } from './domain/stop-reasons.js';
import { phaseSeconds } from './domain/wake-timeline.js';

/** One Logger and one Metrics per container, with central defaults (service name, namespace). */
const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'jitsi-scale-to-zero';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({
  serviceName,
  // Requests that only read status publish no metric; that is expected, not worth a warning per poll.
  logger: {
    debug: (...a: unknown[]) => logger.debug(String(a[0])),
    info: (...a: unknown[]) => logger.info(String(a[0])),
    error: (...a: unknown[]) => logger.error(String(a[0])),
    warn: (...a: unknown[]) => (String(a[0]).startsWith('No application metrics') ? logger.debug(String(a[0])) : logger.warn(String(a[0]))),
  },
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? process.env.METRIC_NAMESPACE ?? 'JitsiScaleToZero',
});

export { MetricUnit };

/** Turns controller events into structured log lines and metrics (DESIGN invariant 9). */
export function controllerEvents(log: Logger = logger, m: Metrics = metrics): ControllerEvents {
  return {
    phaseChanged(from, to, status) {
      log.info('group phase changed', { from: from ?? 'unknown', to, reason: status.message, members: status.members });
    },
    scaledUp(memberIds, reason) {
      log.info('woke service group', { action: 'wake', members: memberIds, reason });
      m.addMetric('Wakes', MetricUnit.Count, 1);
    },
    scaledDown(memberIds, reason) {
      const stopReason = stopReasonOf(reason);
      log.info('stopped service group', { action: 'sleep', members: memberIds, reason, stopReason });
      m.addMetric('Stops', MetricUnit.Count, 1);
      // The monthly report's "stops by reason": its own metric with a Reason dimension, flushed at once.
      const byReason = m.singleMetric();
      byReason.addDimension('Reason', stopReason);
      byReason.addMetric('StopsByReason', MetricUnit.Count, 1);
    },
    becameReady(wakeSeconds) {
      log.info('service group ready', { wakeSeconds });
      if (wakeSeconds !== undefined) m.addMetric('WakeToReadySeconds', MetricUnit.Seconds, wakeSeconds);
    },
    wakeTimeline(timeline, outcome, status) {
      const phases = phaseSeconds(timeline);
      log.info('wake timeline', { outcome, requestedAt: timeline.requestedAt, totalSeconds: status.elapsedSeconds, phases, stuckIn: outcome === 'error' ? timeline.current : undefined });
      // One metric, one `Phase` dimension (dashboard: where the wake time goes).
      for (const [phase, seconds] of Object.entries(phases)) {
        const single = m.singleMetric();
        single.addDimension('Phase', phase);
        single.addMetric('WakePhaseSeconds', MetricUnit.Seconds, seconds);
      }
    },
    alarmResetFailed(failures) {
      log.warn('could not reset the idle alarms to OK', { action: 'alarm-reset', failures });
      m.addMetric('AlarmResetFailures', MetricUnit.Count, 1);
    },
  };
}

/** Every hold decision: one log line with its reason (and whether it blocked) and one HoldDecisions count. */
export function holdDecisionEvents(log: Logger = logger, m: Metrics = metrics): (d: HoldDecision) => void {
  return (d) => {
    (d.decision === 'ignored' ? log.warn.bind(log) : log.info.bind(log))(`hold decision: ${d.decision}`, { action: 'hold', ...d });
    m.addMetric('HoldDecisions', MetricUnit.Count, 1);
  };
}
