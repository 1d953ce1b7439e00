import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { GroupController } from '../../shared/domain/controller.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { withEstimate, type WakeEstimate } from '../../shared/domain/wake-estimate.js';
import { meetingUrl, parseRoomSegment } from '../../shared/domain/rooms.js';
import type { Clock } from '../../shared/domain/service-group.js';
import type { WakeConfig } from '../../shared/config/core-config.js';
import { errorResponse, forHead, header, json, methodNotAllowed, routePath, text, type Response } from './http.js';
import { HTML_HEADERS, messagePage, waitingPage } from './page.js';
import { isLinkPreviewer } from './previewers.js';

export interface WakeRouteDeps {
  controller: GroupController;
  config: WakeConfig;
  clock: Clock;
  /** The learned (or configured) wake estimate; without it the configured EXPECTED_WAKE_SECONDS. */
  estimate?: { current(): Promise<WakeEstimate> };
  /** Called once per wake POST (for the WakeRequests metric and the request log line). */
  onWakeRequest?(result: { scaledUp: string[]; phase: string }): void;
}

/** What happened, for the request log line. */
export interface RouteOutcome {
  route: string;
  response: Response;
}

export async function route(event: APIGatewayProxyEventV2, deps: WakeRouteDeps): Promise<RouteOutcome> {
  const method = event.requestContext.http.method.toUpperCase();
  const path = routePath(event);
  const read = method === 'GET' || method === 'HEAD';
  const finish = (name: string, response: Response) => ({ route: name, response: method === 'HEAD' ? forHead(response) : response });

  if (path === '/robots.txt') {
    return finish('robots', read ? text(200, 'User-agent: *\nDisallow: /\n', { 'cache-control': 'public, max-age=86400' }) : methodNotAllowed(['GET', 'HEAD']));
  }
  if (path === '/favicon.ico') {
    // Browsers ask for it on every page; answer "nothing here" quietly instead of an invalid-room page.
    return finish('favicon', read ? { statusCode: 204, headers: { 'cache-control': 'public, max-age=86400' }, body: '' } : methodNotAllowed(['GET', 'HEAD']));
  }
  if (path === '/api/status') {
    if (!read) return finish('status', methodNotAllowed(['GET', 'HEAD']));
    return finish('status', await guarded(deps, async () => json(200, await estimated(deps, await deps.controller.status()))));
  }
  if (path === '/api/wake') {
    if (method !== 'POST') return finish('wake', methodNotAllowed(['POST']));
    // A JSON content type makes cross-site form posts impossible without a CORS preflight we never grant.
    if (!/^application\/json\b/i.test(header(event, 'content-type') ?? '')) {
      return finish('wake', json(415, { error: 'send Content-Type: application/json' }));
    }
    return finish('wake', await guarded(deps, async () => {
      const result = await deps.controller.wake('wake request');
      deps.onWakeRequest?.({ scaledUp: result.scaledUp, phase: result.status.phase });
      return json(200, await estimated(deps, result.status));
    }));
  }
  // The pre-warm API is its own function (functions/prewarm-api), so this path never loads SSM or Scheduler.
  if (path === '/api/prewarm' || path.startsWith('/api/prewarm/')) {
    return finish('prewarm', json(404, { error: 'the pre-warm API is served by its own function; it is not deployed here' }));
  }
  if (path.startsWith('/api/')) return finish('api-unknown', json(404, { error: 'not found' }));

  const segments = path.split('/').filter((s, i) => i > 0 || s !== '');
  if (path === '/' || segments.length !== 1 || segments[0] === '') {
    return finish('not-found', { statusCode: 404, headers: HTML_HEADERS, body: messagePage('No meeting here', 'Meeting links look like this address followed by "/" and the meeting name.') });
  }
  if (!read) return finish('room', methodNotAllowed(['GET', 'HEAD']));
  const check = parseRoomSegment(segments[0]!);
  if (!check.ok) {
    return finish('room-invalid', { statusCode: 400, headers: HTML_HEADERS, body: messagePage('This meeting link is not valid', `This meeting link cannot be used: ${check.reason}.`) });
  }
  return finish('room', await roomPage(event, check.room, deps));
}

/** GET /{room}: no side effect. Redirect if ready, otherwise the waiting page (script-free for previewers). */
async function roomPage(event: APIGatewayProxyEventV2, room: string, deps: WakeRouteDeps): Promise<Response> {
  const { config } = deps;
  let status: GroupStatus;
  try {
    status = await estimated(deps, await deps.controller.status());
  } catch {
    // The page still renders; its script keeps polling and shows the real state once AWS answers.
    status = { phase: 'error', message: 'Checking the meeting service…', members: [], retryable: true, checkedAt: deps.clock.now().toISOString() };
  }
  if (status.phase === 'ready') {
    return { statusCode: 302, headers: { location: meetingUrl(config.meetingBaseUrl, room, event.rawQueryString), 'cache-control': 'no-store' }, body: '' };
  }
  const html = waitingPage({
    room,
    meetingUrl: meetingUrl(config.meetingBaseUrl, room),
    status,
    wake: !isLinkPreviewer(header(event, 'user-agent') ?? event.requestContext.http.userAgent),
    pollIntervalSeconds: config.pollIntervalSeconds,
    expectedWakeSeconds: status.estimate?.seconds ?? config.controller.expectedWakeSeconds,
    supportContact: config.supportContact,
  });
  return { statusCode: 200, headers: HTML_HEADERS, body: html };
}

/** The status with the page's estimate; the configured value when no estimate is wired (tests, local). */
async function estimated(deps: WakeRouteDeps, status: GroupStatus): Promise<GroupStatus> {
  const estimate = deps.estimate ? await deps.estimate.current() : { seconds: deps.config.controller.expectedWakeSeconds, source: 'configured' as const, samples: 0 };
  return withEstimate(status, estimate);
}

async function guarded(deps: WakeRouteDeps, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error, deps.clock.now());
  }
}
