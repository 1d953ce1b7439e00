import { GroupController, type ControllerEvents } from './domain/controller.js';
import { systemClock, type Clock, type ReadinessProbe, type ServiceGroup } from './domain/service-group.js';
import { EcsServiceGroup } from './adapters/aws/ecs-service-group.js';
import { createAutoScalingClient, createEcsClient } from './adapters/aws/clients.js';
import { HttpReadinessProbe } from './adapters/http/readiness-probe.js';
import { SimulatedServiceGroup } from './adapters/memory/simulated-group.js';
import type { CoreConfig } from './config/core-config.js';
import { readSimulatedPhases } from './config/simulation-config.js';

/** Composition root shared by the functions: real adapters for `aws`, the embedded group for `simulated`. */
export function createServiceGroup(config: CoreConfig, clock: Clock = systemClock): ServiceGroup {
  if (config.backend === 'simulated') {
    return new SimulatedServiceGroup(config.members, clock, {
      startDelayMs: 0,
      phases: readSimulatedPhases(),
      stopDelayMs: 3000,
      healthChecks: true,
    });
  }
  return new EcsServiceGroup(config.members, createEcsClient(), createAutoScalingClient(), {
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
