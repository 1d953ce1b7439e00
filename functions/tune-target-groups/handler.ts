import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import { ModifyTargetGroupAttributesCommand, ModifyTargetGroupCommand, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import type { CfnResponder } from '../../shared/adapters/http/cfn-response.js';
import { parseTuning, type TargetGroupTuning } from '../../shared/domain/target-group-tuning.js';

export interface TuneHandlerDeps {
  elb: ElasticLoadBalancingV2Client;
  respond: CfnResponder;
  logger: Logger;
  metrics: Metrics;
}

/**
 * Custom resource (Custom::TuneTargetGroups): on Create and Update it sets the health-check settings and
 * the deregistration delay on every target group of the Express service (setting the same values again is
 * harmless, so a retry or a re-run is idempotent); on Delete it does nothing (the target groups belong to
 * Express and go with the service). Bad properties fail the resource with the reason and change nothing.
 */
export function createTuneHandler({ elb, respond, logger, metrics }: TuneHandlerDeps) {
  return middy(async (event: CloudFormationCustomResourceEvent): Promise<void> => {
    const physicalId = event.RequestType === 'Create' ? `tune-target-groups:${event.LogicalResourceId}` : event.PhysicalResourceId;
    const reply = (Status: 'SUCCESS' | 'FAILED', Reason?: string, Data?: Record<string, string>) => respond(event.ResponseURL, {
      Status, Reason, PhysicalResourceId: physicalId, StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId, Data,
    });
    if (event.RequestType === 'Delete') {
      logger.info('target groups left as they are on delete', { action: 'none', reason: 'Express owns and deletes its target groups' });
      await reply('SUCCESS');
      return;
    }
    const parsed = parseTuning(event.ResourceProperties as Record<string, unknown>);
    if (!parsed.ok) {
      logger.error('rejected target-group tuning request', { action: 'reject', reason: parsed.error });
      metrics.addMetric('RejectedEvents', MetricUnit.Count, 1);
      await reply('FAILED', parsed.error);
      return;
    }
    try {
      for (const arn of parsed.tuning.targetGroupArns) await tune(elb, arn, parsed.tuning);
    } catch (e) {
      const reason = `tuning failed: ${(e as Error).name}: ${(e as Error).message}`;
      logger.error(reason, { action: 'tune', targetGroups: parsed.tuning.targetGroupArns });
      metrics.addMetric('TargetGroupTuningFailures', MetricUnit.Count, 1);
      await reply('FAILED', reason);
      return;
    }
    logger.info('tuned target groups', { action: 'tune', reason: `${event.RequestType}: faster health checks and deregistration`, targetGroups: parsed.tuning.targetGroupArns });
    metrics.addMetric('TargetGroupsTuned', MetricUnit.Count, parsed.tuning.targetGroupArns.length);
    await reply('SUCCESS', undefined, { TargetGroupCount: String(parsed.tuning.targetGroupArns.length) });
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}

async function tune(elb: ElasticLoadBalancingV2Client, arn: string, t: TargetGroupTuning): Promise<void> {
  await elb.send(new ModifyTargetGroupCommand({
    TargetGroupArn: arn,
    HealthCheckIntervalSeconds: t.intervalSeconds,
    HealthCheckTimeoutSeconds: t.timeoutSeconds,
    HealthyThresholdCount: t.healthyThreshold,
    UnhealthyThresholdCount: t.unhealthyThreshold,
  }));
  await elb.send(new ModifyTargetGroupAttributesCommand({
    TargetGroupArn: arn,
    Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(t.deregistrationDelaySeconds) }],
  }));
}
