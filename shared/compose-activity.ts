import type { ActivitySource, AlarmControl, GroupTasks, MetricsPublisher, ParticipantHistory, WakeLedger } from './domain/activity-ports.js';
import { unknownActivity } from './domain/activity.js';
import type { ControllerEvents, GroupController } from './domain/controller.js';
import { systemClock, type Clock, type ServiceGroup } from './domain/service-group.js';
import { createAutoScalingClient, createEcsClient } from './adapters/aws/clients.js';
import { createCloudWatchClient } from './adapters/aws/cloudwatch-client.js';
import { createLambdaClient } from './adapters/aws/lambda-client.js';
import { EcsServiceGroup } from './adapters/aws/ecs-service-group.js';
import { ProbeActivitySource } from './adapters/aws/probe-activity-source.js';
import { MetricActivitySource } from './adapters/aws/metric-activity-source.js';
import { CloudWatchGroupMetrics } from './adapters/aws/cloudwatch-group-metrics.js';
import { CloudWatchAlarmControl, CloudWatchParticipantHistory, CloudWatchWakeLedger } from './adapters/aws/cloudwatch-history.js';
import { SimulatedServiceGroup } from './adapters/memory/simulated-group.js';
import { FixedActivitySource, InMemoryMetricStore, InMemoryWakeLedger, RecordingAlarmControl } from './adapters/memory/activity-memory.js';
import { createController } from './compose.js';
import type { WatchConfig } from './config/activity-config.js';
import type { IdleShutdownConfig } from './config/idle-config.js';

/**
 * Composition for the watcher and the idle shutdown. Called at module scope by the entry files, so each
 * SDK client is created once per container and shared by the adapters that need it.
 */
export interface WatchRuntime {
  group: ServiceGroup & GroupTasks;
  source: ActivitySource;
  publisher: MetricsPublisher;
}

export interface IdleRuntime extends Omit<WatchRuntime, 'publisher'> {
  ledger: WakeLedger;
  history: ParticipantHistory;
  alarms: AlarmControl;
  controller: GroupController;
}

export function createWatchRuntime(config: WatchConfig, clock: Clock = systemClock): WatchRuntime {
  if (config.backend === 'simulated') return { ...simulated(config, clock), publisher: new InMemoryMetricStore() };
  const cloudwatch = createCloudWatchClient();
  return {
    group: new EcsServiceGroup(config.members, createEcsClient(), createAutoScalingClient(), { workingMinTasks: config.workingMinTasks }),
    source: activitySource(config, cloudwatch, clock),
    publisher: new CloudWatchGroupMetrics(cloudwatch, config.metricNamespace, config.groupName),
  };
}

export function createIdleRuntime(config: IdleShutdownConfig, events: ControllerEvents, clock: Clock = systemClock): IdleRuntime {
  if (config.backend === 'simulated') {
    const { group, source } = simulated(config, clock);
    const store = new InMemoryMetricStore();
    return { group, source, history: store, ledger: new InMemoryWakeLedger(), alarms: new RecordingAlarmControl(), controller: createController(config, events, group, undefined, clock) };
  }
  const cloudwatch = createCloudWatchClient();
  const group = new EcsServiceGroup(config.members, createEcsClient(), createAutoScalingClient(), { workingMinTasks: config.workingMinTasks });
  return {
    group,
    source: activitySource(config, cloudwatch, clock),
    ledger: new CloudWatchWakeLedger(cloudwatch, config.metricNamespace, config.wakeMetricService),
    history: new CloudWatchParticipantHistory(cloudwatch, config.metricNamespace, config.groupName),
    alarms: new CloudWatchAlarmControl(cloudwatch),
    // handleIdleAlarm resets the alarms after a stop itself (and tests it), so no second reset here.
    controller: createController({ ...config, idleAlarmNames: [] }, events, group, undefined, clock),
  };
}

/** The wake ledger the stop paths consult: the wake function's metrics in AWS, in memory when simulated. */
export function createWakeLedger(config: WatchConfig, wakeMetricService: string): WakeLedger {
  return config.backend === 'simulated' ? new InMemoryWakeLedger() : new CloudWatchWakeLedger(createCloudWatchClient(), config.metricNamespace, wakeMetricService);
}

function activitySource(config: WatchConfig, cloudwatch: ReturnType<typeof createCloudWatchClient>, clock: Clock): ActivitySource {
  return config.activity.kind === 'metric'
    ? new MetricActivitySource(cloudwatch, config.activity.metric, clock)
    : new ProbeActivitySource(createLambdaClient(), config.activity.probeFunctionName);
}

/** A Lambda entry on the simulated backend has no Jitsi to read: activity is honestly unknown (never idle). */
function simulated(config: WatchConfig, clock: Clock) {
  const group = new SimulatedServiceGroup(config.members, clock, { startDelayMs: 20_000, stopDelayMs: 3000, healthChecks: true });
  return { group, source: new FixedActivitySource(unknownActivity('simulated backend: no Jitsi stats in this process')) };
}
