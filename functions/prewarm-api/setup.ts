import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { Logger } from '@aws-lambda-powertools/logger';
import { SsmSecretToken } from '../../shared/adapters/aws/ssm-secret-token.js';
import { createSsmClient } from '../../shared/adapters/aws/schedule-clients.js';
import { createSchedules } from '../../shared/compose-schedules.js';
import type { CoreConfig } from '../../shared/config/core-config.js';
import type { PrewarmAuthConfig, PrewarmConfig } from '../../shared/config/prewarm-config.js';
import type { GroupController } from '../../shared/domain/controller.js';
import { PrewarmService } from '../../shared/domain/prewarm-service.js';
import type { Schedules } from '../../shared/domain/schedules.js';
import type { SecretToken } from '../../shared/domain/secret-token.js';
import { systemClock, type Clock } from '../../shared/domain/service-group.js';
import type { PrewarmRouteDeps } from './routes.js';
import type { HoldGate } from '../../shared/domain/hold-gate.js';

export interface PrewarmSetup {
  config: CoreConfig;
  prewarm: PrewarmConfig & PrewarmAuthConfig;
  controller: GroupController;
  logger: Logger;
  metrics: Metrics;
  clock?: Clock;
  /** Injected in tests; created from the configuration otherwise (once, at cold start). */
  schedules?: Schedules;
  token?: SecretToken;
  /** Operator holds: a pre-warm whose wake falls in a maintenance hold is refused. */
  holds?: HoldGate;
}

/** Composition of the pre-warm API: Scheduler, the SSM token and one log line plus metric per action. */
export function createPrewarmRouteDeps(setup: PrewarmSetup): PrewarmRouteDeps {
  const { config, prewarm, controller, logger, metrics } = setup;
  const clock = setup.clock ?? systemClock;
  const schedules = setup.schedules ?? createSchedules(config, prewarm, clock);
  const token = setup.token ?? new SsmSecretToken(createSsmClient(), prewarm.tokenParameter, prewarm.tokenTtlMs, clock);
  return {
    service: new PrewarmService(schedules, controller, clock, prewarm, setup.holds),
    token,
    onAction(action, details) {
      switch (action) {
        case 'scheduled':
          logger.info('pre-warm scheduled', { action: 'prewarm-schedule', ...details });
          if (details.created) metrics.addMetric('PrewarmsScheduled', MetricUnit.Count, 1);
          return;
        case 'cancelled':
          logger.info('pre-warm cancelled', { action: 'prewarm-cancel', ...details });
          metrics.addMetric('PrewarmsCancelled', MetricUnit.Count, 1);
          return;
        case 'woke-now':
          logger.info('wake request', { source: 'prewarm-api', action: 'wake', ...details });
          metrics.addMetric('WakeRequests', MetricUnit.Count, 1);
          return;
        case 'refused':
          logger.info('pre-warm refused', { action: 'none', ...details });
          return;
        case 'token-unusable':
          logger.error('pre-warm token unusable', details);
          return;
        default:
          logger.warn('pre-warm request refused', { action: 'none', ...details });
          metrics.addMetric('PrewarmUnauthorized', MetricUnit.Count, 1);
      }
    },
  };
}
