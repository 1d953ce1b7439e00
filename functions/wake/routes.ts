import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { GroupController } from '../../shared/domain/controller.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import type { Clock } from '../../shared/domain/service-group.js';
import type { WakeConfig } from '../../shared/config/core-config.js';
import type { WakeEstimate } from '../../shared/domain/wake-estimate.js';
import { estimated } from './estimated.js';
import { errorResponse, forHead, header, json, methodNotAllowed, routePath, text, type Response } from './http.js';
import { meetingRoute } from './meeting-routes.js';
import { visitorView } from './visitor-text.js';
import type { HoldGate } from '../../shared/domain/hold-gate.js';
import { maintenanceRefusal } from './maintenance.js';

export interface WakeRouteDeps {
  controller: GroupController;
  config: WakeConfig;
  clock: Clock;
  /** The learned (or configured) wake estimate; without it the configured EXPECTED_WAKE_SECONDS. */
  estimate?: { current(): Promise<WakeEstimate> };
  /** Called once per wake POST (for the WakeRequests metric and the request log line). */
  onWakeRequest?(result: { scaledUp: string[]; phase: string }): void;
  /**
   * Called when a GET redirects a person (not a link previewer) into the ready meeting: the PersonsSentIn
   * metric, the wake ledger the stop paths read, so the stop grace covers someone on Jitsi's pre-join
   * screen. No effect on the service (invariant 1).
   */
  onPersonSentIn?(): void;
  /** Operator holds: during an `asleep` hold no wake happens (HOLD_PARAMETER; absent when not configured). */
  holds?: HoldGate;
}

/** What happened, for the request log line. */
export interface RouteOutcome {
  route: string;
  response: Response;
}

/** The controller's own API: `/_stz/…` (cannot collide with Jitsi's paths) and the older `/api/…` aliases. */
export const API_PREFIXES = ['/_stz/', '/api/'] as const;

export async function route(event: APIGatewayProxyEventV2, deps: WakeRouteDeps): Promise<RouteOutcome> {
  const method = event.requestContext.http.method.toUpperCase();
  const path = routePath(event);
  const read = method === 'GET' || method === 'HEAD';
  const finish = (name: string, response: Response) => ({ route: name, response: method === 'HEAD' ? forHead(response) : response });
  // In canonical mode these answer for Jitsi's own domain while it sleeps: nothing there may be cached for long.
  const cache = deps.config.linkMode === 'canonical' ? 'no-store' : 'public, max-age=86400';

  if (path === '/robots.txt') {
    return finish('robots', read ? text(200, 'User-agent: *\nDisallow: /\n', { 'cache-control': cache }) : methodNotAllowed(['GET', 'HEAD']));
  }
  if (path === '/favicon.ico') {
    // Browsers ask for it on every page; answer "nothing here" quietly instead of an invalid-room page.
    return finish('favicon', read ? { statusCode: 204, headers: { 'cache-control': cache }, body: '' } : methodNotAllowed(['GET', 'HEAD']));
  }
  const prefix = API_PREFIXES.find((p) => path.startsWith(p));
  if (prefix) return finish(...(await apiRoute(event, method, path.slice(prefix.length), prefix, deps)));
  const { route: name, response } = await meetingRoute(event, path, method, deps);
  return finish(name, response);
}

async function apiRoute(event: APIGatewayProxyEventV2, method: string, rest: string, prefix: string, deps: WakeRouteDeps): Promise<[string, Response]> {
  const read = method === 'GET' || method === 'HEAD';
  if (rest === 'status') {
    if (!read) return ['status', methodNotAllowed(['GET', 'HEAD'])];
    return ['status', await guarded(deps, async () => json(200, await present(deps.controller.status(), deps)))];
  }
  if (rest === 'wake') {
    if (method !== 'POST') return ['wake', methodNotAllowed(['POST'])];
    // A JSON content type makes cross-site form posts impossible without a CORS preflight we never grant.
    if (!/^application\/json\b/i.test(header(event, 'content-type') ?? '')) {
      return ['wake', json(415, { error: 'send Content-Type: application/json' })];
    }
    return ['wake', await guarded(deps, async () => {
      const held = deps.holds ? await deps.holds.check('wake') : undefined;
      if (held && !held.allow) return maintenanceRefusal(held.hold, deps.clock.now(), deps.config.supportContact);
      const result = await deps.controller.wake('wake request');
      deps.onWakeRequest?.({ scaledUp: result.scaledUp, phase: result.status.phase });
      // The page that gets "ready" here joins at once (redirect or reload): a person is being sent in, and the
      // stop grace must cover them while they sit on Jitsi's pre-join screen. Only the page's script posts.
      if (result.status.phase === 'ready') deps.onPersonSentIn?.();
      return json(200, await present(result.status, deps));
    })];
  }
  // The pre-warm API is its own function (functions/prewarm-api), so this path never loads SSM or Scheduler.
  if (rest === 'prewarm' || rest.startsWith('prewarm/')) {
    return ['prewarm', json(404, { error: 'the pre-warm API is served by its own function; it is not deployed here' })];
  }
  return ['api-unknown', json(404, { error: 'not found' })];
}

/** The status with the page's estimate, plus the words the waiting page shows for it (visitor-text.ts). */
async function present(status: GroupStatus | Promise<GroupStatus>, deps: WakeRouteDeps) {
  return presentNow(await estimated(deps, status), deps);
}

function presentNow(status: GroupStatus, deps: WakeRouteDeps) {
  return { ...status, view: visitorView(status, { expectedSeconds: status.estimate?.seconds ?? deps.config.controller.expectedWakeSeconds }) };
}

async function guarded(deps: WakeRouteDeps, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error, deps.clock.now(), (status) => presentNow(status, deps));
  }
}
