import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { meetingUrl, parseRoomSegment } from '../../shared/domain/rooms.js';
import { header, methodNotAllowed, text, type Response } from './http.js';
import { HTML_HEADERS, messagePage, waitingPage, type JoinBy } from './page.js';
import { isLinkPreviewer } from './previewers.js';
import { maintenancePage } from './maintenance.js';
import { estimated } from './estimated.js';
import type { WakeRouteDeps } from './routes.js';

/** What a path that is not the controller's own API asks for. */
export type MeetingPath =
  | { kind: 'home' }
  | { kind: 'room'; room: string }
  | { kind: 'invalid-room'; reason: string }
  /** Jitsi's files and folders (`/config.js`, `/libs/…`, anything with a dot or a slash inside). */
  | { kind: 'not-meeting'; reason?: string };

/** Seconds a failed-over file request is told to wait. */
export const NOT_MEETING_RETRY_SECONDS = 5;

export function classifyMeetingPath(path: string): MeetingPath {
  if (path === '/') return { kind: 'home' };
  const segments = path.split('/').slice(1);
  if (segments.length !== 1 || segments[0] === '') return { kind: 'not-meeting' };
  const segment = segments[0]!;
  const check = parseRoomSegment(segment);
  if (check.ok) return { kind: 'room', room: check.room };
  let decoded = segment;
  try { decoded = decodeURIComponent(segment); } catch { /* not valid URL encoding: an invalid room */ }
  // A dot means a file (config.js, robots.txt); reserved names are Jitsi's own folders (libs, css, http-bind).
  if (decoded.includes('.') || /is reserved$/.test(check.reason)) return { kind: 'not-meeting', reason: check.reason };
  return { kind: 'invalid-room', reason: check.reason };
}

/**
 * GET of a meeting path. Never a side effect (invariant 1). wake-url mode: redirect once ready, otherwise the
 * waiting page. canonical mode (CloudFront failed over because Jitsi answered 5xx): always the waiting page,
 * which reloads this same URL itself; files get a plain 503 so a script or stylesheet never receives HTML.
 */
export async function meetingRoute(event: APIGatewayProxyEventV2, path: string, method: string, deps: WakeRouteDeps): Promise<{ route: string; response: Response }> {
  const canonical = deps.config.linkMode === 'canonical';
  const read = method === 'GET' || method === 'HEAD';
  const target = classifyMeetingPath(path);
  if (canonical && target.kind === 'not-meeting') {
    const response = read
      ? text(503, 'The meeting service is asleep or starting. Try again in a few seconds.\n', { 'retry-after': String(NOT_MEETING_RETRY_SECONDS) })
      : methodNotAllowed(['GET', 'HEAD']);
    return { route: 'not-meeting', response };
  }
  if ((target.kind === 'not-meeting' && target.reason === undefined) || (target.kind === 'home' && !canonical)) {
    return { route: 'not-found', response: { statusCode: 404, headers: HTML_HEADERS, body: messagePage('No meeting here', 'Meeting links look like this address followed by "/" and the meeting name.') } };
  }
  if (!read) return { route: 'room', response: methodNotAllowed(['GET', 'HEAD']) };
  if (target.kind === 'invalid-room' || target.kind === 'not-meeting') {
    return { route: 'room-invalid', response: { statusCode: 400, headers: HTML_HEADERS, body: messagePage('This meeting link is not valid', `This meeting link cannot be used: ${target.reason}.`) } };
  }
  return { route: 'room', response: await roomPage(event, target.kind === 'room' ? target.room : undefined, deps) };
}

async function roomPage(event: APIGatewayProxyEventV2, room: string | undefined, deps: WakeRouteDeps): Promise<Response> {
  const { config } = deps;
  // The hold, the status and the estimate are read together: on a cold container each is its own AWS call
  // (SSM, ECS, CloudWatch), and the page waits for the slowest instead of the sum. All three only read.
  const reading = estimated(deps, deps.controller.status()).catch((): GroupStatus => (
    // The page still renders; its script keeps polling and shows the real state once AWS answers.
    { phase: 'error', message: 'Checking the meeting service…', members: [], retryable: true, checkedAt: deps.clock.now().toISOString() }
  ));
  const hold = await deps.holds?.state();
  if (hold?.kind === 'active' && hold.hold.kind === 'asleep') return maintenancePage(hold.hold, config.supportContact);
  const status = await reading;
  let join: JoinBy = { kind: 'reload' };
  if (config.linkMode === 'wake-url' && room !== undefined) {
    // The redirect and the page's own join use this one URL, so both keep exactly the same query.
    const url = meetingUrl(config.meetingBaseUrl, room, event.rawQueryString);
    if (status.phase === 'ready') {
      // A person (not a link previewer) is sent into the meeting: the stop paths' grace must cover them.
      if (!isLinkPreviewer(header(event, 'user-agent') ?? event.requestContext.http.userAgent)) deps.onPersonSentIn?.();
      return { statusCode: 302, headers: { location: url, 'cache-control': 'no-store' }, body: '' };
    }
    join = { kind: 'redirect', url };
  }
  const html = waitingPage({
    room,
    join,
    status,
    wake: !isLinkPreviewer(header(event, 'user-agent') ?? event.requestContext.http.userAgent),
    pollIntervalSeconds: config.pollIntervalSeconds,
    expectedWakeSeconds: status.estimate?.seconds ?? config.controller.expectedWakeSeconds,
    supportContact: config.supportContact,
  });
  return { statusCode: 200, headers: HTML_HEADERS, body: html };
}
