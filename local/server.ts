import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { escapeHtml, validateRoom } from '../shared/domain/rooms.js';
import { toHttpApiEvent } from './http-event.js';
import { lambdaContext } from './lambda-context.js';
import { meetingPage, type SimulatedJitsi } from './sim-jitsi.js';

type HttpHandler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2 | undefined>;

export interface LocalServerOptions {
  wakeHandler: HttpHandler;
  /** When set, /_meet/* is the simulated Jitsi web; it answers only while `isRunning()` is true. */
  simulation?: { jitsi: SimulatedJitsi; isRunning(): Promise<boolean> };
  port?: number;
  host?: string;
  /** Extra local routes (e.g. the simulated stats endpoint) tried before the wake handler. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, body: string) => Promise<boolean>;
}

export const MEET_PREFIX = '/_meet';

/** The local runtime: the real wake handler behind a plain HTTP server, plus the simulated meeting site. */
export async function startLocalServer(options: LocalServerOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(req, res, options).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`local server error: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: LocalServerOptions): Promise<void> {
  const body = await readBody(req);
  if (body === TOO_LARGE) {
    // An answer, not a dropped connection; the rest of the upload is read and discarded.
    res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(`request body larger than ${MAX_BODY_BYTES / 1024} KB\n`);
    return;
  }
  const path = new URL(req.url ?? '/', 'http://local').pathname;
  if (options.simulation && (path === MEET_PREFIX || path.startsWith(`${MEET_PREFIX}/`))) {
    return simulatedMeeting(req, res, path.slice(MEET_PREFIX.length), body, options.simulation);
  }
  if (options.extraRoutes && (await options.extraRoutes(req, res, body))) return;
  const result = await options.wakeHandler(toHttpApiEvent(req, body), lambdaContext('wake'));
  const headers = { ...(result?.headers ?? {}) } as Record<string, string>;
  res.writeHead(result?.statusCode ?? 500, headers);
  res.end(req.method === 'HEAD' ? undefined : (result?.body ?? ''));
}

async function simulatedMeeting(req: IncomingMessage, res: ServerResponse, path: string, body: string, sim: NonNullable<LocalServerOptions['simulation']>) {
  if (!(await sim.isRunning())) {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('503 Service Temporarily Unavailable (simulated service is not running)');
    return;
  }
  if (path === '' || path === '/' || path === '/http-bind') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(path === '/http-bind' ? 'It works! (simulated Prosody)' : 'Simulated Jitsi web');
    return;
  }
  if (req.method === 'POST' && (path === '/_heartbeat' || path === '/_leave')) {
    try {
      const { id, room } = JSON.parse(body) as { id?: unknown; room?: unknown };
      if (typeof id === 'string' && path === '/_leave') sim.jitsi.leave(id);
      if (typeof id === 'string' && typeof room === 'string' && path === '/_heartbeat') sim.jitsi.heartbeat(id, room);
      res.writeHead(204).end();
    } catch {
      res.writeHead(400).end();
    }
    return;
  }
  const segment = path.slice(1);
  let room: string | undefined;
  try {
    const check = validateRoom(decodeURIComponent(segment));
    room = check.ok ? check.room : undefined;
  } catch {
    room = undefined;
  }
  if (!room || segment.includes('/')) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such meeting');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(meetingPage(escapeHtml(room)));
}

/** The largest request body the local server reads (bigger ones get 413). */
export const MAX_BODY_BYTES = 64 * 1024;
const TOO_LARGE = Symbol('too large');

function readBody(req: IncomingMessage): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        resolve(TOO_LARGE); // later chunks are counted and dropped
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
