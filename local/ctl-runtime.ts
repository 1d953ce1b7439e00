import { CloudWatchDecisionLog } from '../shared/adapters/aws/cloudwatch-decision-log.js';
import { CloudWatchIdleAlarms } from '../shared/adapters/aws/cloudwatch-idle-alarms.js';
import { createLogsClient } from '../shared/adapters/aws/operator-clients.js';
import { SchedulerSchedules } from '../shared/adapters/aws/scheduler-schedules.js';
import { createSchedulerClient } from '../shared/adapters/aws/schedule-clients.js';
import { MemoryDecisionLog } from '../shared/adapters/memory/memory-decision-log.js';
import { FixedProbe, SimulatedServiceGroup } from '../shared/adapters/memory/simulated-group.js';
import { MemorySchedules } from '../shared/adapters/memory/memory-schedules.js';
import { readWatchConfig } from '../shared/config/activity-config.js';
import { EnvReader, type Env } from '../shared/config/env-reader.js';
import { readOperatorConfig, type OperatorConfig } from '../shared/config/operator-config.js';
import { readPrewarmConfig } from '../shared/config/prewarm-config.js';
import { SIMULATED_SCHEDULING_ENV } from '../shared/config/schedule-config.js';
import { createWatchRuntime } from '../shared/compose-activity.js';
import { createSchedules } from '../shared/compose-schedules.js';
import { createController } from '../shared/compose.js';
import { unknownActivity } from '../shared/domain/activity.js';
import { GroupController } from '../shared/domain/controller.js';
import type { DecisionLog } from '../shared/domain/decisions.js';
import { nextWallClockTime, type IdleAlarmView } from '../shared/domain/operator-view.js';
import { PrewarmService } from '../shared/domain/prewarm-service.js';
import { RECHECK_PREFIX } from '../shared/domain/power-down.js';
import { PREWARM_PREFIX } from '../shared/domain/prewarm.js';
import type { ScheduleEntry, Schedules } from '../shared/domain/schedules.js';
import { systemClock, type Clock } from '../shared/domain/service-group.js';
import { liveActivity, type LiveActivity } from '../shared/domain/stop-check.js';
import { readHoldConfig } from '../shared/config/hold-config.js';
import { SsmHoldStore } from '../shared/adapters/aws/ssm-hold-store.js';
import { createSsmClient } from '../shared/adapters/aws/schedule-clients.js';
import { MemoryHoldStore } from '../shared/adapters/memory/memory-hold-store.js';
import { HoldGate } from '../shared/domain/hold-gate.js';
import type { HoldStore } from '../shared/domain/hold.js';
import { readReportConfig, type ReportConfig } from '../shared/config/report-config.js';
import { CloudWatchUsageHistory } from '../shared/adapters/aws/cloudwatch-usage.js';
import { EcsTaskSizes } from '../shared/adapters/aws/ecs-task-sizes.js';
import { createEcsClient } from '../shared/adapters/aws/clients.js';
import { createCloudWatchClient } from '../shared/adapters/aws/cloudwatch-client.js';
import { FixedTaskSizes, UsageRecorder } from '../shared/adapters/memory/usage-recorder.js';
import type { ReportDeps } from '../shared/domain/report-service.js';

/** The hold parameter and a gate over it (no metrics from the CLI: it prints every decision instead). */
export interface CtlHolds {
  store: HoldStore;
  gate: HoldGate;
}

export type GroupControl = Pick<GroupController, 'status' | 'wake' | 'sleep'>;
export type PrewarmControl = Pick<PrewarmService, 'create' | 'list' | 'cancel'>;

/**
 * What the operator CLI drives: the same controller, activity check and pre-warm service as the functions,
 * plus read-only views for `status` and `log`. A view that is absent makes its status section say what
 * is missing instead of failing the command.
 */
export interface CtlRuntime {
  backend: 'aws' | 'simulated' | 'local';
  /** Where the settings came from: `stack JitsiScaleToZero`, `environment`, `local demo at …`. */
  origin: string;
  clock: Clock;
  /** Waits between polls (`up --wait`); tests make it instant. */
  pause(ms: number): Promise<void>;
  controller: GroupControl;
  activity: LiveActivity;
  /** Built on first use: only the pre-warm commands need the scheduling variables. */
  prewarm(): PrewarmControl;
  timeZone(): string;
  decisions?: DecisionLog;
  idleAlarms?: IdleAlarmView;
  /** One-time schedules waiting to run: power-down re-checks and pre-warms. */
  pending?: () => Promise<ScheduleEntry[]>;
  /** The next nightly power-down, or undefined when it is switched off. */
  nextNightly?: () => Promise<Date | undefined>;
  /** A deployment in progress (stack update, service rollout), or undefined. */
  deployment?: () => Promise<string | undefined>;
  /** Why a view is absent, when the default hint (use --stack, or set …) does not fit. */
  missing?: Partial<Record<'decisions' | 'idleAlarms' | 'pending' | 'nextNightly', string>>;
  /** Undefined when HOLD_PARAMETER is not set (AWS backend). */
  holds(): CtlHolds | undefined;
  holdCacheSeconds(): number;
  /** The monthly report's settings and ports; the report variables are read only when it runs. */
  report(): { config: ReportConfig; deps: ReportDeps };
}

const SIMULATED_DEFAULTS = { SERVICE_GROUP: 'local/jitsi-web,local/jitsi-jvb', MEETING_BASE_URL: 'http://localhost:8080/_meet', ...SIMULATED_SCHEDULING_ENV };

/**
 * The runtime from the environment. `CONTROLLER_BACKEND=simulated` runs against a fresh in-process simulated
 * group (asleep unless SIM_AWAKE=true, with SIM_PARTICIPANTS people meeting), so every command can be tried
 * without an AWS account; each run starts from scratch.
 */
