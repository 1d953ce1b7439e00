/**
 * Where a wake's time goes, from what ECS and the readiness probe already report. Each phase ends at a
 * milestone; with several tasks the slowest one sets each milestone (the group is ready when all are).
 *
 *   requested ─provisioning→ pull started ─image-pull→ pull stopped ─container-start→ task running
 *   ─health-checks→ containers healthy ─load-balancer→ probe's first 200 ─confirming→ ready
 */
export const WAKE_PHASES = ['provisioning', 'image-pull', 'container-start', 'health-checks', 'load-balancer', 'confirming'] as const;
export type WakePhase = (typeof WAKE_PHASES)[number];

/** What ECS says about one task of a waking member (DescribeTasks timestamps; the simulation fakes them). */
export interface TaskMilestones {
  member: string;
  pullStartedAt?: Date;
  pullStoppedAt?: Date;
  /** When the task reached RUNNING. */
  startedAt?: Date;
}

/** The milestone that ends each phase. */
const END: Record<WakePhase, keyof Milestones> = {
  provisioning: 'pullStartedAt',
  'image-pull': 'pullStoppedAt',
  'container-start': 'startedAt',
  'health-checks': 'healthyAt',
  'load-balancer': 'firstProbeOkAt',
  confirming: 'readyAt',
};

export interface Milestones {
  requestedAt: Date;
  pullStartedAt?: Date;
  pullStoppedAt?: Date;
  startedAt?: Date;
  /** First status that saw every member running with container health HEALTHY (or none defined). */
  healthyAt?: Date;
  /** The readiness probe's first all-200 answer. */
  firstProbeOkAt?: Date;
  readyAt?: Date;
}

export interface PhaseView {
  phase: WakePhase;
  state: 'done' | 'current' | 'pending';
  /** Done: how long it took. Current: how long so far. */
  seconds?: number;
}

/** The current wake's phases, as `/api/status` and the CLI show them. */
export interface TimelineView {
  requestedAt: string;
  /** The phase under way, or `ready` once every phase is done. */
  current: WakePhase | 'ready';
  phases: PhaseView[];
}

/**
 * Folds task milestones into the wake's: the latest of each across `expectedTasks` tasks, and only once
 * every expected task reports it (one fast task does not end the image pull of a slow one).
 */
export function mergeTaskMilestones(m: Milestones, tasks: readonly TaskMilestones[], expectedTasks: number): Milestones {
  const latest = (key: 'pullStartedAt' | 'pullStoppedAt' | 'startedAt'): Date | undefined => {
    const times = tasks.map((t) => t[key]).filter((d): d is Date => d instanceof Date && d.getTime() >= m.requestedAt.getTime() - 60_000);
    if (times.length < Math.max(1, expectedTasks)) return m[key];
    return new Date(Math.max(...times.map((d) => d.getTime())));
  };
  return { ...m, pullStartedAt: latest('pullStartedAt'), pullStoppedAt: latest('pullStoppedAt'), startedAt: latest('startedAt') };
}

/**
 * Phase durations. A milestone ECS did not report (e.g. an image already cached) is taken as the next known
 * one, so the phases still add up to the whole wake; times never run backwards (clock skew is clamped).
 */
export function timelineView(m: Milestones, now: Date): TimelineView {
  const phases: PhaseView[] = [];
  let previous = m.requestedAt.getTime();
  let current: WakePhase | 'ready' = 'ready';
  WAKE_PHASES.forEach((phase, i) => {
    const end = endOf(m, i);
    if (end !== undefined && current === 'ready') {
      const at = Math.max(previous, end);
      phases.push({ phase, state: 'done', seconds: round((at - previous) / 1000) });
      previous = at;
    } else if (current === 'ready') {
      current = phase;
      phases.push({ phase, state: 'current', seconds: round(Math.max(0, now.getTime() - previous) / 1000) });
    } else {
      phases.push({ phase, state: 'pending' });
    }
  });
  return { requestedAt: m.requestedAt.toISOString(), current, phases };
}

/** The end of phase i: its own milestone, or the first later one when ECS skipped it. */
function endOf(m: Milestones, i: number): number | undefined {
  for (let j = i; j < WAKE_PHASES.length; j += 1) {
    const at = m[END[WAKE_PHASES[j]!]];
    if (at instanceof Date) return at.getTime();
  }
  return undefined;
}

/** Seconds per finished phase, for the log line and the `WakePhaseSeconds` metric. */
export function phaseSeconds(view: TimelineView): Partial<Record<WakePhase, number>> {
  return Object.fromEntries(view.phases.filter((p) => p.state === 'done').map((p) => [p.phase, p.seconds!]));
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
