import { GroupController, type ControllerEvents } from './domain/controller.js';
import { systemClock, type Clock, type ReadinessProbe, type ServiceGroup } from './domain/service-group.js';
import { EcsServiceGroup } from './adapters/aws/ecs-service-group.js';
import { createAutoScalingClient, createEcsClient, type ClientProfile } from './adapters/aws/clients.js';
import { AlarmResettingGroup } from './domain/alarm-reset.js';
import type { AlarmControl } from './domain/activity-ports.js';
import { onFirstUse } from './lazy.js';
import { HttpReadinessProbe } from './adapters/http/readiness-probe.js';
import { SimulatedServiceGroup } from './adapters/memory/simulated-group.js';
import type { CoreConfig } from './config/core-config.js';
import { readSimulatedPhases } from './config/simulation-config.js';

/** Composition root shared by the functions: real adapters for `aws`, the embedded group for `simulated`. */
export function createServiceGroup(config: CoreConfig, clock: Clock = systemClock, profile: ClientProfile = 'background'): ServiceGroup {
  if (config.backend === 'simulated') {
    return new SimulatedServiceGroup(config.members, clock, {
      startDelayMs: 0,
      phases: readSimulatedPhases(),
      stopDelayMs: 3000,
      healthChecks: true,
    });
  }
  return new EcsServiceGroup(config.members, createEcsClient(profile), createAutoScalingClient(profile), {
    workingMinTasks: config.workingMinTasks,
  });
}

export function createController(
  config: CoreConfig,
  events: ControllerEvents,
  group: ServiceGroup = createServiceGroup(config),
  probe: ReadinessProbe = new HttpReadinessProbe(config.readinessBaseUrl, config.probePaths, config.probeTimeoutMs),
  clock: Clock = systemClock,
): GroupController {
  return new GroupController(withAlarmReset(config, group, events), probe, clock, config.controller, events);
}

/** Every wake and stop resets the idle alarms to OK (shared/domain/alarm-reset.ts) when they are configured. */
function withAlarmReset(config: CoreConfig, group: ServiceGroup, events: ControllerEvents): ServiceGroup {
  if (config.backend !== 'aws' || config.idleAlarmNames.length === 0) return group;
  // Interactive profile: a best-effort call that must not stretch a wake past its deadline. The CloudWatch
  // client loads on the first wake or stop, not at cold start (shared/lazy.ts).
  const load = onFirstUse(async () => (await import('./adapters/aws/cloudwatch-history.js')).createAlarmControl('interactive'));
  const alarms: AlarmControl = { rearm: async (alarmName, reason) => (await load()).rearm(alarmName, reason) };
  return new AlarmResettingGroup(group, alarms, config.idleAlarmNames, (failures) => events.alarmResetFailed?.(failures));
}
