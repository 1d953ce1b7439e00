import { GroupController, type ControllerEvents } from './domain/controller.js';
import { systemClock, type Clock, type ReadinessProbe, type ServiceGroup } from './domain/service-group.js';
import { EcsServiceGroup } from './adapters/aws/ecs-service-group.js';
import { createAutoScalingClient, createCloudWatchClient, createEcsClient, createLambdaClient, type ClientProfile } from './adapters/aws/clients.js';
import { CloudWatchAlarmControl } from './adapters/aws/cloudwatch-history.js';
import { AlarmResettingGroup } from './domain/alarm-reset.js';
import { AllReadinessProbes, BridgeReadinessProbe } from './domain/bridge-readiness.js';
import { ProbeActivitySource } from './adapters/aws/probe-activity-source.js';
import type { WakeConfig } from './config/core-config.js';
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
  // Interactive profile: a best-effort call that must not stretch a wake past its deadline.
  const alarms = new CloudWatchAlarmControl(createCloudWatchClient('interactive'));
  return new AlarmResettingGroup(group, alarms, config.idleAlarmNames, (failures) => events.alarmResetFailed?.(failures));
}

/**
 * The wake function's readiness: the meeting URL (`/`, `/http-bind`) and, when the probe function is
 * configured, Jicofo's operational bridge count read through it (shared/domain/bridge-readiness.ts).
 */
export function createReadinessProbe(config: WakeConfig, group: ServiceGroup): ReadinessProbe {
  const http = new HttpReadinessProbe(config.readinessBaseUrl, config.probePaths, config.probeTimeoutMs);
  if (!config.readinessProbeFunction || !(group instanceof EcsServiceGroup)) return http;
  const stats = new ProbeActivitySource(createLambdaClient('interactive'), config.readinessProbeFunction);
  return new AllReadinessProbes([http, new BridgeReadinessProbe(group, stats)]);
}
