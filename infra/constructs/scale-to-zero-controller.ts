import { join } from 'node:path';
import { Annotations, CfnOutput, Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ControllerConfig } from '../config-schema.js';
import { ControllerAlerts } from './controller-alerts.js';
import { ControllerDashboard } from './controller-dashboard.js';
import { ControllerFunction, REPO_ROOT, type CodeMode } from './controller-function.js';
import { ControllerSchedules } from './controller-schedules.js';
import { entryPath, existingEntries, FUNCTION_NAMES, FUNCTION_SPECS, type FunctionName } from './function-catalog.js';
import { baseEnvironment } from './function-environment.js';
import { IdleAlarms } from './idle-alarms.js';
import { HoldParameter } from './hold-parameter.js';
import { IdleFailures } from './idle-failures.js';
import { wireFunctions } from './controller-wiring.js';
import { OperatorAccess } from './operator-access.js';
import { ProbeNetwork } from './probe-network.js';
import { memberArns, requireMembersRegion } from './service-group-refs.js';
import { WakeApi } from './wake-api.js';

export interface ScaleToZeroControllerProps {
  config: ControllerConfig;
  /** `bundle` (default) builds functions/<name>/index.ts with esbuild; `inline` uses stubs (unit tests). */
  code?: CodeMode;
  functionsDir?: string;
  /** Restrict to these functions; by default every function whose entry exists (all of them when inline). */
  functions?: readonly FunctionName[];
  sourceMaps?: boolean;
  /**
   * The wake API's custom domain when a front (CloudFront) serves it: overrides domainName/certificateArn
   * of the config, and publicUrl is the wake URL people see.
   */
  apiDomain?: { domainName: string; certificateArn: string; publicUrl: string };
}

/** What a missing function means for the deployment, for the synth-time warning. */
const MISSING_MEANS: Record<FunctionName, string> = {
  wake: 'no wake endpoint is deployed',
  watch: 'nothing publishes activity, so the idle alarms never fire',
  probe: 'Jitsi stats cannot be read; the watcher and every stop path see "unknown" and never stop',
  'idle-shutdown': 'the idle alarms have no action: the group is only stopped by the nightly power-down',
  'power-down': 'there is no nightly power-down',
  prewarm: 'pre-warm schedules have no target',
  'prewarm-api': 'the pre-warm API (/_stz/prewarm, /api/prewarm) answers 404',
};

/** The probe only reads stats for the probe source; the pre-warm API needs its token and its schedule target. */
function needed(name: FunctionName, c: ControllerConfig): boolean {
  if (name === 'probe') return c.activitySource === 'probe';
  return name !== 'prewarm-api' || c.prewarmTokenParameter !== undefined;
}

/**
 * The whole controller next to an existing ECS (Express Mode) service group: the six functions with
 * their triggers, least-privilege roles, idle alarms and a dashboard.
 */
export class ScaleToZeroController extends Construct {
  readonly functions: Partial<Record<FunctionName, ControllerFunction>> = {};
  readonly schedules: ControllerSchedules;
  readonly alarms: IdleAlarms;
  /** The idle shutdown's on-failure destination (absent without the idle-shutdown function). */
  idleFailures?: IdleFailures;
  readonly api?: WakeApi;
  readonly probeNetwork?: ProbeNetwork;
  readonly hold: HoldParameter;
  readonly operator: OperatorAccess;
  readonly alerts?: ControllerAlerts;

