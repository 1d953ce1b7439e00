import { GroupController, type ControllerEvents } from './domain/controller.js';
import { systemClock, type Clock, type ReadinessProbe, type ServiceGroup } from './domain/service-group.js';
import { EcsServiceGroup } from './adapters/aws/ecs-service-group.js';
import { createAutoScalingClient, createEcsClient, type ClientProfile } from './adapters/aws/clients.js';
import { HttpReadinessProbe } from './adapters/http/readiness-probe.js';
import { SimulatedServiceGroup } from './adapters/memory/simulated-group.js';
import type { CoreConfig } from './config/core-config.js';

/** Composition root shared by the functions: real adapters for `aws`, the embedded group for `simulated`. */
export function createServiceGroup(config: CoreConfig, clock: Clock = systemClock, profile: ClientProfile = 'background'): ServiceGroup {
  if (config.backend === 'simulated') {
    return new SimulatedServiceGroup(config.members, clock, {
      startDelayMs: Number(process.env.SIM_START_DELAY_SECONDS ?? 20) * 1000,
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
  probe: ReadinessProbe = new HttpReadinessProbe(config.meetingBaseUrl, config.probePaths, config.probeTimeoutMs),
  clock: Clock = systemClock,
): GroupController {
  return new GroupController(group, probe, clock, config.controller, events);
}
