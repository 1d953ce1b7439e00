import { ArnFormat, CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { ControllerConfig } from '../config-schema.js';
import type { ControllerFunction } from './controller-function.js';
import type { ControllerSchedules } from './controller-schedules.js';
import type { FunctionName } from './function-catalog.js';
import type { IdleAlarms } from './idle-alarms.js';
import * as allow from './permissions.js';
import type { MemberArns } from './service-group-refs.js';
import { outputKeyOfEnv } from '../../shared/config/ctl-env-outputs.js';
import { activityEnvironment, groupEnvironment } from './function-environment.js';

export interface OperatorAccessProps {
  config: ControllerConfig;
  members: readonly MemberArns[];
  functions: Partial<Record<FunctionName, ControllerFunction>>;
  schedules: ControllerSchedules;
  alarms: IdleAlarms;
}

/**
 * What an operator needs to run `npm run ctl -- --stack <name>`: every setting the CLI reads, as stack
 * outputs, and a managed policy with exactly the calls the CLI makes (attach it to the operators' group,
 * role or SSO permission set).
 */
export class OperatorAccess extends Construct {
  readonly policy: iam.ManagedPolicy;
  /** The variables written as outputs (names → values, tokens included). */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: OperatorAccessProps) {
    super(scope, id);
    const { config: c, functions, schedules, alarms, members } = props;
    const stack = Stack.of(this);
    const fn = (name: FunctionName) => functions[name]?.function;

    const variables: Record<string, string> = {
      ...groupEnvironment(c),
      METRIC_NAMESPACE: c.metricNamespace,
      TIME_ZONE: c.timeZone,
      ...activityEnvironment(c),
      ...(fn('probe') ? { PROBE_FUNCTION_NAME: fn('probe')!.functionName } : {}),
      SCHEDULE_GROUP_NAME: schedules.oneTimeGroup.scheduleGroupName,
      SCHEDULER_ROLE_ARN: schedules.oneTimeRole.roleArn,
      ...(fn('prewarm') ? { PREWARM_FUNCTION_ARN: fn('prewarm')!.functionArn } : {}),
      PREWARM_LEAD_MINUTES: String(c.prewarmLeadMinutes),
      PREWARM_MAX_DAYS_AHEAD: String(c.prewarmMaxDaysAhead),
      NO_JOIN_ALARM_NAME: alarms.alarmNames.noJoin,
      EMPTY_ALARM_NAME: alarms.alarmNames.empty,
      POWER_DOWN_TIME: c.powerDownTime,
      POWER_DOWN_ENABLED: String(c.powerDownEnabled && Boolean(fn('power-down'))),
      LOG_GROUPS: Object.entries(functions).map(([name, f]) => `${name}=${f.logGroup.logGroupName}`).join(','),
    };
    // A stack output cannot be empty; an unset variable reads the same to the CLI.
    this.environment = Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== ''));
    for (const [name, value] of Object.entries(this.environment)) {
      new CfnOutput(this, outputKeyOfEnv(name), { key: outputKeyOfEnv(name), value, description: `ctl --stack: ${name}` });
    }

    this.policy = new iam.ManagedPolicy(this, 'OperatorPolicy', {
      description: `Operators of the Jitsi scale-to-zero controller (${c.groupName}): what npm run ctl -- --stack ${stack.stackName} calls`,
    });
    this.policy.addStatements(new iam.PolicyStatement({
      sid: 'ReadControllerStack',
      actions: ['cloudformation:DescribeStacks'],
      resources: [stack.stackId],
    }));
    // status, up, down: the same calls the functions make.
    allow.allowDescribeGroup(this.policy, members);
    allow.allowScaleGroup(this.policy, members);
    const probe = fn('probe');
    if (probe) allow.allowInvokeProbe(this.policy, probe);
    // Activity metric (metric source) and the Participants history behind "an idle stop could fire in …".
    allow.allowReadMetrics(this.policy);
    this.policy.addStatements(new iam.PolicyStatement({
      sid: 'DescribeIdleAlarms',
      actions: ['cloudwatch:DescribeAlarms'],
      resources: [alarms.alarmNames.noJoin, alarms.alarmNames.empty].map((name) => stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME })),
    }));
    // prewarm, and the pending re-checks and pre-warms in status.
    allow.allowOneTimeSchedules(this.policy, schedules.oneTimeGroup, schedules.oneTimeRole);
    // log, and the last wake and stop in status.
    const logGroups = Object.values(functions).map((f) => f.logGroup.logGroupArn);
    if (logGroups.length > 0) {
      this.policy.addStatements(new iam.PolicyStatement({
        sid: 'ReadControllerDecisions',
        actions: ['logs:FilterLogEvents'],
        resources: logGroups,
      }));
    }
    new CfnOutput(this, 'OperatorPolicyArn', {
      key: 'OperatorPolicyArn',
      value: this.policy.managedPolicyArn,
      description: 'Attach to the people (or role) who run npm run ctl -- --stack against this stack',
    });
  }
}
