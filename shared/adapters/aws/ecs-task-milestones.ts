import type { ECSClient } from '@aws-sdk/client-ecs';
import type { MemberRef } from '../../domain/service-group.js';
import type { TaskMilestones } from '../../domain/wake-timeline.js';
import { describeServiceTasks } from './ecs-tasks.js';

/**
 * The wake timeline's ECS half: for every task that is starting or running, the times DescribeTasks reports
 * for the image pull and the start. Called only while a wake is under way, at most every milestoneRefreshMs
 * (5 s by default) per container.
 */
export async function describeTaskMilestones(ecs: ECSClient, members: readonly MemberRef[]): Promise<TaskMilestones[]> {
  const tasks = await describeServiceTasks(ecs, members);
  return tasks.map(({ ref, task }) => ({ member: ref.id, pullStartedAt: task.pullStartedAt, pullStoppedAt: task.pullStoppedAt, startedAt: task.startedAt }));
}
