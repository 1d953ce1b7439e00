import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpReadinessProbe } from '../../shared/adapters/http/readiness-probe.js';

/** A real localhost server whose answer per path the test decides (a number = status, 'hang' = never answers). */
async function jitsiWeb(answers: Record<string, number | 'hang'>) {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const answer = answers[req.url ?? ''] ?? 404;
    if (answer === 'hang') return;
    res.writeHead(answer, answer === 302 ? { location: '/elsewhere' } : {}).end('body');
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
});
