import type { CoreConfig } from './config/core-config.js';
import type { EstimateConfig } from './config/estimate-config.js';
import { CachedWakeEstimate, type WakeHistory } from './domain/wake-estimate.js';
import { systemClock, type Clock } from './domain/service-group.js';
import { onFirstUse } from './lazy.js';

/**
 * The wake function's estimate: learned from CloudWatch for the `aws` backend, the configured value otherwise.
 * The adapter and its CloudWatch client load on first use (once an hour per container at most), in their
 * own chunk of the wake bundle (shared/lazy.ts), not at cold start.
 */
export function createWakeEstimate(
  config: CoreConfig, estimate: EstimateConfig, onError: (error: unknown) => void, clock: Clock = systemClock,
): CachedWakeEstimate {
  const history = config.backend === 'aws' ? onFirstUseHistory(config.metricNamespace, estimate.metricService) : undefined;
  return new CachedWakeEstimate(history, config.controller.expectedWakeSeconds, clock, { ttlMs: 3_600_000, retryMs: 300_000, onError });
}

function onFirstUseHistory(namespace: string, service: string): WakeHistory {
  const load = onFirstUse(async () => (await import('./adapters/aws/cloudwatch-wake-history.js')).createCloudWatchWakeHistory(namespace, service));
  return { wakeSeconds: async (from, to) => (await load()).wakeSeconds(from, to) };
}
