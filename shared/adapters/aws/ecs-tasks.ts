import { DescribeTasksCommand, ListTasksCommand, type ECSClient, type Task } from '@aws-sdk/client-ecs';
import { serviceName, type MemberRef } from '../../domain/service-group.js';

/**
 * Every task ECS keeps running or is starting for the given members (ListTasks desiredStatus RUNNING covers
 * PROVISIONING and PENDING too, every page), described in batches of 100 per cluster (DescribeTasks' limit).
 * The one reading behind the readiness/activity task list and the wake timeline's milestones.
 */
export async function describeServiceTasks(ecs: ECSClient, refs: readonly MemberRef[]): Promise<Array<{ ref: MemberRef; task: Task }>> {
  const listed = await Promise.all(refs.map(async (ref) => {
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await ecs.send(new ListTasksCommand({
        cluster: ref.cluster, serviceName: serviceName(ref), desiredStatus: 'RUNNING', ...(nextToken ? { nextToken } : {}),
      }));
      arns.push(...(out.taskArns ?? []));
      nextToken = out.nextToken;
    } while (nextToken);
    return { ref, arns };
  }));
  const result: Array<{ ref: MemberRef; task: Task }> = [];
  for (const cluster of new Set(listed.map((l) => l.ref.cluster))) {
    const entries = listed.filter((l) => l.ref.cluster === cluster);
    const arns = entries.flatMap((e) => e.arns);
    for (let i = 0; i < arns.length; i += 100) {
      const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }));
      for (const task of out.tasks ?? []) {
        const owner = entries.find((e) => e.arns.includes(task.taskArn ?? ''));
        if (owner) result.push({ ref: owner.ref, task });
      }
    }
  }
  return result;
}
