import type { Browser } from 'playwright-core';
import { launchChromium, VIEWPORTS } from './support/browser.js';
import { apiStatus, groupDesired, sleep, startApp, waitFor, type App } from './support/local-app.js';
import { watchContext } from './support/page-watch.js';

const ROOM = 'board-meeting';
const PREVIEWERS = ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'];

describe('link previewers, plain fetches and browsers without JavaScript leave the group asleep', () => {
  let browser: Browser;
  let app: App | undefined;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => { await app?.close(); app = undefined; });

  it('none of them wakes it; a real browser with JavaScript then does (the check can see a wake)', async () => {
    // Arrange
    app = await startApp();
    const link = `${app.url}/${ROOM}?jwt=abc`;
    const pollMs = app.config.pollIntervalSeconds * 1000;

    // Act 1: server-side fetches, as unfurlers and scanners do (GET and HEAD; none runs scripts).
    const previews = await Promise.all(PREVIEWERS.map(async (ua) => {
      const res = await fetch(link, { headers: { 'user-agent': ua } });
      return { ua, status: res.status, html: await res.text() };
    }));
    const plain = await fetch(link);
    const plainHtml = await plain.text();
    const head = await fetch(link, { method: 'HEAD' });

    // Act 2: browsers that load the page but must not wake anything.
    const noJs = await browser.newContext({ ...VIEWPORTS.desktop, javaScriptEnabled: false });
    const previewerJs = await browser.newContext({ ...VIEWPORTS.desktop, userAgent: PREVIEWERS[0] });
    const noJsWatch = await watchContext(noJs, app.url);
    const previewerWatch = await watchContext(previewerJs, app.url);
    const noJsPage = await noJs.newPage();
    const previewerPage = await previewerJs.newPage();
    await noJsPage.goto(link);
    await previewerPage.goto(link);
    // A page whose script ran would have POSTed /_stz/wake at least three times by now.
    await sleep(3 * pollMs + 500);
    // Proof that scripts really were off: the page's script marks <body data-phase> the moment it runs. (The
    // <noscript> hint is not asserted: CDP's script switch does not make Chromium render <noscript>.)
    const noJsPhase = await noJsPage.locator('body').getAttribute('data-phase');
    const noJsHeading = await noJsPage.locator('h1').textContent();
    const previewerHeading = await previewerPage.locator('h1').textContent();
    const statusAfter = await apiStatus(app);
    const desiredAfter = await groupDesired(app);
    const callsAfter = [...(app.group?.calls ?? [])];
    await noJs.close();
    await previewerJs.close();

    // Act 3 (control): the same link in an ordinary browser wakes the group within about one poll.
    const control = await browser.newContext(VIEWPORTS.desktop);
    const controlPage = await control.newPage();
    await controlPage.goto(link);
    const wokeAfterMs = await waitFor('the control browser to wake the group', 3 * pollMs, async () => ((app?.group?.calls.length ?? 0) > 0 ? Date.now() : undefined));
    await control.close();

    // Assert
    for (const p of previews) {
      expect({ ua: p.ua, status: p.status, script: p.html.includes('<script') }).toEqual({ ua: p.ua, status: 200, script: false });
      expect(p.html).toContain(ROOM);
    }
    expect(plain.status).toBe(200);
    expect(plainHtml).toContain('id="cfg"'); // a browser would get the script; fetch simply never runs it
    expect(head.status).toBe(200);
    expect(noJsPhase).toBeNull();
    expect(noJsHeading).toBeTruthy();
    expect(previewerHeading).toBe('Meeting link');
    for (const watch of [noJsWatch, previewerWatch]) {
      expect(watch.requests.filter((u) => u.includes('/_stz/') || u.includes('/api/'))).toEqual([]);
      expect(watch.problems()).toEqual([]);
    }
    expect(callsAfter).toEqual([]);
    expect(desiredAfter).toEqual([0, 0]);
    expect(statusAfter.phase).toBe('asleep');
    expect(wokeAfterMs).toBeGreaterThan(0);
    expect(app.group?.calls.map((c) => c.op)).toEqual(['wake', 'wake']);
  });
});
