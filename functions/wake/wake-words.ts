import type { WakeEstimate } from '../../shared/domain/wake-estimate.js';
import type { WakePhase } from '../../shared/domain/wake-timeline.js';

/**
 * The waiting page's words for time and for the wake's phases (kept apart from the page layout). Plain and
 * calm: a person waiting should know what is happening and roughly how long it takes, nothing more.
 */
export const WAKE_PHASE_WORDS: Record<WakePhase | 'ready', string> = {
  provisioning: 'Getting a server ready in the cloud…',
  'image-pull': 'Downloading the meeting software…',
  'container-start': 'Starting the meeting software…',
  'health-checks': 'Checking that every part of the meeting software works…',
  'load-balancer': 'Connecting the meeting service to the internet…',
  confirming: 'Making sure the meeting answers reliably…',
  ready: 'Ready — joining the meeting…',
};

/** Past the estimate: not an error, the start just takes longer than usual this time. */
export const OVER_ESTIMATE_TEXT = 'Taking a little longer than usual. Still starting — no need to do anything.';

/** "45 s", "1 min 40 s", "4 min": rounded to 5 s under a minute and to 10 s above. */
export function durationWords(seconds: number): string {
  const s = Math.max(5, seconds < 60 ? Math.round(seconds / 5) * 5 : Math.round(seconds / 10) * 10);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** The promise on the page: "usually about 1 min 40 s". */
export function estimateWords(estimate: Pick<WakeEstimate, 'seconds'>): string {
  return `usually about ${durationWords(estimate.seconds)}`;
}
