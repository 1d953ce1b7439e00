import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { acknowledgeWildcard } from './nag-acks.js';
import { clusterArns, parameterArn, type MemberArns } from './service-group-refs.js';

/** A function's role, or the operators' managed policy (infra/constructs/operator-access.ts). */
export type PolicyHolder = iam.IRole | iam.ManagedPolicy;

function add(holder: PolicyHolder, statement: iam.PolicyStatement): void {
  if (holder instanceof iam.ManagedPolicy) holder.addStatements(statement);
  else holder.addToPrincipalPolicy(statement);
}

/*
 * Least-privilege statements, one builder per capability. Where IAM cannot name a resource the
 * statement says why in its comment and narrows the action with a condition instead.
 */

/** Describe the group: service counts, running tasks (IPs, health) and task definitions (health checks). */
export function allowDescribeGroup(role: PolicyHolder, members: readonly MemberArns[]): void {
  add(role, new iam.PolicyStatement({
    sid: 'DescribeGroupServices',
    actions: ['ecs:DescribeServices'],
    resources: members.map((m) => m.serviceArn),
  }));
  // ListTasks authorizes against container instances and DescribeTasks against task ARNs with random
  // ids; both accept the ecs:cluster condition, which keeps them to the group's clusters.
  add(role, new iam.PolicyStatement({
    sid: 'ListGroupTasks',
    actions: ['ecs:ListTasks', 'ecs:DescribeTasks'],
    resources: ['*'],
    conditions: { ArnEquals: { 'ecs:cluster': clusterArns(members) } },
  }));
  acknowledgeWildcard(role, '*', 'ecs:ListTasks/DescribeTasks name random task and container-instance ARNs, so they are narrowed '
    + 'with the ecs:cluster condition to the group\'s clusters; ecs:DescribeTaskDefinition has no resource-level permissions.');
  // DescribeTaskDefinition supports no resource-level permissions (the service authorization reference
  // lists no resource type), so it needs "*"; it is read-only and reveals container settings only.
  add(role, new iam.PolicyStatement({
    sid: 'DescribeTaskDefinitions',
    actions: ['ecs:DescribeTaskDefinition'],
    resources: ['*'],
  }));
}

/** Wake or sleep the group: desired count plus the Application Auto Scaling interlock. */
export function allowScaleGroup(role: PolicyHolder, members: readonly MemberArns[]): void {
  add(role, new iam.PolicyStatement({
    sid: 'UpdateGroupServices',
    actions: ['ecs:UpdateService'],
    resources: members.map((m) => m.serviceArn),
  }));
  // DescribeScalableTargets has no resource-level permissions: "*" is the only valid resource.
  add(role, new iam.PolicyStatement({
    sid: 'DescribeScalableTargets',
    actions: ['application-autoscaling:DescribeScalableTargets'],
    resources: ['*'],
  }));
  acknowledgeWildcard(role, '*', 'application-autoscaling:DescribeScalableTargets has no resource-level permissions (read-only).');
  const targets = Stack.of(role).formatArn({ service: 'application-autoscaling', resource: 'scalable-target', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  // A scalable target's ARN ends in a random id, not the service name, so it cannot be named ahead of
  // time; the namespace/dimension conditions limit this to ECS service desired counts in this account
  // and region (the function passes the group's resource ids).
  add(role, new iam.PolicyStatement({
    sid: 'RegisterGroupScalableTargets',
    actions: ['application-autoscaling:RegisterScalableTarget'],
    resources: [targets],
    conditions: {
      StringEquals: {
        'application-autoscaling:service-namespace': 'ecs',
        'application-autoscaling:scalable-dimension': 'ecs:service:DesiredCount',
      },
    },
  }));
  acknowledgeWildcard(role, targets, 'Scalable target ARNs end in a random id, not the service name; the service-namespace '
    + 'and scalable-dimension conditions limit RegisterScalableTarget to ECS service desired counts in this account and region.');
}

/** The watcher and the stop paths call the probe (in the VPC) with the task IPs; only that function. */
export function allowInvokeProbe(role: PolicyHolder, probe: lambda.IFunction): void {
  add(role, new iam.PolicyStatement({
    sid: 'InvokeStatsProbe',
    actions: ['lambda:InvokeFunction'],
    resources: [probe.functionArn],
  }));
}

/** PutMetricData has no resource type; the namespace condition keeps the function in its own namespace. */
export function allowPutMetrics(role: PolicyHolder, namespace: string): void {
  add(role, new iam.PolicyStatement({
    sid: 'PutControllerMetrics',
    actions: ['cloudwatch:PutMetricData'],
    resources: ['*'],
    conditions: { StringEquals: { 'cloudwatch:namespace': namespace } },
  }));
  acknowledgeWildcard(role, '*', `cloudwatch:PutMetricData has no resource type; the cloudwatch:namespace condition limits it to ${namespace}.`);
}

/** GetMetricData has no resource type: the metric activity source and the idle shutdown's history checks. */
export function allowReadMetrics(role: PolicyHolder): void {
  add(role, new iam.PolicyStatement({
    sid: 'ReadActivityMetric',
    actions: ['cloudwatch:GetMetricData'],
    resources: ['*'],
  }));
  acknowledgeWildcard(role, '*', 'cloudwatch:GetMetricData has no resource-level permissions (read-only): activity metric and '
    + 'participant/wake-request history.');
}

/** The idle shutdown re-arms its own two alarms (SetAlarmState OK) when it decides not to stop yet. */
export function allowRearmAlarms(role: PolicyHolder, alarmNames: readonly string[]): void {
  add(role, new iam.PolicyStatement({
    sid: 'RearmIdleAlarms',
    actions: ['cloudwatch:SetAlarmState'],
    resources: alarmNames.map((name) => Stack.of(role).formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME })),
  }));
}

