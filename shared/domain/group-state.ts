import type { Health, MemberSnapshot } from './service-group.js';
import type { TimelineView } from './wake-timeline.js';
import type { WakeEstimate } from './wake-estimate.js';

export type Phase = 'asleep' | 'waking' | 'ready' | 'stopping' | 'error';

export interface MemberView {
  id: string;
  desired: number;
  running: number;
  pending: number;
  health: Health;
  /** Present (true) only while a deployment rolls out. */
  deploying?: true;
}

/** The JSON the wake endpoint returns and the waiting page renders. */
export interface GroupStatus {
  phase: Phase;
  message: string;
  members: MemberView[];
  /** ISO time the current wake began, while waking or ready. */
  wakeStartedAt?: string;
  elapsedSeconds?: number;
  /** Rough seconds until ready; 0 when the expected time has passed. */
  estimatedSecondsLeft?: number;
  /** What the page promises ("usually about …"), learned from recent wakes or configured. */
  estimate?: WakeEstimate;
  /** The wake has taken longer than the estimate (not an error: it keeps going until WAKE_TIMEOUT_SECONDS). */
  overEstimate?: boolean;
  /** The current (or last finished) wake's phases, while waking, ready or failed. */
  timeline?: TimelineView;
  /** True when polling again may succeed (throttling, a slow start). */
  retryable: boolean;
  checkedAt: string;
}

/** What ECS alone says, before the HTTP readiness probe. */
export type EcsVerdict =
  | { kind: 'asleep' }
  | { kind: 'stopping'; reason: string }
  | { kind: 'starting'; reason: string }
  | { kind: 'steady' }
  | { kind: 'failed'; reason: string };

export function classifyMembers(members: readonly MemberSnapshot[]): EcsVerdict {
  const deleting = members.filter((m) => m.exists && m.deleting);
  if (deleting.length > 0) return { kind: 'failed', reason: `service is being deleted: ${deleting.map((m) => m.ref.id).join(', ')}` };
  const missing = members.filter((m) => !m.exists);
  if (missing.length > 0) return { kind: 'failed', reason: `service not found: ${missing.map((m) => m.ref.id).join(', ')}` };
  const failed = members.filter((m) => m.rolloutFailed);
  if (failed.length > 0) return { kind: 'failed', reason: `deployment failed: ${failed.map((m) => m.ref.id).join(', ')}` };

  const asleep = members.filter((m) => m.desired === 0);
  if (asleep.length === members.length) {
    const draining = members.filter((m) => m.running + m.pending > 0);
    return draining.length > 0
      ? { kind: 'stopping', reason: `tasks still stopping: ${draining.map((m) => m.ref.id).join(', ')}` }
      : { kind: 'asleep' };
  }
  if (asleep.length > 0) return { kind: 'starting', reason: `not yet started: ${asleep.map((m) => m.ref.id).join(', ')}` };

  const short = members.filter((m) => m.running < m.desired);
  if (short.length > 0) return { kind: 'starting', reason: `tasks starting: ${short.map((m) => `${m.ref.id} ${m.running}/${m.desired}`).join(', ')}` };
  const unhealthy = members.filter((m) => m.health === 'UNHEALTHY' || m.health === 'UNKNOWN');
  if (unhealthy.length > 0) return { kind: 'starting', reason: `health checks pending: ${unhealthy.map((m) => m.ref.id).join(', ')}` };
  return { kind: 'steady' };
}

export function memberViews(members: readonly MemberSnapshot[]): MemberView[] {
  return members.map((m) => ({
    id: m.ref.id, desired: m.desired, running: m.running, pending: m.pending, health: m.health, ...(m.deploying ? { deploying: true as const } : {}),
  }));
}

/** Elapsed and estimated time for a wake that began at `startedAt`. */
export function wakeTiming(startedAt: Date | undefined, now: Date, expectedSeconds: number) {
  if (!startedAt) return {};
  const elapsedSeconds = Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000));
  return {
    wakeStartedAt: startedAt.toISOString(),
    elapsedSeconds,
    estimatedSecondsLeft: Math.max(0, expectedSeconds - elapsedSeconds),
  };
}
