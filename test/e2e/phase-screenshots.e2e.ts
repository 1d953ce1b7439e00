import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium, screenshotDir, VIEWPORTS, type ViewportName } from './support/browser.js';
import { startApp, startDelayMs, waitFor, type App } from './support/local-app.js';
import { watchContext } from './support/page-watch.js';

const ROOM = 'design-review';

/** A route handler that parks the first matching request until the test lets it go. */
function holdFirst(page: Page, pattern: string) {
  let release: (route: Route) => void = () => undefined;
  const held = new Promise<Route>((resolve) => { release = resolve; });
  void page.route(pattern, (route) => release(route), { times: 1 });
  return held;
}

/** Parks the second navigation to `path` (the page's own reload into the meeting); lets everything else pass. */
function holdReload(page: Page, path: string) {
  let release: (route: Route) => void = () => undefined;
  const held = new Promise<Route>((resolve) => { release = resolve; });
  let navigations = 0;
  void page.route((url) => url.pathname === path, (route) => {
    if (route.request().isNavigationRequest() && ++navigations === 2) return release(route);
    return route.continue();
  });
  return held;
}

/**
 * Walks one viewport through every phase and photographs each. Two requests are held briefly, only for the
 * photos (this test asserts no timing): the first wake POST, so the "asleep" state stays on screen (a real
 * visitor sees it for a few milliseconds), and the page's reload into the meeting, so the "ready" state does too.
 */
async function photographPhases(browser: Browser, app: App, viewport: ViewportName) {
  const dir = screenshotDir();
  const context = await browser.newContext(VIEWPORTS[viewport]);
  const watch = await watchContext(context, app.url);
  const page = await context.newPage();
  const wake = holdFirst(page, '**/_stz/wake');
  const meeting = holdReload(page, `/${ROOM}`);
  const shots: Record<string, { file: string; heading: string; elapsed: string }> = {};
  const shoot = async (name: string) => {
    const file = join(dir, `${viewport}-${Object.keys(shots).length + 1}-${name}.png`);
    if (name === 'ready') {
      // While the redirect is held, page.screenshot and page.evaluate wait for a frame and a navigation that
      // are parked on purpose; CDP's capture takes the document on screen, and the heading comes from the probe.
      // The session is not detached (detach also waits for the parked navigation); closing the context ends it.
      const cdp = await page.context().newCDPSession(page);
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
      writeFileSync(file, Buffer.from(data, 'base64'));
      shots[name] = { file, heading: watch.snapshots.at(-1)?.heading ?? '', elapsed: '' };
      return;
    }
    await page.screenshot({ path: file, fullPage: true });
    const [heading = '', elapsed = ''] = await page.evaluate(() => [document.querySelector('h1')?.textContent ?? '', document.getElementById('elapsed')?.textContent ?? '']);
    shots[name] = { file, heading, elapsed };
  };

  await page.goto(`${app.url}/${ROOM}?jwt=abc#config.startWithAudioMuted=true`);
  const heldWake = await wake;
  await page.locator('body[data-phase=asleep] #step-asleep[data-state=now]').waitFor();
  await shoot('asleep');
  await heldWake.continue();
  await page.locator('#step-starting[data-state=now]').waitFor();
  await shoot('starting');
  await page.locator('#step-checking[data-state=now]').waitFor({ timeout: startDelayMs() + 10_000 });
  await shoot('checking');
  const heldMeeting = await meeting;
  await waitFor('the ready state', 5_000, async () => (watch.snapshots.some((s) => s.phase === 'ready' && s.step === 'ready') ? true : undefined));
  await shoot('ready');
  await heldMeeting.continue();
  await page.locator('#room').waitFor();
  if (page.url() !== `${app.url}/${ROOM}?jwt=abc#config.startWithAudioMuted=true`) throw new Error(`the meeting is at ${page.url()}, not the link`);
  await shoot('meeting');
  await context.close();
  return { shots, watch };
}

describe('screenshots of every waiting-page phase, phone and desktop (test-output/screenshots/)', () => {
  let browser: Browser;
  let app: App | undefined;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => { await app?.close(); app = undefined; });

  it('asleep → starting → checking → ready → meeting, each photographed at 360×640 and 1280×800', async () => {
    // A 3 s probe interval keeps "checking" on screen for at least one 1 s poll.
    app = await startApp({ READY_PROBE_INTERVAL_SECONDS: '3' });
    const [phone, desktop] = await Promise.all([photographPhases(browser, app, 'phone'), photographPhases(browser, app, 'desktop')]);

    for (const [viewport, { shots, watch }] of Object.entries({ phone, desktop })) {
      console.log(`[${viewport}] ${Object.entries(shots).map(([name, s]) => `${name}: "${s.heading}" elapsed ${s.elapsed || '-'} → ${s.file}`).join('\n  ')}`);
      expect(Object.keys(shots)).toEqual(['asleep', 'starting', 'checking', 'ready', 'meeting']);
      for (const { file } of Object.values(shots)) expect(statSync(file).size).toBeGreaterThan(5_000);
      // The heading follows the phase, and the page's clock counted the start delay while it waited.
      expect(new Set([shots.asleep!.heading, shots.starting!.heading, shots.ready!.heading, shots.meeting!.heading]).size).toBe(4);
      const [minutes, seconds] = shots.checking!.elapsed.split(':').map(Number);
      expect(minutes! * 60 + seconds!).toBeGreaterThanOrEqual(startDelayMs() / 1000 - 1);
      expect(watch.problems()).toEqual([]);
    }
  });
});
