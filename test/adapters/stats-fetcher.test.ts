import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpStatsFetcher } from '../../shared/adapters/http/stats-fetcher.js';
import { readTaskStats } from '../../shared/domain/task-stats.js';
import { fixture } from '../idle/support.js';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A stats server on 127.0.0.1 (tests talk only to localhost). */
async function serve(routes: Record<string, Route>): Promise<{ port: number; server: Server; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    const route = routes[req.url ?? ''];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/html' }).end(fixture('jetty-404.html'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server, seen };
}

const json = (file: string): Route => (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(fixture(file));
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) { s.closeAllConnections(); await new Promise((r) => s.close(r)); }
});
async function started(routes: Record<string, Route>) {
  const s = await serve(routes);
  servers.push(s.server);
  return s;
}

describe('HttpStatsFetcher (the probe\'s HTTP)', () => {
  const fetcher = new HttpStatsFetcher(300, 64 * 1024);

  it('GETs the stats with Accept: application/json and returns status, type and body', async () => {
    const { port, seen } = await started({ '/stats': json('jicofo-active.json') });
    const got = await fetcher.get('127.0.0.1', port, '/stats');
    expect(got).toEqual({ kind: 'response', status: 200, contentType: 'application/json', body: fixture('jicofo-active.json') });
    expect(seen[0]!.headers.accept).toBe('application/json');
    expect(seen[0]!.method).toBe('GET');
  });

  it('returns a 404 as a response (the parser turns it into unknown)', async () => {
    const { port } = await started({});
    expect(await fetcher.get('127.0.0.1', port, '/stats')).toMatchObject({ kind: 'response', status: 404 });
  });

  it('a server that never answers → timeout', async () => {
    const { port } = await started({ '/stats': () => undefined });
    const started_ = Date.now();
    expect(await fetcher.get('127.0.0.1', port, '/stats')).toEqual({ kind: 'failed', reason: '/stats: timeout after 300 ms' });
    expect(Date.now() - started_).toBeLessThan(2000);
  });

  it('a body that stalls half way → timeout', async () => {
    const { port } = await started({ '/stats': (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.write('{"participants":'); } });
    expect(await fetcher.get('127.0.0.1', port, '/stats')).toEqual({ kind: 'failed', reason: '/stats: timeout after 300 ms' });
  });

  it('nothing listening → connection refused', async () => {
    const { port, server } = await serve({});
    await new Promise((r) => server.close(r));
    expect(await fetcher.get('127.0.0.1', port, '/stats')).toEqual({ kind: 'failed', reason: '/stats: connection refused' });
  });

  it('does not follow redirects', async () => {
    const { port, seen } = await started({ '/stats': (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end() });
    expect(await fetcher.get('127.0.0.1', port, '/stats')).toMatchObject({ kind: 'response', status: 302 });
    expect(seen).toHaveLength(1);
  });

  it('caps the body size', async () => {
    const { port } = await started({ '/stats': (_req, res) => res.writeHead(200).end('x'.repeat(100 * 1024)) });
    expect(await fetcher.get('127.0.0.1', port, '/stats')).toEqual({ kind: 'failed', reason: '/stats: response larger than 65536 bytes' });
  });
});

describe('readTaskStats over real HTTP', () => {
  it('reads Jicofo, and falls back to the bridge\'s JSON /metrics when /colibri/stats is 404', async () => {
    const jicofo = await started({ '/stats': json('jicofo-lone-participant.json') });
    const jvb = await started({ '/metrics': json('jvb-metrics.json') });
    const reading = await readTaskStats({ member: 'jitsi/web', ip: '127.0.0.1' }, new HttpStatsFetcher(300), { jicofoPort: jicofo.port, jvbPort: jvb.port });
    expect(reading).toEqual({
      member: 'jitsi/web', ip: '127.0.0.1',
      jicofo: { ok: true, participants: 1, conferences: 1, recording: false, bridges: 1 },
      jvb: { ok: true, participants: 3, conferences: 1, recording: false },
    });
    expect(jvb.seen.map((r) => [r.url, r.headers.accept])).toEqual([['/colibri/stats', 'application/json'], ['/metrics', 'application/json']]);
  });

  it('an HTML error page on Jicofo is unknown', async () => {
    const jicofo = await started({ '/stats': (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end(fixture('error-502.html')) });
    const jvb = await started({ '/colibri/stats': json('jvb-colibri-idle.json') });
    const reading = await readTaskStats({ member: 'jitsi/web', ip: '127.0.0.1' }, new HttpStatsFetcher(300), { jicofoPort: jicofo.port, jvbPort: jvb.port });
    expect(reading.jicofo).toEqual({ ok: false, reason: 'HTTP 502' });
    expect(reading.jvb).toMatchObject({ ok: true, participants: 0 });
  });
});
