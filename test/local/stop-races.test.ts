import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import type { startLocalApp as StartLocalApp } from '../../local/app.js';

type App = Awaited<ReturnType<typeof StartLocalApp>>;
let startLocalApp: typeof StartLocalApp;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  ({ startLocalApp } = await import('../../local/app.js'));
});

/**
 * The two races of issue 11 reproduced on `npm start` over real HTTP (DESIGN invariant 4): pages poll, the
 * group becomes ready, and a stop path runs right then. Local grace: 10 s (LOCAL_STOP_GRACE_SECONDS).
 */
async function local(env: Record<string, string> = {}) {
  const clock = new ManualClock();
  // The nightly timer is set far out: the test runs the nightly power-down itself at the racy moment.
  const app = await startLocalApp({ port: 0, clock, quiet: true, env: { SIM_START_DELAY_SECONDS: '2', LOCAL_NIGHTLY_SECONDS: '86400', ...env } });
  const desired = async () => (await app.group!.describe()).map((m) => m.desired);
  const status = async () => ((await (await fetch(`${app.url}/_stz/status`)).json()) as { phase: string }).phase;
  /** A waiting page: wake, then poll until the status says ready. */
  const wakeAndPollUntilReady = async () => {
    expect((await fetch(`${app.url}/_stz/wake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    for (let i = 0; i < 20; i += 1) {
      clock.advance(500);
      if ((await status()) === 'ready') return;
    }
    throw new Error('never became ready');
  };
  return { app, clock, desired, status, wakeAndPollUntilReady };
}

describe('local server: a stop racing a person who just arrived', () => {
  let app: App | undefined;
  afterEach(async () => { await app?.close(); app = undefined; });

  it.each(['defer', 'force'])('nightly power-down (policy %s) in the same moment the group becomes ready leaves it awake', async (policy) => {
    const t = await local({ POWER_DOWN_POLICY: policy });
    app = t.app;
    await t.wakeAndPollUntilReady();

    const result = await t.app.nightly!.nightly();

    expect(result).toMatchObject({ outcome: 'deferred', reason: expect.stringMatching(/^stop grace \(grace\)/) });
    expect(await t.desired()).toEqual([1, 1]);
    expect(await t.status()).toBe('ready');
    // After the grace, with nobody in the meeting, the re-check puts it to sleep.
    t.clock.advance(11_000);
    await t.app.nightly!.fireDue();
    expect(await t.desired()).toEqual([0, 0]);
  });

  it('a GET redirected into the ready meeting is followed by an idle alarm: the person on the pre-join screen keeps the group', async () => {
    /** Ready, nobody joins; `k` watcher periods later the no-join alarm (60 s) acts. */
    const setup = async () => {
      // wake-url mode: the GET redirects (canonical mode's page reloads instead, after a wake POST answered ready).
      const t = await local({ LINK_MODE: 'wake-url' });
      app = t.app;
      await t.wakeAndPollUntilReady();
      t.clock.advance(30_000); // ready well beyond the 10 s grace
      const period = async () => { t.clock.advance(t.app.idle!.config.watchIntervalMs); await t.app.idle!.tick(); };
      const noJoin = () => t.app.idle!.decisions.find((d) => 'alarm' in d && d.alarm === 'local-no-join');
      return { ...t, period, noJoin };
    };
    // Control run: how many periods until the no-join alarm stops the untouched group.
    const control = await setup();
    let k = 0;
    while (!control.noJoin() && k < 40) { await control.period(); k += 1; }
    expect(control.noJoin()).toMatchObject({ decision: { action: 'stop' } });
    await control.app.close();

    const t = await setup();
    for (let i = 0; i < k - 1; i += 1) await t.period();
    expect(await t.desired()).toEqual([1, 1]);
    const visit = await fetch(`${t.app.url}/standup`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' } });
    expect(visit.status).toBe(302);
    expect(visit.headers.get('location')).toMatch(/\/_meet\/standup$/);
    await t.period(); // the same alarm fires 5 s after the redirect, while the person is on the pre-join screen

    expect(t.noJoin()).toMatchObject({ decision: { action: 'skip', code: 'sent-in' } });
    expect(await t.desired()).toEqual([1, 1]);
  });
});
