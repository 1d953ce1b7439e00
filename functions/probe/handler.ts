import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { StatsFetcher } from '../../shared/domain/activity-ports.js';
import { parseProbeRequest, type ProbeResponse } from '../../shared/domain/probe-contract.js';
import { readTaskStats, type StatsPorts } from '../../shared/domain/task-stats.js';

export interface ProbeHandlerDeps {
  fetcher: StatsFetcher;
  ports: StatsPorts;
  logger: Logger;
  metrics: Metrics;
}

/**
 * The probe (inside the VPC, no AWS calls): `{ targets: [{ member, ip }] }` → Jicofo and JVB readings per
 * target. Bad input is answered with `{ ok: false, error }` before any request is made.
 */
export function createProbeHandler({ fetcher, ports, logger, metrics }: ProbeHandlerDeps) {
  return middy(async (event: unknown): Promise<ProbeResponse> => {
    const request = parseProbeRequest(event);
    if (!request.ok) {
      logger.warn(`rejected probe request: ${request.error}`, { action: 'reject' });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      return { ok: false, error: request.error };
    }
    const readings = await Promise.all(request.targets.map((t) => readTaskStats(t, fetcher, ports)));
    logger.info('probe', {
      action: 'read',
      readings: readings.map((r) => ({
        member: r.member, ip: r.ip,
        jicofo: r.jicofo.ok ? `${r.jicofo.participants}p/${r.jicofo.conferences}c` : r.jicofo.reason,
        jvb: r.jvb.ok ? `${r.jvb.participants}p/${r.jvb.conferences}c` : r.jvb.reason,
      })),
    });
    return { ok: true, readings };
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}
