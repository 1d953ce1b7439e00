import type { GroupStatus, MemberView, Phase } from '../../shared/domain/group-state.js';
import { durationWords, estimateWords, WAKE_PHASE_WORDS } from './wake-words.js';

/**
 * Every word a visitor reads on the waiting page, in one place. The controller's own messages name services,
 * task counts and probe results for operators ("Starting: tasks starting: jitsi/web 0/1"); people get these
 * instead. New phases or details (wake phases, maintenance holds) add a case here and nowhere else.
 */

/** The page's progress steps, in order. */
export const STEPS = ['asleep', 'starting', 'checking', 'ready'] as const;
export type Step = (typeof STEPS)[number];

export interface VisitorView {
  /** The step marked "now"; null when none fits (an error). */
  step: Step | null;
  /** The page heading. */
  title: string;
  /** The paragraph under the room name: what is going on and how long it usually takes. */
  intro: string;
  /** One line about the current detail (the live region). */
  detail: string;
  /** Show the "did not start as expected" help box. */
  help: boolean;
}

export interface ViewContext {
  /** What the page promises as the usual wake time. */
  expectedSeconds: number;
}

// "45 s", "1 min 40 s", "4 min" (wake-words.ts): the learned estimate is precise enough to say so.
const minutes = (seconds: number) => durationWords(seconds);
const KEEP_OPEN = 'Keep this page open: it joins the meeting by itself.';

/** Where a waking group is, read from its members (not from the operator message). */
function wakingStage(members: readonly MemberView[]): 'servers' | 'health' | 'checking' {
  if (members.length === 0 || members.some((m) => m.desired < 1 || m.running < m.desired)) return 'servers';
  if (members.some((m) => m.health === 'UNHEALTHY' || m.health === 'UNKNOWN')) return 'health';
  return 'checking';
}

export function visitorView(status: GroupStatus, ctx: ViewContext): VisitorView {
  const usual = minutes(ctx.expectedSeconds);
  const late = (status.elapsedSeconds ?? 0) > ctx.expectedSeconds;
  const startingIntro = late
    ? `Starting is taking longer than the usual ${usual}. ${KEEP_OPEN}`
    : `Nobody was using the meeting service, so it was switched off to save money. Starting it takes about ${usual}. ${KEEP_OPEN}`;
  switch (status.phase) {
    case 'asleep':
      return { step: 'asleep', title: 'Waking the meeting service…', intro: startingIntro, detail: 'Switching the meeting service on…', help: false };
    case 'stopping':
      return {
        step: 'asleep', title: 'Starting the meeting service again…',
        intro: `The meeting service was just switching off. It starts again as soon as that is done, which takes about ${usual} in all. ${KEEP_OPEN}`,
        detail: 'Waiting for the service to finish switching off…', help: false,
      };
    case 'waking': {
      const stage = wakingStage(status.members);
      // The wake timeline (ECS task milestones and the probe) names the phase exactly; members are the fallback.
      const phase = status.timeline?.current;
      const detail = phase ? WAKE_PHASE_WORDS[phase]
        : stage === 'servers' ? 'Starting the servers. This is the slow part.'
          : stage === 'health' ? 'The servers are running; waiting for their health checks.'
            : 'Checking that the meeting answers…';
      return { step: stage === 'checking' ? 'checking' : 'starting', title: 'Starting the meeting service…', intro: startingIntro, detail, help: false };
    }
    case 'ready':
      return { step: 'ready', title: 'Ready — joining the meeting…', intro: 'The meeting service is running.', detail: 'Opening the meeting…', help: false };
    default:
      return errorView(status, usual);
  }
}

function errorView(status: GroupStatus, usual: string): VisitorView {
  if (!status.retryable) {
    return {
      step: null, title: 'The meeting service cannot start',
      intro: 'Something in the meeting service needs an administrator before it can start.',
      detail: 'The meeting service cannot start right now.', help: true,
    };
  }
  if (status.members.length === 0) {
    // No answer from the cloud provider yet (throttling, a slow API): nothing is known to be wrong.
    return { step: null, title: 'Checking the meeting service…', intro: `Starting the meeting service usually takes about ${usual}. ${KEEP_OPEN}`, detail: 'The cloud provider is busy; trying again…', help: false };
  }
  return {
    step: null, title: 'Starting is taking far longer than usual',
    intro: `The meeting service usually starts in about ${usual}. This page keeps trying.`,
    detail: 'The meeting service has not started yet.', help: true,
  };
}

/**
 * A view for each phase without member detail: the page's fallback for a status that carries no view. Every
 * status the wake API answers carries one, except the 503 sent just before the function timeout, which is
 * retryable: so the error fallback is the retryable one, never "needs an administrator".
 */
export function fallbackViews(ctx: ViewContext): Record<Phase, VisitorView> {
  const at = (phase: Phase) => visitorView({ phase, message: '', members: [], retryable: true, checkedAt: '' }, ctx);
  return { asleep: at('asleep'), waking: at('waking'), ready: at('ready'), stopping: at('stopping'), error: at('error') };
}

/** What the page's script says on its own (placeholders in braces are filled in by the script). */
export const PAGE_TEXT = {
  offline: 'Cannot reach the wake service right now; trying again in {s} s.',
  throttled: 'Many people are starting meetings right now; trying again in {s} s.',
  unavailable: 'The wake service is not answering properly right now; trying again in {s} s.',
  left: 'about {t} left',
  late: 'taking longer than usual',
  notOpenTitle: 'The meeting does not open yet',
  notOpenIntro: 'The meeting service says it is ready, but the meeting page does not answer yet.',
  notOpenDetail: 'Still checking the meeting page…',
  reloadLimit: 'The meeting page did not open after {n} tries. Use “Try again”, or come back in a few minutes.',
} as const;

/** The script-free page for link previewers. */
export const PREVIEW_VIEW = { title: 'Meeting link', intro: 'The meeting service starts when this link is opened in a web browser.' } as const;

export function estimateText(expectedSeconds: number): string {
  return estimateWords({ seconds: expectedSeconds });
}