  constructor(scope: Construct, id: string, props: ScaleToZeroControllerProps) {
    super(scope, id);
    const c = props.config;
    const code = props.code ?? 'bundle';
    const functionsDir = props.functionsDir ?? join(REPO_ROOT, 'functions');
    const available = code === 'inline' ? [...FUNCTION_NAMES] : existingEntries(functionsDir);
    const selected = (props.functions ?? FUNCTION_NAMES).filter((n) => available.includes(n) && needed(n, c));
    // The pre-warm API without its schedule target (functions/prewarm) would fail at cold start.
    const wanted = selected.filter((n) => n !== 'prewarm-api' || selected.includes('prewarm'));
    const members = memberArns(this, c.serviceGroup);
    requireMembersRegion(this, c.serviceGroup);
    const retention = c.logRetentionDays;

    if (wanted.includes('probe') && c.vpcId) {
      this.probeNetwork = new ProbeNetwork(this, 'ProbeNetwork', {
        vpcId: c.vpcId,
        subnetIds: c.subnetIds,
        taskSecurityGroupIds: c.taskSecurityGroupIds,
        statsPorts: [c.jicofoStatsPort, c.jvbStatsPort],
      });
    }
    for (const name of wanted) {
      const spec = FUNCTION_SPECS[name];
      this.functions[name] = new ControllerFunction(this, pascal(name), {
        entry: entryPath(functionsDir, name),
        description: `Jitsi scale-to-zero (${c.groupName}): ${spec.description}`,
        memorySize: spec.memorySize,
        timeout: spec.timeout,
        environment: baseEnvironment(name, c),
        logRetention: retention,
        code,
        sourceMap: props.sourceMaps,
        vpc: name === 'probe' && this.probeNetwork
          ? { vpc: this.probeNetwork.vpc, subnets: this.probeNetwork.subnets, securityGroups: [this.probeNetwork.securityGroup] }
          : undefined,
      });
    }
    const fn = (name: FunctionName): lambda.Function | undefined => this.functions[name]?.function;

    this.schedules = new ControllerSchedules(this, 'Schedules', {
      watch: fn('watch'),
      powerDown: fn('power-down'),
      powerDownTime: c.powerDownTime,
      powerDownEnabled: c.powerDownEnabled,
      timeZone: c.timeZone,
    });
    const stackName = Stack.of(this).stackName;
    this.alarms = new IdleAlarms(this, 'IdleAlarms', {
      namespace: c.metricNamespace,
      groupName: c.groupName,
      noJoinAlarmName: `${stackName}-${c.groupName}-no-join`,
      emptyAlarmName: `${stackName}-${c.groupName}-empty`,
      noJoinMinutes: c.noJoinMinutes,
      emptyMinutes: c.emptyMinutes,
      idleShutdown: fn('idle-shutdown'),
    });
    wireFunctions({ config: c, members, functions: this.functions, schedules: this.schedules, alarms: this.alarms });
    // Every stop and wake path reads the operator's hold; the watcher and the probe do not need it.
    this.hold = new HoldParameter(this, 'Hold', {
      groupName: c.groupName,
      readers: (['wake', 'idle-shutdown', 'power-down', 'prewarm', 'prewarm-api'] as const).flatMap((n) => (fn(n) ? [fn(n)!] : [])),
    });
    const idleShutdown = fn('idle-shutdown');
    if (idleShutdown) this.idleFailures = new IdleFailures(this, 'IdleFailures', { idleShutdown });

    const wake = fn('wake');
    if (wake) {
      this.api = new WakeApi(this, 'WakeApi', {
        wake,
        prewarmApi: fn('prewarm-api'),
        throttleRateLimit: c.throttleRateLimit,
        throttleBurstLimit: c.throttleBurstLimit,
        logRetention: retention,
        domainName: props.apiDomain?.domainName ?? c.domainName,
        certificateArn: props.apiDomain?.certificateArn ?? c.certificateArn,
        publicUrl: props.apiDomain?.publicUrl,
      });
    }
    if (c.dashboardEnabled) new ControllerDashboard(this, 'Dashboard', {
      // Dashboard names allow letters, digits, "-" and "_" only.
      dashboardName: `${stackName}-${c.groupName}`.replace(/[^A-Za-z0-9_-]/g, '-'),
      members,
      namespace: c.metricNamespace,
      groupName: c.groupName,
      powertoolsServiceName: c.powertoolsServiceName,
      participants: this.alarms.participants,
      alarms: [this.alarms.noJoin, this.alarms.empty],
      functions: Object.fromEntries(Object.entries(this.functions).map(([n, f]) => [n, f.function])),
      deadLetterQueue: this.schedules.deadLetterQueue,
      memberIds: c.serviceGroup.map(memberId),
      hourlyTaskCost: Number(c.dashboardHourlyTaskCost),
    });

    if (c.alerts) {
      this.alerts = new ControllerAlerts(this, 'Alerts', {
        alerts: c.alerts,
        namespace: c.metricNamespace,
        groupName: c.groupName,
        prefix: `${stackName}-${c.groupName}`,
        functions: this.functions,
        deadLetterQueue: this.schedules.deadLetterQueue,
      });
      new CfnOutput(this, 'AlertTopicArn', { key: 'AlertTopicArn', value: this.alerts.topic.topicArn, description: 'Alerts (email subscriptions must be confirmed from the first mail)' });
    }
    this.operator = new OperatorAccess(this, 'Operator', { config: c, members, functions: this.functions, schedules: this.schedules, alarms: this.alarms });

    for (const name of FUNCTION_NAMES) {
      if (!needed(name, c)) continue;
      if (!wanted.includes(name)) {
        Annotations.of(this).addWarningV2(`jitsi-scale-to-zero:missing-${name}`,
          `The ${name} function is not deployed (functions/${name}/index.ts is missing or not selected): ${MISSING_MEANS[name]}.`);
      }
    }
  }
}

/** The id the functions give a member (shared/domain/service-group.ts parseMemberRef): "cluster/service". */
function memberId(text: string): string {
  const arn = /:service\/([^/]+)\/([^/]+)$/.exec(text);
  return arn ? `${arn[1]}/${arn[2]}` : text;
}

function pascal(name: string): string {
  return name.split('-').map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
}
