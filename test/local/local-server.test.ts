import { startLocalApp } from '../../local/app.js';
import { silenceOutput } from '../handlers/support.js';

type App = Awaited<ReturnType<typeof startLocalApp>>;
const BROWSER = { 'user-agent': 'Mozilla/5.0 Firefox/133.0' };
const statusOf = async (app: App) => (await (await fetch(`${app.url}/_stz/status`)).json()) as { phase: string; elapsedSeconds?: number };
const wakePost = (app: App, path = '/_stz/wake') => fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"room":"my-meeting"}' });

/** Polls like the waiting page does (POST /_stz/wake) until ready. */
async function waitUntilReady(app: App, timeoutMs: number): Promise<string[]> {
  const phases: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { phase } = (await (await wakePost(app)).json()) as { phase: string };
    if (phases.at(-1) !== phase) phases.push(phase);
    if (phase === 'ready') return phases;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready within ${timeoutMs} ms; phases seen: ${phases.join(' → ')}`);
}

describe('local server over real HTTP (npm start)', () => {
  let app: App | undefined;
  let output: ReturnType<typeof silenceOutput>;
  beforeEach(() => { output = silenceOutput(); });
  afterEach(async () => { await app?.close(); app = undefined; output.restore(); });

  it('plays CloudFront by default: the meeting URL fails over to the waiting page while asleep and is the meeting once ready', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2' } });
    const before = await statusOf(app);
    const page = await fetch(`${app.url}/my-meeting?x=1`, { redirect: 'manual', headers: BROWSER });
    const pageHtml = await page.text();
    const asset = await fetch(`${app.url}/libs/app.bundle.min.js`);
    const assetBody = await asset.text();

    const phases = await waitUntilReady(app, 15_000);
    const meeting = await fetch(`${app.url}/my-meeting?x=1`, { redirect: 'manual', headers: BROWSER });
    const meetingHtml = await meeting.text();

    expect(before.phase).toBe('asleep');
    expect(app.config.linkMode).toBe('canonical');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-stz-controller')).toBe('1');
    expect(pageHtml).toContain('id="cfg"');
    expect(pageHtml).toContain('"join":{"kind":"reload"}');
    expect([asset.status, asset.headers.get('content-type'), asset.headers.get('retry-after'), asset.headers.get('cache-control')])
      .toEqual([503, 'text/plain; charset=utf-8', '5', 'no-store']);
    expect(assetBody).not.toMatch(/<html/i);
    expect(phases).toEqual(['waking', 'ready']);
    expect(meeting.status).toBe(200);
    expect(meeting.headers.get('x-stz-controller')).toBeNull();
    expect(meetingHtml).toContain('Simulated Jitsi meeting');
    expect(meetingHtml).toContain('my-meeting');
  }, 20_000);

  it('the readiness probe asks the origin (READINESS_BASE_URL), never the failover page on the meeting domain', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2' } });
    expect(app.config.meetingBaseUrl.href).toBe(`${app.url}/`);
    expect(app.config.readinessBaseUrl.href).toBe(`${app.url}/_meet`);
    // The meeting domain's "/" answers 200 while asleep: our own page, marked.
    const home = await fetch(`${app.url}/`, { headers: BROWSER });
    expect([home.status, home.headers.get('x-stz-controller')]).toEqual([200, '1']);
    expect((await statusOf(app)).phase).toBe('asleep');
  });

  it('refuses POST on the failover behaviour (CloudFront allows GET/HEAD/OPTIONS there), so /api/wake is only an alias behind API Gateway', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2' } });
    const res = await wakePost(app, '/api/wake');
    expect(res.status).toBe(403);
    expect(app.group?.calls).toEqual([]);
  });

  it('LINK_MODE=wake-url plays API Gateway: GET /{room}?x=1 redirects to the simulated meeting once ready', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2', LINK_MODE: 'wake-url' } });
    const page = await fetch(`${app.url}/my-meeting?x=1`, { redirect: 'manual', headers: BROWSER });
    await page.text();
    const clickedAt = Date.now();
    const phases = await waitUntilReady(app, 15_000);
    const clickToReadyMs = Date.now() - clickedAt;
    const redirect = await fetch(`${app.url}/my-meeting?x=1`, { redirect: 'manual' });
    const location = redirect.headers.get('location') ?? '';
    const meeting = await fetch(location);

    expect(page.status).toBe(200);
    expect(phases).toEqual(['waking', 'ready']);
    expect(clickToReadyMs).toBeGreaterThanOrEqual(2000);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('x-stz-controller')).toBe('1');
    expect(location).toBe(`${app.url}/_meet/my-meeting?x=1`);
    expect(meeting.status).toBe(200);
  }, 20_000);

  it.each(['/_stz/wake', '/api/wake'])('50 concurrent POST %s over HTTP (wake-url mode) scale each member up once', async (path) => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2', LINK_MODE: 'wake-url' } });
    const responses = await Promise.all(Array.from({ length: 50 }, () => wakePost(app!, path)));
    const phases = await Promise.all(responses.map(async (r) => ((await r.json()) as { phase: string }).phase));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(phases)).toEqual(new Set(['waking']));
    expect(app.group?.calls.map((c) => `${c.op} ${c.member}`)).toEqual(['wake local/jitsi-web', 'wake local/jitsi-jvb']);
  });

  it('the simulated meeting (the origin) answers 503 while the group is asleep', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2' } });
    const meeting = await fetch(`${app.url}/_meet/my-meeting`);
    expect(meeting.status).toBe(503);
    expect(app.group?.calls).toEqual([]);
  });
});
