import { withEstimate } from '../../shared/domain/wake-estimate.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import type { WakeRouteDeps } from './routes.js';

/**
 * The status with the page's estimate; the configured value when no estimate is wired (tests, local). The
 * estimate is asked for at once, alongside the status read, not after it: on a container's first request
 * both go to AWS (ECS and CloudWatch), and one round trip is shorter than two. The estimate never rejects
 * (shared/domain/wake-estimate.ts falls back to the configured value), so only the status can fail.
 */
export async function estimated(deps: Pick<WakeRouteDeps, 'estimate' | 'config'>, status: GroupStatus | Promise<GroupStatus>): Promise<GroupStatus> {
  const estimate = deps.estimate ? deps.estimate.current() : Promise.resolve({ seconds: deps.config.controller.expectedWakeSeconds, source: 'configured' as const, samples: 0 });
  const [current, value] = await Promise.all([status, estimate]);
  return withEstimate(current, value);
}
