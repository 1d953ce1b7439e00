import { createHash } from 'node:crypto';
import { escapeHtml } from '../../shared/domain/rooms.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './page-assets.js';
import { durationWords, estimateWords, OVER_ESTIMATE_TEXT, WAKE_PHASE_WORDS } from './wake-words.js';

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

const PHASE_TEXT = {
  asleep: 'Waking the meeting service…',
  waking: 'Starting the meeting service…',
  ready: 'Ready — joining the meeting…',
  stopping: 'The service is shutting down; starting it again…',
  error: 'The meeting service has a problem',
};

export interface WaitingPageInput {
  room: string;
  meetingUrl: string;
  status: GroupStatus;
  /** False for link previewers: the page then has no script at all, so it cannot wake anything. */
  wake: boolean;
  pollIntervalSeconds: number;
  expectedWakeSeconds: number;
  supportContact?: string;
}

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
  const estimateText = estimateWords({ seconds: input.expectedWakeSeconds });
  const contact = input.supportContact ? ` or contact ${escapeHtml(input.supportContact)}` : '';
  const cfg = {
    room: input.room, meetingUrl: input.meetingUrl, status: input.status, wake: input.wake,
    pollMs: input.pollIntervalSeconds * 1000, expectedSeconds: input.expectedWakeSeconds,
    phaseText: PHASE_TEXT, estimateText, phaseWords: WAKE_PHASE_WORDS, overText: OVER_ESTIMATE_TEXT, offlineText: 'Cannot reach the wake service right now; trying again…',
  };
  const intro = input.wake
    ? `<p>Nobody was using the meeting service, so it was switched off to save money. It is starting now, which usually takes about ${durationWords(input.expectedWakeSeconds)}. Keep this page open: it joins the meeting by itself.</p>`
    : `<p>The meeting service starts when this link is opened in a web browser.</p>`;
  const body = `<main><div class="card">
<h1 id="phase" aria-live="polite">${escapeHtml(input.wake ? PHASE_TEXT[input.status.phase] : 'Meeting link')}</h1>
<p class="room">Meeting: <strong>${escapeHtml(input.room)}</strong></p>
${intro}
<ol aria-label="Progress">
<li id="step-asleep" data-state="now" aria-current="step">Switching on</li>
<li id="step-starting" data-state="todo">Starting servers</li>
<li id="step-checking" data-state="todo">Checking that the meeting answers</li>
<li id="step-ready" data-state="todo">Joining the meeting</li>
</ol>
<div class="bar" role="presentation"><span id="bar"></span></div>
<div class="times"><span>Elapsed <span id="elapsed">0:00</span></span><span id="left">${escapeHtml(estimateText)}</span></div>
<p class="msg" id="detail" role="status">${escapeHtml(input.status.message)}</p>
<div class="help" id="help" ${input.status.phase === 'error' ? '' : 'hidden'}><strong>The meeting service did not start as expected.</strong>
<p>This page keeps trying. If nothing changes within a few minutes, reload the page${contact}.</p></div>
<noscript><p class="help"><strong>This page needs JavaScript</strong> to start the meeting service. Enable it, or open the link in another browser.</p></noscript>
</div></main>`;
  const script = input.wake
    ? `<script type="application/json" id="cfg">${inertJson(cfg)}</script><script>${PAGE_SCRIPT}</script>`
    : '';
  return layout(`Starting meeting ${input.room}`, body, script);
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<main><div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></div></main>`, '');
}
