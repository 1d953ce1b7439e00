import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { toHttpApiEvent } from './http-event.js';
import { lambdaContext } from './lambda-context.js';
import { simulatedOrigin, type LocalResponse, type Simulation } from './sim-origin.js';

type HttpHandler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2 | undefined>;

export interface LocalServerOptions {
  wakeHandler: HttpHandler;
  /** When set, /_meet/* is the simulated Express endpoint (Jitsi web); it answers 503 unless `isRunning()`. */
  simulation?: Simulation;
  /**
   * What this server plays in front of the wake handler. `api-gateway` (LINK_MODE=wake-url): every path
   * goes to the wake handler, as the HTTP API's `$default` route does. `cloudfront` (LINK_MODE=canonical):
   * the meeting domain, as the CloudFront distribution does (see cloudFront below).
   */
  front?: 'api-gateway' | 'cloudfront';
  /** Local-only routes tried before the front (the demo's control routes for `ctl --local`). */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, body: string) => Promise<boolean>;
  port?: number;
  host?: string;
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
  const method = (req.method ?? 'GET').toUpperCase();
  const sim = options.simulation;
  if (sim && (path === MEET_PREFIX || path.startsWith(`${MEET_PREFIX}/`))) {
    return send(req, res, await simulatedOrigin(method, path.slice(MEET_PREFIX.length), body, sim));
  }
  if (options.extraRoutes && (await options.extraRoutes(req, res, body))) return;
  if (sim && options.front === 'cloudfront') return send(req, res, await cloudFront(req, method, path, body, sim, options.wakeHandler));
  return send(req, res, await wake(req, body, options.wakeHandler));
}

/** Behaviours the real distribution routes to the origin only, without failover (BOSH, WebSockets). */
const ORIGIN_ONLY = /^\/(http-bind|xmpp-websocket|colibri-ws)(\/|$)|^\/_(heartbeat|leave)$/;
/** The origin group's failover codes. */
const FAILOVER = new Set([500, 502, 503, 504]);

/**
 * The canonical meeting domain, as the CloudFront distribution routes it: `/_stz/*` to the wake API; BOSH and
 * WebSocket paths (and the simulated meeting's heartbeat, which stands in for them) to the origin only; every
 * other path is an origin group for GET/HEAD/OPTIONS: the origin (the simulated Express endpoint) first, the
 * wake function when the origin answers 5xx. Other methods there are refused, as CloudFront refuses them.
 */
async function cloudFront(req: IncomingMessage, method: string, path: string, body: string, sim: Simulation, wakeHandler: HttpHandler): Promise<LocalResponse> {
  if (path.startsWith('/_stz/')) return wake(req, body, wakeHandler);
  if (ORIGIN_ONLY.test(path)) return simulatedOrigin(method, path, body, sim);
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
    return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'This distribution is not configured to allow the HTTP request method that was used for this request.' };
  }
  const origin = await simulatedOrigin(method, path, body, sim);
  return FAILOVER.has(origin.status) ? wake(req, body, wakeHandler) : origin;
}

async function wake(req: IncomingMessage, body: string, wakeHandler: HttpHandler): Promise<LocalResponse> {
  const result = await wakeHandler(toHttpApiEvent(req, body), lambdaContext('wake'));
  return { status: result?.statusCode ?? 500, headers: { ...(result?.headers ?? {}) } as Record<string, string>, body: result?.body ?? '' };
}

function send(req: IncomingMessage, res: ServerResponse, answer: LocalResponse): void {
  res.writeHead(answer.status, answer.headers);
  res.end(req.method === 'HEAD' ? undefined : answer.body);
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