export function ctlRuntimeFromEnv(env: Env, clock: Clock = systemClock, origin = 'environment'): CtlRuntime {
  const simulated = env.CONTROLLER_BACKEND === 'simulated';
  const full: Env = simulated ? { ...SIMULATED_DEFAULTS, ...env } : env;
  const r = new EnvReader(full);
  const config = readWatchConfig(r);
  const holdConfig = readHoldConfig(r);
  const operator = readOperatorConfig(r);
  r.done();
  let holds: CtlHolds | undefined;
  const holdsFor = (store: HoldStore): CtlHolds => (holds ??= { store, gate: new HoldGate(store, clock, 0) });
  const reportConfig = () => {
    const rr = new EnvReader(full);
    const settings = readReportConfig(rr, full);
    rr.done();
    return settings;
  };
  const reportFor = (make: (c: ReportConfig) => Omit<ReportDeps, 'prices' | 'dashboard' | 'members'>) => () => {
    const c = reportConfig();
    return { config: c, deps: { ...make(c), members: config.members, prices: { region: c.region, override: c.override }, dashboard: c.dashboard } };
  };
  const holdParts = {
    clock,
    holdCacheSeconds: () => holdConfig.cacheMs / 1000,
    holds: () => (simulated
      ? holdsFor(new MemoryHoldStore(env.SIM_HOLD))
      : holdConfig.parameter ? holdsFor(new SsmHoldStore(createSsmClient(), holdConfig.parameter)) : undefined),
  };
  const prewarmConfig = () => {
    const pr = new EnvReader(full);
    const settings = readPrewarmConfig(pr);
    pr.done();
    return settings;
  };
  let prewarm: PrewarmService | undefined;
  const nextNightly = nightlyClock(operator, clock);
  if (simulated) {
    const group = new SimulatedServiceGroup(config.members, clock, { startDelayMs: 0, stopDelayMs: 0, healthChecks: true });
    if (/^(1|true|yes)$/i.test(env.SIM_AWAKE ?? '')) for (const m of config.members) group.setDesired(m.id, 1);
    // One in-process run has no time to wait for repeated probes: the simulated meeting URL answers at once.
    const controller = new GroupController(group, new FixedProbe(true), clock, { ...config.controller, probeSuccessesRequired: 1, probeIntervalMs: 0 });
    const participants = Number(env.SIM_PARTICIPANTS ?? 0) || 0;
    const activity: LiveActivity = {
      read: async () => ((await group.allRunning())
        ? { kind: 'known', participants, conferences: participants > 0 ? 1 : 0, recording: false }
        : unknownActivity('no running task to read')),
    };
    const schedules = new MemorySchedules(clock);
    // A fresh in-process group has no history: its report is honestly empty (npm start keeps a session's report).
    const report = reportFor(() => ({ sizes: new FixedTaskSizes(), history: new UsageRecorder(clock) }));
    return {
      backend: 'simulated', origin: 'in-process simulation', pause, controller, activity, ...holdParts, report,
      prewarm: () => (prewarm ??= new PrewarmService(schedules, controller, clock, prewarmConfig(), holdParts.holds()?.gate)),
      timeZone: () => operator.timeZone,
      decisions: new MemoryDecisionLog(),
      pending: () => pendingSchedules(schedules),
      nextNightly,
    };
  }
  const { group, source } = createWatchRuntime(config, clock);
  const controller = createController(config, {}, group, undefined, clock);
  const cloudwatch = operator.idleAlarms ? createCloudWatchClient() : undefined;
  const scheduler = operator.scheduleGroupName ? createSchedulerClient() : undefined;
  return {
    backend: 'aws', origin, pause, controller, activity: liveActivity(group, source), ...holdParts,
    report: reportFor((c) => ({
      sizes: new EcsTaskSizes(createEcsClient()),
      history: new CloudWatchUsageHistory(createCloudWatchClient(), { namespace: config.metricNamespace, groupName: config.groupName, serviceName: c.serviceName }, config.members, clock),
    })),
    prewarm: () => {
      const settings = prewarmConfig();
      return (prewarm ??= new PrewarmService(createSchedules(config, settings, clock), controller, clock, settings, holdParts.holds()?.gate));
    },
    timeZone: () => operator.timeZone,
    ...(Object.keys(operator.logGroups).length > 0 ? { decisions: new CloudWatchDecisionLog(createLogsClient(), operator.logGroups) } : {}),
    ...(cloudwatch && operator.idleAlarms
      ? { idleAlarms: new CloudWatchIdleAlarms(cloudwatch, operator.idleAlarms, { namespace: config.metricNamespace, group: config.groupName }, clock) }
      : {}),
    ...(scheduler && operator.scheduleGroupName
      ? { pending: () => pendingSchedules(new SchedulerSchedules(scheduler, { groupName: operator.scheduleGroupName!, roleArn: '', timeZone: operator.timeZone })) }
      : {}),
    nextNightly,
  };
}

/** Re-checks and pre-warms (Scheduler's NamePrefix must not be empty, so one list per kind). */
export async function pendingSchedules(schedules: Pick<Schedules, 'list'>): Promise<ScheduleEntry[]> {
  const [rechecks, prewarms] = await Promise.all([schedules.list(RECHECK_PREFIX), schedules.list(PREWARM_PREFIX)]);
  return [...rechecks, ...prewarms];
}

export const pause = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms); });

function nightlyClock(operator: OperatorConfig, clock: Clock): CtlRuntime['nextNightly'] {
  const powerDown = operator.powerDown;
  if (!powerDown) return undefined;
  return async () => (powerDown.enabled ? nextWallClockTime(clock.now(), powerDown.time, operator.timeZone) : undefined);
}
