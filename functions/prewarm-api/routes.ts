import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { quoteCapped } from '../../shared/domain/iso-time.js';
import type { PrewarmService } from '../../shared/domain/prewarm-service.js';
import { bearerToken, MIN_TOKEN_LENGTH, tokenMatches, type SecretToken } from '../../shared/domain/secret-token.js';
import type { Clock } from '../../shared/domain/service-group.js';
import { errorResponse, header, json, methodNotAllowed, type Response } from '../wake/http.js';

/** What the pre-warm API needs; absent when PREWARM_TOKEN_PARAMETER is not configured. */
export interface PrewarmRouteDeps {
  service: PrewarmService;
  token: SecretToken;
  /** One structured log line and metric per pre-warm action (wired to Powertools in index.ts). */
  onAction?(action: 'scheduled' | 'woke-now' | 'cancelled' | 'unauthorized' | 'token-unusable' | 'refused', details: Record<string, unknown>): void;
}

/** The pre-warm API under both prefixes (docs/CONTRACTS.md): `/_stz/prewarm` and the older `/api/prewarm`. */
const BASES = ['/_stz/prewarm', '/api/prewarm'] as const;
const UNAUTHORIZED = () => json(401, { error: 'unauthorized: send Authorization: Bearer <pre-warm token>' }, { 'www-authenticate': 'Bearer realm="prewarm"' });

export function prewarmBase(path: string): string | undefined {
  return BASES.find((base) => path === base || path.startsWith(`${base}/`));
}

/**
 * `POST /_stz/prewarm {"start": ISO}`, `GET /_stz/prewarm`, `DELETE /_stz/prewarm/{id}` (also under `/api/`).
 * Authentication comes first: without the right bearer token nothing else runs, so no Scheduler call can happen.
 */
export async function prewarmRoute(event: APIGatewayProxyEventV2, path: string, deps: PrewarmRouteDeps, clock: Clock): Promise<Response> {
  const base = prewarmBase(path);
  if (!base) return json(404, { error: 'not found' });
  const method = event.requestContext.http.method.toUpperCase();
  try {
    const denied = await authenticate(event, deps);
    if (denied) return denied;
    const id = path === base ? undefined : decodeId(path.slice(base.length + 1));
    if (id === undefined) {
      if (method === 'GET' || method === 'HEAD') return json(200, { prewarms: await deps.service.list() });
      if (method === 'POST') return await create(event, deps, base);
      return methodNotAllowed(['GET', 'HEAD', 'POST']);
    }
    if (method !== 'DELETE') return methodNotAllowed(['DELETE']);
    const result = await deps.service.cancel(id);
    if (result === 'invalid-id') return json(400, { error: `${quoteCapped(id)} is not a pre-warm id (they look like prewarm-20261127T090000Z)` });
    if (result === 'not-found') return json(404, { error: `no pre-warm ${id} (already run, cancelled or never created)` });
    deps.onAction?.('cancelled', { id });
    return json(200, { cancelled: id });
  } catch (error) {
    return errorResponse(error, clock.now());
  }
}

async function authenticate(event: APIGatewayProxyEventV2, deps: PrewarmRouteDeps): Promise<Response | undefined> {
  const presented = bearerToken(header(event, 'authorization'));
  if (!presented) {
    deps.onAction?.('unauthorized', { why: 'no bearer token', sourceIp: event.requestContext.http.sourceIp });
    return UNAUTHORIZED();
  }
  const expected = await deps.token.value();
  if (expected.length < MIN_TOKEN_LENGTH) {
    deps.onAction?.('token-unusable', { why: `the stored token is shorter than ${MIN_TOKEN_LENGTH} characters` });
    return json(503, { error: 'pre-warm is misconfigured: the stored token is too short' });
  }
  if (!tokenMatches(presented, expected)) {
    deps.onAction?.('unauthorized', { why: 'wrong token', sourceIp: event.requestContext.http.sourceIp });
    return UNAUTHORIZED();
  }
  return undefined;
}

async function create(event: APIGatewayProxyEventV2, deps: PrewarmRouteDeps, base: string): Promise<Response> {
  if (!/^application\/json\b/i.test(header(event, 'content-type') ?? '')) return json(415, { error: 'send Content-Type: application/json' });
  let body: unknown;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    body = JSON.parse(text);
  } catch {
    return json(400, { error: 'the body must be JSON like {"start": "2026-11-27T09:00:00+01:00"}' });
  }
  const start = body && typeof body === 'object' && !Array.isArray(body) ? (body as { start?: unknown }).start : undefined;
  const result = await deps.service.create(start, 'API');
  switch (result.kind) {
    case 'invalid':
      return json(400, { error: result.reason });
    case 'refused':
      deps.onAction?.('refused', { reason: result.reason });
      return json(409, { error: result.reason });
    case 'woke-now':
      deps.onAction?.('woke-now', { start: result.start, scaledUp: result.scaledUp, phase: result.status.phase });
      return json(202, { wokeNow: true, start: result.start, message: 'the meeting starts within the lead time, so the group was woken now', status: result.status });
    default:
      deps.onAction?.('scheduled', { ...result.entry, created: result.created });
      return json(result.created ? 201 : 200, { ...result.entry, created: result.created }, { location: `${base}/${result.entry.id}` });
  }
}

function decodeId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
