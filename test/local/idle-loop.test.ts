import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import type { startLocalApp as StartLocalApp } from '../../local/app.js';

type App = Awaited<ReturnType<typeof StartLocalApp>>;
let startLocalApp: typeof StartLocalApp;

beforeAll(async () => {
  // Before the app's modules load: the functions' Powertools logger and metrics stay quiet, as in npm start.
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  ({ startLocalApp } = await import('../../local/app.js'));
});

const post = (app: App, path: string, body: unknown) =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * npm start with a hand-moved clock: the simulated group, the simulated meeting page (its heartbeat and
 * leave beacon over real HTTP), and the idle loop ticked by the test instead of its 5 s timer.
 */
async function localDemo() {
  const clock = new ManualClock();
  const app = await startLocalApp({ port: 0, clock, quiet: true, env: { SIM_START_DELAY_SECONDS: '2' } });
  const idle = app.idle!;
  const interval = idle.config.watchIntervalMs;
  const tasks = async () => (await app.group!.describe()).reduce((n, m) => n + m.running + m.pending, 0);
  const desired = async () => (await app.group!.describe()).map((m) => m.desired);
  /** One watcher period: the clock moves, the open page (if any) beats, the loop runs once. */
  const period = async (pageOpen?: string) => {
    clock.advance(interval);
    if (pageOpen) expect((await post(app, '/_meet/_heartbeat', { id: pageOpen, room: 'standup' })).status).toBe(204);
    await idle.tick();
  };
  const wakeAndStart = async () => {
    expect((await post(app, '/_stz/wake', { room: 'standup' })).status).toBe(200);
    clock.advance(2500);
  };
  return { app, clock, idle, interval, tasks, desired, period, wakeAndStart };
}

describe('local demo: the group goes back to sleep on its own', () => {
  let demo: Awaited<ReturnType<typeof localDemo>> | undefined;
  afterEach(async () => { await demo?.app.close(); demo = undefined; });

  it('asleep: the loop probes nothing and publishes nothing', async () => {
    demo = await localDemo();
    for (let i = 0; i < 3; i += 1) await demo.period();
    expect(demo.idle.store.publishCalls).toBe(0);
    expect(demo.idle.decisions).toEqual([]);
  });

  it('stays up while the meeting page is open, and sleeps after the last participant closes it', async () => {
    demo = await localDemo();
    const { idle, clock } = demo;
    await demo.wakeAndStart();
    for (let i = 0; i < 30; i += 1) await demo.period('page-1'); // 2.5 minutes of meeting, longer than both windows
    expect(await demo.desired()).toEqual([1, 1]);
    expect(idle.decisions).toEqual([]);
    expect(idle.store.datapoints.filter((d) => d.name === 'Participants').every((d) => d.value === 1)).toBe(true);

    expect((await post(demo.app, '/_meet/_leave', { id: 'page-1' })).status).toBe(204);
    const leftAt = clock.now().getTime();
    let zeroAt: number | undefined;
    for (let i = 0; i < 20 && zeroAt === undefined; i += 1) {
      await demo.period();
      if ((await demo.tasks()) === 0) zeroAt = clock.now().getTime();
    }
    expect(zeroAt).toBeDefined();
    const seconds = (zeroAt! - leftAt) / 1000;
    // Empty-room window 20 s (4 periods of 5 s), plus the 2 s simulated stop, seen at the next period.
    expect(seconds).toBeGreaterThanOrEqual(20);
    expect(seconds).toBeLessThanOrEqual(30);
    expect(idle.decisions).toEqual([expect.objectContaining({ alarm: 'local-empty-room', decision: expect.objectContaining({ action: 'stop' }) })]);
    expect(await demo.desired()).toEqual([0, 0]);
    expect(demo.app.group!.autoscaling('local/jitsi-web').minCapacity).toBe(0);

    const published = idle.store.publishCalls;
    for (let i = 0; i < 3; i += 1) await demo.period();
    expect(idle.store.publishCalls).toBe(published);
  });

  it('a tab that dies without the leave beacon stops counting once its heartbeat expires', async () => {
    demo = await localDemo();
    await demo.wakeAndStart();
    for (let i = 0; i < 4; i += 1) await demo.period('page-1');
    for (let i = 0; i < 20 && (await demo.tasks()) > 0; i += 1) await demo.period();
    expect(await demo.tasks()).toBe(0);
    expect(demo.idle.decisions.at(-1)).toMatchObject({ alarm: 'local-empty-room', decision: { action: 'stop' } });
  });

  it('nobody joins: the shorter empty-room timer defers, the no-join timer (60 s) puts it to sleep', async () => {
    demo = await localDemo();
    await demo.wakeAndStart();
    for (let i = 0; i < 20 && (await demo.tasks()) > 0; i += 1) await demo.period();
    expect(await demo.tasks()).toBe(0);
    expect(demo.idle.decisions).toEqual([
      expect.objectContaining({ alarm: 'local-empty-room', decision: expect.objectContaining({ action: 'skip', code: 'other-timer' }) }),
      expect.objectContaining({ alarm: 'local-no-join', decision: expect.objectContaining({ action: 'stop', reason: expect.stringMatching(/no participant for 60 s/) }) }),
    ]);
  });

  it('a wake request within the grace keeps it up; the re-armed alarm stops it once the grace has passed', async () => {
    demo = await localDemo();
    await demo.wakeAndStart();
    await demo.period('page-1');
    await post(demo.app, '/_meet/_leave', { id: 'page-1' });
    for (let i = 0; i < 3; i += 1) await demo.period();
    expect((await post(demo.app, '/_stz/wake', { room: 'standup' })).status).toBe(200); // someone opens the link again
    await demo.period(); // the empty-room alarm fires now
    expect(demo.idle.decisions.at(-1)).toMatchObject({ decision: { code: 'wake-requested' }, rearmed: true });
    expect(await demo.desired()).toEqual([1, 1]);
    for (let i = 0; i < 20 && (await demo.tasks()) > 0; i += 1) await demo.period();
    expect(await demo.tasks()).toBe(0);
  });
});
