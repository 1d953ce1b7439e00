import type { Responder } from './call-counter.js';

/**
 * Stateful stand-ins for ECS and Application Auto Scaling answers, enough for the controller's calls:
 * tasks run as soon as the desired count says so.
 */
export function fakeEcs(clusterName: string, services: string[]): { respond: Responder; desired: Map<string, number> } {
  const desired = new Map(services.map((s) => [s, 0]));
  const arn = (s: string) => `arn:aws:ecs:eu-west-1:123456789012:service/${clusterName}/${s}`;
  const respond: Responder = (command, input) => {
    switch (command) {
      case 'DescribeServices':
        return {
          services: (input.services as string[]).map((s) => ({
            serviceName: s, serviceArn: arn(s), status: 'ACTIVE', desiredCount: desired.get(s) ?? 0,
            runningCount: desired.get(s) ?? 0, pendingCount: 0,
            deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED', updatedAt: new Date() }],
          })),
        };
      case 'UpdateService':
        desired.set(String(input.service), Number(input.desiredCount));
        return { service: {} };
      case 'ListTasks': {
        const name = String(input.serviceName);
        return { taskArns: (desired.get(name) ?? 0) > 0 ? [`arn:aws:ecs:eu-west-1:123456789012:task/${clusterName}/${name}-1`] : [] };
      }
      case 'DescribeTasks':
        return {
          tasks: (input.tasks as string[]).map((t, i) => ({
            taskArn: t, lastStatus: 'RUNNING', healthStatus: 'HEALTHY', startedAt: new Date(Date.now() - 3_600_000),
            taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/jitsi:1',
            attachments: [{ type: 'ElasticNetworkInterface', details: [{ name: 'privateIPv4Address', value: `10.0.1.${10 + i}` }] }],
          })),
        };
      case 'DescribeTaskDefinition':
        return { taskDefinition: { containerDefinitions: [{ name: 'web', healthCheck: { command: ['CMD-SHELL', 'true'] } }] } };
      default:
        throw new Error(`fake ECS has no answer for ${command}`);
    }
  };
  return { respond, desired };
}

export function fakeAutoScaling(clusterName: string, services: string[]): Responder {
  return (command) => {
    switch (command) {
      case 'DescribeScalableTargets':
        return {
          ScalableTargets: services.map((s) => ({
            ServiceNamespace: 'ecs', ResourceId: `service/${clusterName}/${s}`, ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 0, MaxCapacity: 3,
          })),
        };
      case 'RegisterScalableTarget':
        return {};
      default:
        throw new Error(`fake Application Auto Scaling has no answer for ${command}`);
    }
  };
}
