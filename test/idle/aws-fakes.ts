import {
  DescribeServicesCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient, GetMetricDataCommand, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { EcsServiceGroup } from '../../shared/adapters/aws/ecs-service-group.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const SERVICES = [{ name: 'web', ip: '10.0.1.23' }, { name: 'jvb', ip: '10.0.2.41' }];
export const MEMBERS = SERVICES.map((s) => parseMemberRef(`jitsi/${s.name}`) as MemberRef);

/**
 * The whole AWS side of the watcher and the idle shutdown as aws-sdk-client-mock stubs: an ECS cluster
 * "jitsi" with services web and jvb (one task each while desired > 0, started `startedAt`), their
 * autoscaling targets, the probe function (answers `participants` on the web task's Jicofo) and CloudWatch.
 * `log` lists every command of every client in order.
 */
export function awsFake(options: { desired: number; startedAt: Date; participants?: number; metricValues?: number[] }) {
  const ecs = mockClient(ECSClient);
  const autoscaling = mockClient(ApplicationAutoScalingClient);
  const lambda = mockClient(LambdaClient);
  const cloudwatch = mockClient(CloudWatchClient);
  const log: string[] = [];
  const desired = new Map(SERVICES.map((s) => [s.name, options.desired]));
  const state = { participants: options.participants ?? 0 };
  const taskArn = (name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:task/jitsi/${name}0123456789abcdef`;

  ecs.on(DescribeServicesCommand).callsFake(async (input: { services?: string[] }) => {
    log.push('DescribeServices');
    return {
      services: (input.services ?? []).map((name) => ({
        serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/jitsi/${name}`, serviceName: name, status: 'ACTIVE',
        desiredCount: desired.get(name), runningCount: desired.get(name), pendingCount: 0,
        deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED', updatedAt: options.startedAt }],
      })),
    };
  });
  ecs.on(ListTasksCommand).callsFake(async (input: { serviceName?: string }) => {
    log.push('ListTasks');
    return { taskArns: (desired.get(input.serviceName ?? '') ?? 0) > 0 ? [taskArn(input.serviceName!)] : [] };
  });
  ecs.on(DescribeTasksCommand).callsFake(async (input: { tasks?: string[] }) => {
    log.push('DescribeTasks');
    return {
      tasks: SERVICES.filter((s) => input.tasks?.includes(taskArn(s.name))).map((s) => ({
        taskArn: taskArn(s.name), lastStatus: 'RUNNING', healthStatus: 'HEALTHY', startedAt: options.startedAt,
        taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/jitsi-${s.name}:7`,
        attachments: [{ type: 'ElasticNetworkInterface', details: [{ name: 'privateIPv4Address', value: s.ip }] }],
      })),
    };
  });
  ecs.on(DescribeTaskDefinitionCommand).callsFake(async () => {
    log.push('DescribeTaskDefinition');
    return { taskDefinition: { containerDefinitions: [{ name: 'app', healthCheck: { command: ['CMD', 'true'] } }] } };
  });
  ecs.on(UpdateServiceCommand).callsFake(async (input: { service?: string; desiredCount?: number }) => {
    log.push('UpdateService');
    desired.set(input.service ?? '', input.desiredCount ?? 0);
    return {};
  });
  autoscaling.on(DescribeScalableTargetsCommand).callsFake(async () => {
    log.push('DescribeScalableTargets');
    return { ScalableTargets: SERVICES.map((s) => ({ ServiceNamespace: 'ecs', ResourceId: `service/jitsi/${s.name}`, ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 2, RoleARN: 'r', CreationTime: new Date(0) })) };
  });
  autoscaling.on(RegisterScalableTargetCommand).callsFake(async () => { log.push('RegisterScalableTarget'); return {}; });
  lambda.on(InvokeCommand).callsFake(async (input: { Payload?: string }) => {
    log.push('Invoke');
    const { targets } = JSON.parse(input.Payload ?? '{}') as { targets: Array<{ member: string; ip: string }> };
    const up = { ok: true, participants: 0, conferences: 0, recording: false };
    const refused = { ok: false, reason: 'connection refused' };
    const readings = targets.map((t) => t.member === 'jitsi/web'
      ? { ...t, jicofo: { ...up, participants: state.participants, conferences: state.participants > 0 ? 1 : 0 }, jvb: refused }
      : { ...t, jicofo: refused, jvb: up });
    return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify({ ok: true, readings })) as InvokeCommandOutput['Payload'] };
  });
  cloudwatch.on(PutMetricDataCommand).callsFake(async () => { log.push('PutMetricData'); return {}; });
  cloudwatch.on(GetMetricDataCommand).callsFake(async () => {
    log.push('GetMetricData');
    return { MetricDataResults: [{ Id: 'm', StatusCode: 'Complete', Values: options.metricValues ?? [] }] };
  });
  cloudwatch.on(SetAlarmStateCommand).callsFake(async () => { log.push('SetAlarmState'); return {}; });

  const clients = {
    ecs: new ECSClient({ region: REGION }),
    autoscaling: new ApplicationAutoScalingClient({ region: REGION }),
    lambda: new LambdaClient({ region: REGION }),
    cloudwatch: new CloudWatchClient({ region: REGION }),
  };
  return {
    ecs, autoscaling, lambda, cloudwatch, log, state, desired, clients,
    group: () => new EcsServiceGroup(MEMBERS, clients.ecs, clients.autoscaling, { workingMinTasks: 1 }),
    restore: () => { ecs.restore(); autoscaling.restore(); lambda.restore(); cloudwatch.restore(); },
  };
}

/** `['A', 'B', 'A']` → `{ A: 2, B: 1 }`. */
export function tally(log: readonly string[]): Record<string, number> {
  return log.reduce<Record<string, number>>((t, name) => ({ ...t, [name]: (t[name] ?? 0) + 1 }), {});
}
