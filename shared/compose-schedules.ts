import { SchedulerSchedules } from './adapters/aws/scheduler-schedules.js';
import { createSchedulerClient } from './adapters/aws/schedule-clients.js';
import { MemorySchedules } from './adapters/memory/memory-schedules.js';
import type { CoreConfig } from './config/core-config.js';
import type { SchedulingConfig } from './config/schedule-config.js';
import type { Schedules } from './domain/schedules.js';
import { systemClock, type Clock } from './domain/service-group.js';

/**
 * Schedules for the configured backend: EventBridge Scheduler for `aws`, in memory for `simulated` (the
 * local loop fires due entries). The Scheduler client is created once, at the caller's module scope.
 */
export function createSchedules(config: Pick<CoreConfig, 'backend'>, scheduling: SchedulingConfig, clock: Clock = systemClock): Schedules {
  if (config.backend === 'simulated') return new MemorySchedules(clock);
  return new SchedulerSchedules(createSchedulerClient(), {
    groupName: scheduling.scheduleGroupName,
    roleArn: scheduling.schedulerRoleArn,
    timeZone: scheduling.timeZone,
  });
}
