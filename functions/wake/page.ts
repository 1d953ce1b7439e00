import { createHash } from 'node:crypto';
import { escapeHtml } from '../../shared/domain/rooms.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { CONTROLLER_HEADER } from '../../shared/adapters/http/controller-header.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './page-assets.js';
import { estimateText, fallbackViews, PAGE_TEXT, PREVIEW_VIEW, STEPS, visitorView, type Step } from './visitor-text.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const STYLE_HASH = hash(PAGE_STYLE);
const SCRIPT_HASH = hash(PAGE_SCRIPT);

/** Nothing loads from anywhere; only the two inline blocks run; the script may only talk to this origin. */
export const PAGE_CSP = [
  "default-src 'none'", `style-src ${STYLE_HASH}`, `script-src ${SCRIPT_HASH}`, "connect-src 'self'",
  "img-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** How the page gets the person into the meeting once the group is ready. */
export type JoinBy =
  /** wake-url mode: go to the meeting URL built by the server (query included); the page adds the fragment. */
  | { kind: 'redirect'; url: string }
  /** canonical mode: this URL is the meeting; reload it (room, query and fragment intact). */
  | { kind: 'reload' };

export interface WaitingPageInput {
  /** Undefined for Jitsi's home page ("/") in canonical mode. */
  room?: string;
  join: JoinBy;
  status: GroupStatus;
  /** False for link previewers: the page then has no script at all, so it cannot wake anything. */
  wake: boolean;
  pollIntervalSeconds: number;
  expectedWakeSeconds: number;
  supportContact?: string;
}

/** The page's limits: automatic reloads per wake, and "ready" answers before it says the meeting does not open. */
export const MAX_RELOADS_PER_WAKE = 3;
export const READY_CHECKS_BEFORE_TELLING = 3;
const MAX_BACKOFF_MS = 30_000;

/** JSON inside <script type="application/json"> must not be able to close the element. */
function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function layout(title: string, body: string, withScript: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style></head>
<body>${body}${withScript}</body></html>`;
}

export function waitingPage(input: WaitingPageInput): string {
  const ctx = { expectedSeconds: input.expectedWakeSeconds };
  const view = visitorView(input.status, ctx);
  const contact = input.supportContact ? ` or contact ${escapeHtml(input.supportContact)}` : '';
  const cfg = {
    // The script paints status.view on load: it must be this server-rendered view, not the per-phase fallback.
    room: input.room ?? '', join: input.join, status: { ...input.status, view }, wake: input.wake,
    api: '_stz/', marker: CONTROLLER_HEADER,
    pollMs: input.pollIntervalSeconds * 1000, maxBackoffMs: MAX_BACKOFF_MS, expectedSeconds: input.expectedWakeSeconds,
    maxReloads: MAX_RELOADS_PER_WAKE, readyChecks: READY_CHECKS_BEFORE_TELLING,
    text: PAGE_TEXT, fallback: fallbackViews(ctx), estimateText: estimateText(input.expectedWakeSeconds),
  };
  const title = input.wake ? view.title : PREVIEW_VIEW.title;
  const intro = input.wake ? view.intro : PREVIEW_VIEW.intro;
  const room = input.room === undefined ? '' : `<p class="room">Meeting: <strong>${escapeHtml(input.room)}</strong></p>`;
  const body = `<main><div class="card">
<h1 id="phase" aria-live="polite">${escapeHtml(title)}</h1>
${room}
<p id="intro">${escapeHtml(intro)}</p>
<ol aria-label="Progress">
${STEPS.map((step) => `<li id="step-${step}" ${stepState(step, view.step)}>${STEP_LABELS[step]}</li>`).join('\n')}
</ol>
<div class="bar" role="presentation"><span id="bar"></span></div>
<div class="times"><span>Elapsed <span id="elapsed">0:00</span></span><span id="left">${escapeHtml(cfg.estimateText)}</span></div>
<p class="msg" id="detail" role="status">${escapeHtml(view.detail)}</p>
<div class="help" id="help" ${view.help ? '' : 'hidden'}><strong>The meeting service did not start as expected.</strong>
<p>This page keeps trying. If nothing changes within a few minutes, reload the page${contact}.</p>
<button id="retry" type="button" hidden>Try again</button></div>
<noscript><p class="help"><strong>This page needs JavaScript</strong> to start the meeting service. Enable it, or open the link in another browser.</p></noscript>
</div></main>`;
  const script = input.wake
    ? `<script type="application/json" id="cfg">${inertJson(cfg)}</script><script>${PAGE_SCRIPT}</script>`
    : '';
  return layout(input.room === undefined ? 'Starting the meeting service' : `Starting meeting ${input.room}`, body, script);
}

const STEP_LABELS: Record<Step, string> = {
  asleep: 'Switching on', starting: 'Starting servers', checking: 'Checking that the meeting answers', ready: 'Joining the meeting',
};

function stepState(step: Step, now: Step | null): string {
  const reached = now ? STEPS.indexOf(now) : -1;
  const i = STEPS.indexOf(step);
  return i === reached ? 'data-state="now" aria-current="step"' : `data-state="${i < reached ? 'done' : 'todo'}"`;
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<main><div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></div></main>`, '');
}
