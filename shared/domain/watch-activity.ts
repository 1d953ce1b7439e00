import { describeActivity, presence, unknownActivity, type Activity } from './activity.js';
import type { ActivitySource, GroupDatapoint, GroupTasks, MetricsPublisher } from './activity-ports.js';
import { toDependencyError } from './errors.js';
import type { Clock, MemberSnapshot } from './service-group.js';

export interface WatchDeps {
  group: GroupTasks;
  source: ActivitySource;
  publisher: MetricsPublisher;
  clock: Clock;
}

export type WatchOutcome =
  | { action: 'skipped'; reason: string }
  | { action: 'published'; reason: string; activity: Activity; tasks: number; datapoints: GroupDatapoint[] };

/** True when every member's desired count is 0: nothing runs, nothing is worth a probe or a datapoint. */
export function isAsleep(members: readonly MemberSnapshot[]): boolean {
  return members.every((m) => !m.exists || m.desired === 0);
}

/**
 * Unknown activity publishes only ActivityUnknown = 1 and no Participants datapoint: the idle alarms treat
 * missing data as not breaching, so an unreadable meeting can never look idle.
 */
export function activityDatapoints(activity: Activity): GroupDatapoint[] {
  if (activity.kind === 'unknown') return [{ name: 'ActivityUnknown', value: 1 }];
  return [
    { name: 'Participants', value: presence(activity) },
    { name: 'Conferences', value: activity.conferences },
    { name: 'ActivityUnknown', value: 0 },
  ];
}

/**
 * Running tasks per member, once a minute while awake: the monthly report sums them into task-hours
 * (nothing is published while asleep, so the idle cost stays near zero). Rides in the same PutMetricData.
 */
export function runningTaskDatapoints(members: readonly MemberSnapshot[]): GroupDatapoint[] {
  return members.filter((m) => m.exists).map((m) => ({ name: 'RunningTasks', member: m.ref.id, value: m.running }));
}

/**
 * One watcher run (Scheduler, every minute). Asleep: one DescribeServices and nothing else. Awake: find
 * the running tasks, read their activity, publish the group metrics.
 */
export async function watchActivity(deps: WatchDeps): Promise<WatchOutcome> {
  const members = await deps.group.describeServices().catch((error: unknown) => {
    throw toDependencyError('describe service group', error);
  });
  if (isAsleep(members)) return { action: 'skipped', reason: 'asleep: desired count 0 on every member, nothing to read' };

  const tasks = await deps.group.runningTasks().catch((error: unknown) => {
    throw toDependencyError('list running tasks', error);
  });
  const activity = await deps.source.read(tasks).catch((error: unknown) => unknownActivity(`activity source failed: ${String(error)}`));
  const datapoints = [...activityDatapoints(activity), ...runningTaskDatapoints(members)];
  await deps.publisher.publish(datapoints, deps.clock.now()).catch((error: unknown) => {
    throw toDependencyError('publish group metrics', error);
  });
  return { action: 'published', reason: describeActivity(activity), activity, tasks: tasks.length, datapoints };
}
