import { startLocalApp } from '../../local/app.js';
import { silenceOutput } from '../handlers/support.js';

type App = Awaited<ReturnType<typeof startLocalApp>>;
const statusOf = async (app: App) => (await (await fetch(`${app.url}/api/status`)).json()) as { phase: string; elapsedSeconds?: number };

/** Polls like the waiting page does (POST /api/wake every POLL_INTERVAL_SECONDS) until ready. */
async function waitUntilReady(app: App, timeoutMs: number): Promise<string[]> {
  const phases: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${app.url}/api/wake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"room":"my-meeting"}' });
    const { phase } = (await res.json()) as { phase: string };
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

  it('walks asleep → waking → ready, then GET /{room}?x=1 redirects to the simulated meeting, which answers 200', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2' } });
    const before = await statusOf(app);
    const page = await fetch(`${app.url}/my-meeting?x=1`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 Firefox/133.0' } });
    const pageHtml = await page.text();

    const clickedAt = Date.now();
    const phases = await waitUntilReady(app, 15_000);
    const clickToReadyMs = Date.now() - clickedAt;
    const redirect = await fetch(`${app.url}/my-meeting?x=1`, { redirect: 'manual' });
    const location = redirect.headers.get('location') ?? '';
    const meeting = await fetch(location);
    const meetingHtml = await meeting.text();

    expect(before.phase).toBe('asleep');
    expect(page.status).toBe(200);
    expect(pageHtml).toContain('id="cfg"');
    expect(phases).toEqual(['waking', 'ready']);
    expect(clickToReadyMs).toBeGreaterThanOrEqual(2000);
    expect(redirect.status).toBe(302);
    expect(location).toBe(`${app.url}/_meet/my-meeting?x=1`);
    expect(meeting.status).toBe(200);
    expect(meetingHtml).toContain('my-meeting');
  }, 20_000);

  it('50 concurrent POST /api/wake over HTTP scale each member up once', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2' } });
    const url = `${app.url}/api/wake`;
    const responses = await Promise.all(Array.from({ length: 50 }, () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"room":"my-meeting"}' })));
    const phases = await Promise.all(responses.map(async (r) => ((await r.json()) as { phase: string }).phase));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(phases)).toEqual(new Set(['waking']));
    expect(app.group?.calls.map((c) => `${c.op} ${c.member}`)).toEqual(['wake local/jitsi-web', 'wake local/jitsi-jvb']);
  });

  it('the simulated meeting answers 503 while the group is asleep', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '2' } });
    const meeting = await fetch(`${app.url}/_meet/my-meeting`);
    expect(meeting.status).toBe(503);
    expect(app.group?.calls).toEqual([]);
  });
});
