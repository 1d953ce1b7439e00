import type { Activity } from '../shared/domain/activity.js';

export type Readability =
  | { readable: true }
  | { readable: false; cause: 'refused' | 'not-found' | 'timeout' | 'other'; detail: string; hint: string };

const HINTS = {
  refused: "Jicofo's stats port (8888) binds 127.0.0.1 unless JICOFO_ENABLE_REST=1 is set on the jicofo container",
  'not-found': 'the port answers but has no stats there: check jicofoStatsPort/jvbStatsPort (Jicofo 8888 /stats; JVB /colibri/stats needs COLIBRI_REST_ENABLED=true)',
  timeout: "the task security group does not admit the probe's security group on the stats ports",
  other: 'see docs/operations.md ("activity unknown")',
} as const;

/**
 * Whether the idle path can see the meeting at all, and if not, why: an unreadable activity means the group
 * never stops on its own (unknown is never idle), which otherwise shows up only on the bill.
 */
export function activityReadability(activity: Activity): Readability {
  if (activity.kind === 'known') return { readable: true };
  const reason = activity.reason;
  const cause = /connection refused|ECONNREFUSED/i.test(reason) ? 'refused'
    : /HTTP 404/.test(reason) ? 'not-found'
      : /timeout|ETIMEDOUT/i.test(reason) ? 'timeout'
        : 'other';
  return { readable: false, cause, detail: reason, hint: HINTS[cause] };
}

/** The one status line about it. */
export function readabilityLine(r: Readability): string {
  return r.readable ? 'activity readable: yes' : `activity readable: NO (${r.cause}) — ${r.hint}; ${r.detail}`;
}
