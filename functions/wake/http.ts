import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CONTROLLER_HEADER, CONTROLLER_HEADER_VALUE } from '../../shared/adapters/http/controller-header.js';
import { DependencyError } from '../../shared/domain/errors.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';

export type Response = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): Response {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export function text(statusCode: number, body: string, headers: Record<string, string> = {}): Response {
  return { statusCode, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }, body };
}

export function methodNotAllowed(allow: string[]): Response {
  return json(405, { error: 'method not allowed', allow }, { allow: allow.join(', ') });
}

/** Dependency trouble as a status the page can render: phase error, retryable when polling again may help. */
export function dependencyStatus(error: unknown, now: Date): { status: GroupStatus; headers: Record<string, string> } | undefined {
  if (!(error instanceof DependencyError)) return undefined;
  const status: GroupStatus = { phase: 'error', message: error.message, members: [], retryable: error.retryable, checkedAt: now.toISOString() };
  return { status, headers: error.retryable ? { 'retry-after': '5' } : {} };
}

/** The one place domain errors become HTTP: dependency trouble is a 503 the page retries after Retry-After. */
export function errorResponse(error: unknown, now: Date, present: (status: GroupStatus) => unknown = (s) => s): Response {
  const dependency = dependencyStatus(error, now);
  if (dependency) return json(503, present(dependency.status), dependency.headers);
  return json(500, { error: 'internal error' });
}

/** Marks a response as the wake function's own (see shared/adapters/http/controller-header.ts). */
export function marked(response: Response): Response {
  return { ...response, headers: { ...response.headers, [CONTROLLER_HEADER]: CONTROLLER_HEADER_VALUE } };
}

/** True when the request is a well-formed HTTP API payload 2.0 event. */
export function isHttpApiEvent(event: unknown): event is APIGatewayProxyEventV2 {
  const e = event as Partial<APIGatewayProxyEventV2> | null;
  return Boolean(e && typeof e === 'object' && e.version === '2.0' && typeof e.rawPath === 'string'
    && e.requestContext && typeof e.requestContext.http?.method === 'string');
}

/** The path without a named stage prefix (HTTP APIs add it to rawPath for stages other than $default). */
export function routePath(event: APIGatewayProxyEventV2): string {
  const stage = event.requestContext.stage;
  const path = event.rawPath || '/';
  if (stage && stage !== '$default' && (path === `/${stage}` || path.startsWith(`/${stage}/`))) return path.slice(stage.length + 1) || '/';
  return path;
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.headers?.[name] ?? event.headers?.[name.toLowerCase()];
}

/** HEAD answers like GET without a body. */
export function forHead(response: Response): Response {
  return { ...response, body: '' };
}
