import type { CoreConfig } from './config/core-config.js';
import type { EstimateConfig } from './config/estimate-config.js';
import { CachedWakeEstimate, type WakeHistory } from './domain/wake-estimate.js';
import { systemClock, type Clock } from './domain/service-group.js';

/**
 * The wake function's estimate: learned from CloudWatch for the `aws` backend, the configured value otherwise.
 * The CloudWatch client loads on first use (once an hour per container), not at cold start.
 */
export function createWakeEstimate(
  config: CoreConfig, estimate: EstimateConfig, onError: (error: unknown) => void, clock: Clock = systemClock,
): CachedWakeEstimate {
  const history = config.backend === 'aws' ? lazyCloudWatchHistory(config.metricNamespace, estimate.metricService) : undefined;
  return new CachedWakeEstimate(history, config.controller.expectedWakeSeconds, clock, { ttlMs: 3_600_000, retryMs: 300_000, onError });
}

function lazyCloudWatchHistory(namespace: string, service: string): WakeHistory {
  let history: Promise<WakeHistory> | undefined;
  return {
    async wakeSeconds(from, to) {
      history ??= Promise.all([import('./adapters/aws/clients.js'), import('./adapters/aws/cloudwatch-wake-history.js')])
        .then(([clients, adapter]) => new adapter.CloudWatchWakeHistory(clients.createCloudWatchClient(), namespace, service));
      return (await history).wakeSeconds(from, to);
    },
  };
}
