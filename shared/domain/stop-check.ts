import { describeActivity, isIdle, unknownActivity, type Activity } from './activity.js';
import type { ActivitySource, GroupTasks } from './activity-ports.js';

/**
 * The live-activity rule every stop path shares (DESIGN invariant 3), in the same terms as the idle
 * shutdown's decision: returns why a stop must not happen, or undefined when nobody is meeting.
 * Unknown is never idle; a recording counts as presence.
 */
export function activityBlocksStop(activity: Activity): string | undefined {
  if (activity.kind === 'unknown') return `live activity is unknown, never treated as idle (${activity.reason})`;
  if (!isIdle(activity)) return `meeting live: ${describeActivity(activity)}`;
  return undefined;
}

/** "Is anyone meeting right now?" without arguments: the running tasks, then their stats. */
export interface LiveActivity {
  read(): Promise<Activity>;
}

/** A fresh reading from the watcher's ports; any failure is `unknown`, never an exception. */
export function liveActivity(group: GroupTasks, source: ActivitySource): LiveActivity {
  return {
    async read() {
      try {
        return await source.read(await group.runningTasks());
      } catch (error) {
        return unknownActivity(`activity check failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/** A reading that never throws, whatever the source does. */
export async function readActivitySafely(source: LiveActivity): Promise<Activity> {
  try {
    return await source.read();
  } catch (error) {
    return unknownActivity(error instanceof Error ? error.message : String(error));
  }
}
