import { withEstimate } from '../../shared/domain/wake-estimate.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import type { WakeRouteDeps } from './routes.js';

/** The status with the page's estimate; the configured value when no estimate is wired (tests, local). */
export async function estimated(deps: Pick<WakeRouteDeps, 'estimate' | 'config'>, status: GroupStatus): Promise<GroupStatus> {
  const estimate = deps.estimate ? await deps.estimate.current() : { seconds: deps.config.controller.expectedWakeSeconds, source: 'configured' as const, samples: 0 };
  return withEstimate(status, estimate);
}
