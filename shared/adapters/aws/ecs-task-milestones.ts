import { DescribeTasksCommand, ListTasksCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { serviceName, type MemberRef } from '../../domain/service-group.js';
import type { TaskMilestones } from '../../domain/wake-timeline.js';

/**
 * The wake timeline's ECS half: for every task that is starting or running (ListTasks desiredStatus
 * RUNNING covers PROVISIONING and PENDING too), the times DescribeTasks reports for the image pull and the
 * start. Called only while a wake is under way, at most every milestoneRefreshMs (5 s by default) per container.
 */
export async function describeTaskMilestones(ecs: ECSClient, members: readonly MemberRef[]): Promise<TaskMilestones[]> {
  const listed = await Promise.all(members.map(async (ref) => {
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await ecs.send(new ListTasksCommand({ cluster: ref.cluster, serviceName: serviceName(ref), desiredStatus: 'RUNNING', nextToken }));
      arns.push(...(out.taskArns ?? []));
      nextToken = out.nextToken;
    } while (nextToken);
    return { ref, arns };
  }));
  const result: TaskMilestones[] = [];
  for (const cluster of new Set(listed.map((l) => l.ref.cluster))) {
    const entries = listed.filter((l) => l.ref.cluster === cluster);
    const arns = entries.flatMap((e) => e.arns);
    for (let i = 0; i < arns.length; i += 100) {
      const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }));
      for (const task of out.tasks ?? []) {
        const owner = entries.find((e) => e.arns.includes(task.taskArn ?? ''));
        if (!owner) continue;
        result.push({ member: owner.ref.id, pullStartedAt: task.pullStartedAt, pullStoppedAt: task.pullStoppedAt, startedAt: task.startedAt });
      }
    }
  }
  return result;
}
