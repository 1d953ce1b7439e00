/** Why the group was stopped, as the monthly report groups it (and the `Reason` dimension of `Stops`). */
export type StopReason = 'nobody-joined' | 'last-left' | 'nightly' | 'manual' | 'forced' | 'other';

export const STOP_REASONS: readonly StopReason[] = ['nobody-joined', 'last-left', 'nightly', 'manual', 'forced', 'other'];

/**
 * The reason code of a stop from the reason text every stop path passes to GroupController.sleep (the same
 * text the log line carries). Forced first: a stop that went ahead "although" someone may have been meeting
 * (policy force, the power-down deadline, ctl down --force) counts as forced.
 */
export function stopReasonOf(reason: string): StopReason {
  const r = reason.toLowerCase();
  if (/\balthough\b/.test(r)) return 'forced';
  if (r.startsWith('operator cli') || r.startsWith('ctl ')) return 'manual';
  if (r.includes('power-down') || r.includes('nightly')) return 'nightly';
  if (r.startsWith('idle shutdown')) return /nobody joined/.test(r) ? 'nobody-joined' : 'last-left';
  return 'other';
}
