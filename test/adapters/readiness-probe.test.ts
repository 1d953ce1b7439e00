import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpReadinessProbe } from '../../shared/adapters/http/readiness-probe.js';
import { SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { createController } from '../../shared/compose.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';

/** A real localhost server whose answer per path the test decides (a number = status, 'hang' = never answers). */
async function jitsiWeb(answers: Record<string, number | 'hang'>, marked: string[] = []) {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const answer = answers[req.url ?? ''] ?? 404;
    if (answer === 'hang') return;
    res.writeHead(answer, { ...(answer === 302 ? { location: '/elsewhere' } : {}), ...(marked.includes(req.url ?? '') ? { 'x-stz-controller': '1' } : {}) }).end('body');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    seen,
    base: new URL(`http://127.0.0.1:${port}/jitsi`),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('HttpReadinessProbe against a real local server', () => {
  let web: Awaited<ReturnType<typeof jitsiWeb>> | undefined;
  afterEach(async () => { await web?.close(); web = undefined; });

  it('is ok when every path answers 200', async () => {
    web = await jitsiWeb({ '/jitsi/': 200, '/jitsi/http-bind': 200 });
    const result = await new HttpReadinessProbe(web.base, ['/', '/http-bind'], 1000).check();
    expect(result).toEqual({ ok: true, detail: '/jitsi/ 200, /jitsi/http-bind 200' });
    expect(web.seen.sort()).toEqual(['/jitsi/', '/jitsi/http-bind']);
  });

  it('is not ok when one path answers 503 (the ALB before the target is healthy)', async () => {
    web = await jitsiWeb({ '/jitsi/': 200, '/jitsi/http-bind': 503 });
    const result = await new HttpReadinessProbe(web.base, ['/', '/http-bind'], 1000).check();
    expect(result).toEqual({ ok: false, detail: '/jitsi/http-bind 503' });
  });

  it('is not ok when a 200 carries the wake function\'s marker: our own failover page, not Jitsi', async () => {
    web = await jitsiWeb({ '/jitsi/': 200, '/jitsi/http-bind': 200 }, ['/jitsi/']);
    const result = await new HttpReadinessProbe(web.base, ['/', '/http-bind'], 1000).check();
    expect(result).toEqual({ ok: false, detail: '/jitsi/ 200 from the wake function, not Jitsi' });
  });

  it('does not follow redirects: a 302 is not ready', async () => {
    web = await jitsiWeb({ '/jitsi/': 302 });
    const result = await new HttpReadinessProbe(web.base, ['/'], 1000).check();
    expect(result).toEqual({ ok: false, detail: '/jitsi/ 302' });
  });

  it('reports a timeout when the server never answers', async () => {
    web = await jitsiWeb({ '/jitsi/': 'hang' });
    const started = Date.now();
    const result = await new HttpReadinessProbe(web.base, ['/'], 150).check();
    expect(result).toEqual({ ok: false, detail: '/jitsi/ timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports unreachable when nothing listens', async () => {
    const closed = await jitsiWeb({});
    await closed.close();
    const result = await new HttpReadinessProbe(closed.base, ['/http-bind'], 1000).check();
    expect(result).toEqual({ ok: false, detail: '/jitsi/http-bind unreachable' });
  });

  it('the composed controller probes READINESS_BASE_URL, not the meeting domain (which serves our failover page)', async () => {
    web = await jitsiWeb({ '/jitsi/': 200, '/jitsi/http-bind': 200 });
    const front = await jitsiWeb({ '/': 200, '/http-bind': 200 }, ['/', '/http-bind']);
    try {
      const config = loadWakeConfig({
        SERVICE_GROUP: 'jitsi/web', CONTROLLER_BACKEND: 'simulated', MEETING_BASE_URL: front.base.origin,
        READINESS_BASE_URL: web.base.href, READY_PROBE_SUCCESSES: '1', READY_PROBE_INTERVAL_SECONDS: '0', STATUS_CACHE_MS: '0',
      });
      const group = new SimulatedServiceGroup(config.members, { now: () => new Date() }, { startDelayMs: 0, stopDelayMs: 0, healthChecks: false });
      group.setDesired('jitsi/web', 1);
      const status = await createController(config, {}, group).status();
      expect(status.phase).toBe('ready');
      expect(web.seen.sort()).toEqual(['/jitsi/', '/jitsi/http-bind']);
      expect(front.seen).toEqual([]);
    } finally {
      await front.close();
    }
  });
});
