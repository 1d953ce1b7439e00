import type { Browser } from 'playwright-core';
import { launchChromium, VIEWPORTS, type ViewportName } from './support/browser.js';
import { apiStatus, groupDesired, redirectDeadlineMs, startApp, startDelayMs, type App } from './support/local-app.js';
import { mainFrameNavigations, STEP_ORDER, watchContext } from './support/page-watch.js';

const ROOM = 'Team-Standup_42';
const LINK_SUFFIX = `/${ROOM}?jwt=abc#config.startWithAudioMuted=true`;

type Case = [ViewportName, 'canonical' | 'wake-url'];

describe('meeting link in Chromium: waiting page → meeting (npm start\'s server and simulated group)', () => {
  let browser: Browser;
  let app: App | undefined;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => { await app?.close(); app = undefined; });

  it.each<Case>([['desktop', 'canonical'], ['phone', 'canonical'], ['desktop', 'wake-url']])('%s, LINK_MODE=%s: wakes the group and lands on the meeting with room, query and fragment intact, in time', async (viewport, mode) => {
    // Arrange
    app = await startApp({ LINK_MODE: mode });
    const { deadlineMs, explain } = redirectDeadlineMs(app);
    const before = await apiStatus(app);
    const context = await browser.newContext(VIEWPORTS[viewport]);
    const watch = await watchContext(context, app.url);
    const page = await context.newPage();
    // canonical: the meeting is the link itself (the page reloads it); wake-url: the page goes to MEETING_BASE_URL.
    const linkUrl = `${app.url}${LINK_SUFFIX}`;
    const meetingUrl = mode === 'canonical' ? linkUrl : `${app.url}/_meet${LINK_SUFFIX}`;
    const navigations = mainFrameNavigations(page);

    // Act: "click" the link, then wait until the simulated meeting has replaced the waiting page.
    const clickedAt = performance.now();
    const clickedAtEpoch = Date.now();
    const response = await page.goto(linkUrl, { waitUntil: 'commit' });
    await page.locator('#room').waitFor({ timeout: deadlineMs + 10_000 });
    const clickToMeetingMs = Math.round(performance.now() - clickedAt);
    const meetingRoom = await page.locator('#room').textContent();
    const where = await page.evaluate(() => ({ path: location.pathname, search: location.search, hash: location.hash }));
    const after = await apiStatus(app);
    const desired = await groupDesired(app);
    const sequence = watch.sequence();
    const wakePosts = watch.requests.filter((u) => u === `${app!.url}/_stz/wake`).length;
    await context.close();

    console.log([
      `[${viewport} ${mode}] click-to-meeting ${clickToMeetingMs} ms (deadline ${deadlineMs} ms = ${explain})`,
      `[${viewport}] phases: ${sequence.join(' → ')}`,
      ...watch.snapshots.map((s) => `  +${s.at - clickedAtEpoch} ms  ${s.phase.padEnd(7)} ${s.states}`),
    ].join('\n'));

    // Assert
    expect(before.phase).toBe('asleep');
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(meetingUrl);
    expect(meetingRoom).toBe(ROOM);
    expect(where).toEqual({ path: `/${ROOM}`.replace(/^/, mode === 'canonical' ? '' : '/_meet'), search: '?jwt=abc', hash: '#config.startWithAudioMuted=true' });
    // The page never went anywhere but the meeting URL (canonical: the very link, loaded twice).
    expect([...new Set(navigations)]).toEqual(mode === 'canonical' ? [linkUrl] : [linkUrl, meetingUrl]);
    expect(clickToMeetingMs).toBeLessThanOrEqual(deadlineMs);
    // Not faster than the simulated start either: that would mean it joined without waiting for the wake.
    expect(clickToMeetingMs).toBeGreaterThanOrEqual(startDelayMs());
    expect(sequence[0]).toBe('asleep(asleep)');
    expect(sequence).toContain('waking(starting)');
    expect(sequence.at(-1)).toBe('ready(ready)');
    const steps = sequence.map((s) => STEP_ORDER.indexOf(/\((\w*)\)/.exec(s)![1]!));
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(wakePosts).toBeGreaterThanOrEqual(2); // the page re-asserts the wake while it polls
    expect(after.phase).toBe('ready');
    expect(desired).toEqual([1, 1]);
    expect(app.group?.calls.map((c) => `${c.op} ${c.member}`)).toEqual(['wake local/jitsi-web', 'wake local/jitsi-jvb']);
    expect(watch.problems()).toEqual([]);
  });
});