/** Create, inspect and delete one-time schedules in the controller's group, passing only its role. */
export function allowOneTimeSchedules(role: PolicyHolder, group: scheduler.IScheduleGroup, schedulerRole: iam.IRole): void {
  const schedules = Stack.of(role).formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${group.scheduleGroupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  add(role, new iam.PolicyStatement({
    sid: 'ManageOneTimeSchedules',
    actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
    resources: [schedules],
  }));
  acknowledgeWildcard(role, schedules, 'One-time schedules get names at run time (one per deferred power-down or pre-warm); '
    + 'the wildcard covers only schedules inside the controller\'s own schedule group.');
  // ListSchedules has no resource-level permissions (scoping it makes every call fail); the function
  // always passes GroupName, so it only ever lists its own group.
  add(role, new iam.PolicyStatement({
    sid: 'ListSchedules',
    actions: ['scheduler:ListSchedules'],
    resources: ['*'],
  }));
  acknowledgeWildcard(role, '*', 'scheduler:ListSchedules has no resource-level permissions; the function lists only its own group.');
  add(role, new iam.PolicyStatement({
    sid: 'PassSchedulerRole',
    actions: ['iam:PassRole'],
    resources: [schedulerRole.roleArn],
    conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
  }));
}

/**
 * Read one SSM SecureString. Decrypting is allowed only through SSM and only for that parameter's
 * encryption context, which covers the AWS managed key (aws/ssm, whose ARN is not known in advance)
 * and a customer managed key alike.
 */
export function allowReadSecureParameter(role: PolicyHolder, name: string): void {
  const arn = parameterArn(role, name);
  const keys = Stack.of(role).formatArn({ service: 'kms', resource: 'key', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  add(role, new iam.PolicyStatement({
    sid: 'ReadPrewarmTokenParameter',
    actions: ['ssm:GetParameter'],
    resources: [arn],
  }));
  add(role, new iam.PolicyStatement({
    sid: 'DecryptPrewarmTokenViaSsm',
    actions: ['kms:Decrypt'],
    resources: [keys],
    conditions: {
      StringEquals: {
        'kms:ViaService': `ssm.${Stack.of(role).region}.amazonaws.com`,
        'kms:EncryptionContext:PARAMETER_ARN': arn,
      },
    },
  }));
  acknowledgeWildcard(role, keys, 'The SecureString may use the AWS managed key aws/ssm, whose key id is not known before deploy; '
    + 'kms:ViaService and the PARAMETER_ARN encryption context allow decryption only through SSM and only of this parameter.');
}
