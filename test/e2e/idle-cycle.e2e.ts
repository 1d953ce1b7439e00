import type { Browser } from 'playwright-core';
import { launchChromium, VIEWPORTS } from './support/browser.js';
import { apiStatus, sleep, startApp, waitFor, type App } from './support/local-app.js';
import { watchContext } from './support/page-watch.js';

const ROOM = 'retro';
const LINK = `/${ROOM}?jwt=abc#config.startWithAudioMuted=true`;
/** Short local idle windows (local/idle-loop.ts): watcher every second, empty room stops after 4 s. */
const IDLE_ENV = {
  SIM_START_DELAY_SECONDS: '3',
  LOCAL_WATCH_INTERVAL_SECONDS: '1',
  LOCAL_EMPTY_SECONDS: '4',
  LOCAL_NO_JOIN_SECONDS: '30',
  LOCAL_STOP_GRACE_SECONDS: '2',
};
/** local/app.ts gives the simulated tasks 2 s to stop. */
const SIM_STOP_DELAY_MS = 2000;

describe('closing the meeting lets the group sleep; reopening the link wakes it (local idle loop)', () => {
  let browser: Browser;
  let app: App | undefined;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => { await app?.close(); app = undefined; });

  it('meeting open → stays up; closed → asleep within the empty-room window; link again → meeting again', async () => {
    // Arrange
    app = await startApp(IDLE_ENV);
    const idle = app.idle;
    if (!idle) throw new Error('local/app.ts no longer exposes the idle loop');
    const { emptyMs } = idle.config.idle;
    const watchMs = idle.config.watchIntervalMs;
    // Leave beacon → the next watcher period reads 0 → the alarm needs emptyMs of zero periods, each closed
    // by a watcher tick (up to one period of alignment either side) → sleep → the tasks take 2 s to stop.
    const asleepDeadlineMs = emptyMs + 2 * watchMs + SIM_STOP_DELAY_MS + 1000;
    const context = await browser.newContext(VIEWPORTS.desktop);
    const watch = await watchContext(context, app.url);
    const meetingUrl = `${app.url}${LINK}`; // canonical: the meeting is the link itself

    // Act 1: join, and stay longer than the empty-room window.
    const first = await context.newPage();
    await first.goto(`${app.url}${LINK}`);
    await first.locator('#room').waitFor({ timeout: 20_000 });
    await waitFor('the meeting page to count as a participant', 10_000, async () => (app!.jitsi.stats().participants === 1 ? true : undefined));
    await sleep(emptyMs + 2 * watchMs);
    const whileOpen = await apiStatus(app);
    const callsWhileOpen = app.group!.calls.map((c) => c.op);

    // Act 2: close the tab, as a participant does.
    const closedAt = Date.now();
    await first.close({ runBeforeUnload: true });
    const participantsAfterClose = await waitFor('the leave beacon', 3000, async () => (app!.jitsi.stats().participants === 0 ? 0 : undefined));
    await waitFor('the group to fall asleep', asleepDeadlineMs + 10_000, async () => ((await apiStatus(app!)).phase === 'asleep' ? true : undefined), 200);
    const closeToAsleepMs = Date.now() - closedAt;
    const stop = idle.decisions.find((d) => 'decision' in d && d.decision.action === 'stop');

    // Act 3: the same link again.
    const second = await context.newPage();
    const reopenedAt = Date.now();
    await second.goto(`${app.url}${LINK}`);
    await second.locator('#room').waitFor({ timeout: 20_000 });
    const reopenToMeetingMs = Date.now() - reopenedAt;
    const secondVisit = watch.snapshots.filter((s) => s.at >= reopenedAt).map((s) => `${s.phase}(${s.step})`);
    await context.close();

    console.log(`idle cycle: meeting closed → asleep in ${closeToAsleepMs} ms (deadline ${asleepDeadlineMs} ms); ` +
      `stop decision: ${stop && 'decision' in stop ? stop.decision.reason : 'none'}; reopened → meeting in ${reopenToMeetingMs} ms; second visit: ${[...new Set(secondVisit)].join(' → ')}`);

    // Assert
    expect(whileOpen.phase).toBe('ready');
    expect(callsWhileOpen).toEqual(['wake', 'wake']);
    expect(participantsAfterClose).toBe(0);
    expect(closeToAsleepMs).toBeLessThanOrEqual(asleepDeadlineMs);
    expect(stop && 'decision' in stop ? stop.decision.reason : '').toMatch(/last participant left/);
    expect(app.group!.calls.map((c) => c.op)).toEqual(['wake', 'wake', 'sleep', 'sleep', 'wake', 'wake']);
    expect(secondVisit[0]).toBe('asleep(asleep)');
    expect(secondVisit.at(-1)).toBe('ready(ready)');
    expect(second.url()).toBe(meetingUrl);
    expect(watch.problems()).toEqual([]);
  });
});
