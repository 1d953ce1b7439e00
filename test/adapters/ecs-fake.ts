import {
  DescribeServicesCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import {
  ApplicationAutoScalingClient, DescribeScalableTargetsCommand, RegisterScalableTargetCommand, type ScalableTarget,
} from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';

const ACCOUNT = '123456789012';
export const arnOf = (cluster: string, name: string) => `arn:aws:ecs:eu-central-1:${ACCOUNT}:service/${cluster}/${name}`;

export function scalableTarget(cluster: string, name: string, min = 1, max = 2): ScalableTarget {
  return {
    ServiceNamespace: 'ecs', ResourceId: `service/${cluster}/${name}`, ScalableDimension: 'ecs:service:DesiredCount',
    MinCapacity: min, MaxCapacity: max, RoleARN: `arn:aws:iam::${ACCOUNT}:role/ecsAutoscaleRole`, CreationTime: new Date('2026-11-01T00:00:00Z'),
  };
}

/**
 * aws-sdk-client-mock stubs with a little state: UpdateService changes the desired count the next
 * DescribeServices reports. `log` records every command of both clients in the order they were sent.
 */
export function fakeAws(services: Array<{ cluster: string; name: string; desired?: number; running?: number }>, targets: ScalableTarget[] = []) {
  const ecs = mockClient(ECSClient);
  const autoscaling = mockClient(ApplicationAutoScalingClient);
  const log: string[] = [];
  const state = new Map(services.map((s) => [arnOf(s.cluster, s.name), { ...s, desired: s.desired ?? 0, running: s.running ?? 0 }]));
  const find = (cluster: string | undefined, service: string) =>
    state.get(service) ?? state.get(arnOf(cluster ?? 'default', service));

  ecs.on(DescribeServicesCommand).callsFake(async (input: { cluster?: string; services?: string[] }) => {
    log.push('DescribeServices');
    const found: Service[] = [];
    const failures: Array<{ arn: string; reason: string }> = [];
    for (const name of input.services ?? []) {
      const s = find(input.cluster, name);
      if (!s) failures.push({ arn: name, reason: 'MISSING' });
      else found.push({
        serviceArn: arnOf(s.cluster, s.name), serviceName: s.name, status: 'ACTIVE',
        desiredCount: s.desired, runningCount: s.running, pendingCount: Math.max(0, s.desired - s.running),
        deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', rolloutState: 'COMPLETED', updatedAt: new Date('2026-11-26T11:00:00Z') }],
      });
    }
    return { services: found, failures };
  });
  ecs.on(UpdateServiceCommand).callsFake(async (input: { cluster?: string; service?: string; desiredCount?: number }) => {
    log.push('UpdateService');
    const s = find(input.cluster, input.service ?? '');
    if (s && input.desiredCount !== undefined) s.desired = input.desiredCount;
    return {};
  });
  ecs.on(ListTasksCommand).callsFake(async () => { log.push('ListTasks'); return { taskArns: [] }; });
  ecs.on(DescribeTasksCommand).callsFake(async () => { log.push('DescribeTasks'); return { tasks: [] }; });
  ecs.on(DescribeTaskDefinitionCommand).callsFake(async () => { log.push('DescribeTaskDefinition'); return { taskDefinition: {} }; });
  autoscaling.on(DescribeScalableTargetsCommand).callsFake(async () => { log.push('DescribeScalableTargets'); return { ScalableTargets: targets }; });
  autoscaling.on(RegisterScalableTargetCommand).callsFake(async () => { log.push('RegisterScalableTarget'); return {}; });

  return {
    ecs, autoscaling, log, state,
    ecsClient: new ECSClient({ region: 'eu-central-1' }),
    autoscalingClient: new ApplicationAutoScalingClient({ region: 'eu-central-1' }),
    /** Every command either client received, in order. */
    total: () => ecs.calls().length + autoscaling.calls().length,
    restore: () => { ecs.restore(); autoscaling.restore(); },
  };
}
