import { DescribeServicesCommand, DescribeTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { TaskSize } from '../../domain/month-report.js';
import type { TaskSizes } from '../../domain/report-ports.js';
import type { MemberRef } from '../../domain/service-group.js';

/**
 * A member's task size from the task definition its service runs now: DescribeServices for the
 * definition's ARN, then DescribeTaskDefinition for task-level cpu and memory and the architecture
 * (runtimePlatform.cpuArchitecture; absent means X86_64).
 */
export class EcsTaskSizes implements TaskSizes {
  constructor(private readonly ecs: ECSClient) {}

  async sizeOf(member: MemberRef): Promise<TaskSize> {
    const services = await this.ecs.send(new DescribeServicesCommand({ cluster: member.cluster, services: [member.service] }));
    const taskDefinition = services.services?.[0]?.taskDefinition;
    if (!taskDefinition) throw new Error(`${member.id}: service not found or without a task definition`);
    const out = await this.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
    const def = out.taskDefinition;
    const cpuUnits = Number(def?.cpu);
    const memoryMiB = Number(def?.memory);
    if (!Number.isFinite(cpuUnits) || cpuUnits <= 0 || !Number.isFinite(memoryMiB) || memoryMiB <= 0) {
      throw new Error(`${member.id}: task definition ${taskDefinition} has no task-level cpu and memory`);
    }
    return { cpuUnits, memoryMiB, architecture: def?.runtimePlatform?.cpuArchitecture === 'ARM64' ? 'ARM64' : 'X86_64' };
  }
}
