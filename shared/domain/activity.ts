/**
 * Live meeting activity of the service group, as Jitsi itself reports it (DESIGN: "Jitsi activity").
 * The one rule that matters: anything we could not read is `unknown`, and `unknown` is never idle.
 */
export type Activity =
  | { kind: 'known'; participants: number; conferences: number; recording: boolean }
  | { kind: 'unknown'; reason: string };

/** One stats endpoint (Jicofo or JVB) on one task, parsed. */
export type StatsReading =
  | {
    ok: true; participants: number; conferences: number; recording: boolean;
    /** Jicofo only: `bridge_selector.operational_bridge_count` (readiness: a meeting needs a bridge). */
    bridges?: number;
  }
  | { ok: false; reason: string };

/** Both stats endpoints of one running task. */
export interface TaskReading {
  member: string;
  ip: string;
  jicofo: StatsReading;
  jvb: StatsReading;
}

export const unknownActivity = (reason: string): Activity => ({ kind: 'unknown', reason });

/**
 * Combines the readings of every running task into the group's activity.
 * - Participants and conferences: the larger of the Jicofo sum and the JVB sum (Jicofo counts a lone
 *   participant and P2P calls that never reach a bridge; the bridge may see endpoints Jicofo does not).
 * - Someone clearly present (any count > 0, or a recording/stream) wins over unreadable tasks: the answer
 *   "not idle" is already certain.
 * - Otherwise a task with no readable endpoint at all, or no Jicofo reading anywhere, makes it unknown.
 *   A task answering on one port only is fine: the web task runs Jicofo, the JVB task runs the bridge.
 */
export function combineReadings(readings: readonly TaskReading[]): Activity {
  if (readings.length === 0) return unknownActivity('no running task to read');
  const jicofo = readings.flatMap((r) => (r.jicofo.ok ? [r.jicofo] : []));
  const jvb = readings.flatMap((r) => (r.jvb.ok ? [r.jvb] : []));
  const sum = (xs: Array<{ participants: number; conferences: number }>, key: 'participants' | 'conferences') =>
    xs.reduce((total, x) => total + x[key], 0);
  const known: Activity = {
    kind: 'known',
    participants: Math.max(sum(jicofo, 'participants'), sum(jvb, 'participants')),
    conferences: Math.max(sum(jicofo, 'conferences'), sum(jvb, 'conferences')),
    recording: jicofo.some((r) => r.recording),
  };
  if (known.participants > 0 || known.recording) return known;

  const dark = readings.filter((r) => !r.jicofo.ok && !r.jvb.ok);
  if (dark.length > 0) {
    return unknownActivity(`no stats from ${dark.map((r) => `${r.member} ${r.ip} (jicofo: ${failure(r.jicofo)}; jvb: ${failure(r.jvb)})`).join(', ')}`);
  }
  if (jicofo.length === 0) {
    const reasons = readings.map((r) => `${r.member} ${r.ip}: ${failure(r.jicofo)}`).join(', ');
    return unknownActivity(`no Jicofo stats on any task (the bridge alone cannot see a participant waiting alone): ${reasons}`);
  }
  return known;
}

/**
 * The number the watcher publishes as `Participants`: a recording or live stream counts as one participant
 * even when nobody else is in the room (Jibri may still be recording or uploading), so the idle alarms never
 * trip while it runs.
 */
export function presence(activity: Extract<Activity, { kind: 'known' }>): number {
  return Math.max(activity.participants, activity.recording ? 1 : 0);
}

export function isIdle(activity: Activity): boolean {
  return activity.kind === 'known' && presence(activity) === 0;
}

export function describeActivity(activity: Activity): string {
  if (activity.kind === 'unknown') return `activity unknown: ${activity.reason}`;
  const recording = activity.recording ? ', recording or streaming' : '';
  return `${activity.participants} participant(s) in ${activity.conferences} conference(s)${recording}`;
}

function failure(reading: StatsReading): string {
  return reading.ok ? 'ok' : reading.reason;
}
