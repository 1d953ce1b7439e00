import * as iam from 'aws-cdk-lib/aws-iam';
import type { ControllerConfig } from '../config-schema.js';
import type { ControllerFunction } from './controller-function.js';
import type { ControllerSchedules } from './controller-schedules.js';
import type { FunctionName } from './function-catalog.js';
import type { IdleAlarms } from './idle-alarms.js';
import { acknowledgeWildcard } from './nag-acks.js';
import * as allow from './permissions.js';
import type { MemberArns } from './service-group-refs.js';

export interface WiringProps {
  config: ControllerConfig;
  members: readonly MemberArns[];
  functions: Partial<Record<FunctionName, ControllerFunction>>;
  schedules: ControllerSchedules;
  alarms: IdleAlarms;
}

/**
 * Who may do what, and the environment variables that point at other resources (docs/CONTRACTS.md).
 * Each grant matches the SDK calls the function's adapters make (shared/adapters/aws).
 */
export function wireFunctions({ config: c, members, functions, schedules, alarms }: WiringProps): void {
  const fn = (name: FunctionName) => functions[name]?.function;
  const role = (name: FunctionName) => functions[name]?.role;
  const each = (names: readonly FunctionName[], act: (r: iam.Role, name: FunctionName) => void) => {
    for (const name of names) {
      const r = role(name);
      if (r) act(r, name);
    }
  };

  // DescribeServices (+ ListTasks/DescribeTasks/DescribeTaskDefinition for health and task IPs).
  each(['wake', 'watch', 'idle-shutdown', 'power-down', 'prewarm', 'prewarm-api'], (r) => allow.allowDescribeGroup(r, members));
  // UpdateService with the autoscaling interlock; the watcher never changes the group.
  // The pre-warm API wakes at once when the meeting is within the lead time.
  each(['wake', 'idle-shutdown', 'power-down', 'prewarm', 'prewarm-api'], (r) => allow.allowScaleGroup(r, members));
  each(['watch'], (r) => allow.allowPutMetrics(r, c.metricNamespace));
  // The waiting page's learned estimate: 30 days of WakeToReadySeconds, read once an hour per container.
  each(['wake'], (r) => allow.allowReadMetrics(r));

  // Live activity: the probe in the VPC, or an existing CloudWatch metric.
  const probe = fn('probe');
  each(['watch', 'idle-shutdown', 'power-down'], (r, name) => {
    if (c.activitySource === 'metric') allow.allowReadMetrics(r);
    else if (probe) {
      allow.allowInvokeProbe(r, probe);
      fn(name)!.addEnvironment('PROBE_FUNCTION_NAME', probe.functionName);
    }
  });

  // The nightly power-down applies the stop grace: it reads the wake ledger (WakeRequests, PersonsSentIn).
  each(['power-down'], (r) => {
    if (c.activitySource !== 'metric') allow.allowReadMetrics(r);
  });

  // Readiness: the wake function asks Jicofo (through the probe) for an operational bridge.
  if (c.activitySource === 'probe' && probe) {
    each(['wake'], (r) => {
      allow.allowInvokeProbe(r, probe);
      fn('wake')!.addEnvironment('PROBE_FUNCTION_NAME', probe.functionName);
    });
  }

  // The idle shutdown reads participant and wake-request history and re-arms its alarms.
  each(['idle-shutdown'], (r) => {
    if (c.activitySource !== 'metric') allow.allowReadMetrics(r);
    allow.allowRearmAlarms(r, [alarms.alarmNames.noJoin, alarms.alarmNames.empty]);
    fn('idle-shutdown')!.addEnvironment('NO_JOIN_ALARM_NAME', alarms.alarmNames.noJoin);
    fn('idle-shutdown')!.addEnvironment('EMPTY_ALARM_NAME', alarms.alarmNames.empty);
  });

  // Every wake and stop resets both idle alarms to OK (shared/domain/alarm-reset.ts), whoever does it; the
  // pre-warm API wakes at once when the meeting is within the lead time.
  each(['wake', 'power-down', 'prewarm', 'prewarm-api'], (r, name) => {
    allow.allowRearmAlarms(r, [alarms.alarmNames.noJoin, alarms.alarmNames.empty]);
    fn(name)!.addEnvironment('NO_JOIN_ALARM_NAME', alarms.alarmNames.noJoin);
    fn(name)!.addEnvironment('EMPTY_ALARM_NAME', alarms.alarmNames.empty);
  });

  // One-time schedules: power-down re-checks always; pre-warms only when the pre-warm API is enabled.
  const scheduling = (name: FunctionName) => {
    allow.allowOneTimeSchedules(role(name)!, schedules.oneTimeGroup, schedules.oneTimeRole);
    fn(name)!.addEnvironment('SCHEDULE_GROUP_NAME', schedules.oneTimeGroup.scheduleGroupName);
    fn(name)!.addEnvironment('SCHEDULER_ROLE_ARN', schedules.oneTimeRole.roleArn);
  };
  const powerDown = fn('power-down');
  if (powerDown) {
    scheduling('power-down');
    schedules.allowOneTimeInvoke(powerDown);
  }
  const prewarm = fn('prewarm');
  if (prewarm) schedules.allowOneTimeInvoke(prewarm);
  // The pre-warm API (its own function, so the wake path loads no SSM/Scheduler client) needs its token
  // and its target together; the controller only creates it when both exist.
  const prewarmApi = fn('prewarm-api');
  if (prewarmApi && prewarm && c.prewarmTokenParameter) {
    allow.allowReadSecureParameter(role('prewarm-api')!, c.prewarmTokenParameter);
    scheduling('prewarm-api');
    prewarmApi.addEnvironment('PREWARM_TOKEN_PARAMETER', c.prewarmTokenParameter);
    prewarmApi.addEnvironment('PREWARM_FUNCTION_ARN', prewarm.functionArn);
  }

  each(['probe'], (r) => allowProbeNetworkInterfaces(r));
}

/**
 * Lambda creates and deletes the probe's Hyperplane ENIs with the execution role. These are the actions
 * of the AWS managed AWSLambdaVPCAccessExecutionRole without its logs:* on "*"; ec2:Describe* supports no
 * resource-level permissions, and the ENI ids are chosen by Lambda at run time.
 */
function allowProbeNetworkInterfaces(role: iam.Role): void {
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'ManageProbeNetworkInterfaces',
    actions: [
      'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface',
      'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
    ],
    resources: ['*'],
  }));
  acknowledgeWildcard(role, '*', 'VPC Lambda ENI management (the actions of AWSLambdaVPCAccessExecutionRole, minus its logs:* on *): '
    + 'Lambda picks the ENI ids at run time and ec2:Describe* has no resource-level permissions. The probe has no route to AWS APIs.');
}
