import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium, VIEWPORTS } from './support/browser.js';
import { apiStatus, sleep, startApp, waitFor, type App } from './support/local-app.js';
import { mainFrameNavigations, watchContext } from './support/page-watch.js';

const ROOM = 'Team-Standup_42';
const LINK = `/${ROOM}?jwt=abc#config.startWithAudioMuted=true`;
const BROWSER_UA = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' };

/** What a person could read, at every change: heading, intro and the status line (reported over CDP, CSP-proof). */
async function recordTexts(context: BrowserContext) {
  const texts: Array<{ at: number; phase: string; intro: string; detail: string }> = [];
  await context.exposeBinding('__e2eText', (_source, t: { phase: string; intro: string; detail: string }) => {
    const last = texts.at(-1);
    if (!last || last.phase !== t.phase || last.intro !== t.intro || last.detail !== t.detail) texts.push({ at: Date.now(), ...t });
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __e2eText: (t: object) => void }).__e2eText;
    const read = () => {
      const detail = document.getElementById('detail');
      if (!detail) return;
      report({ phase: document.getElementById('phase')?.textContent ?? '', intro: document.getElementById('intro')?.textContent ?? '', detail: detail.textContent ?? '' });
    };
    new MutationObserver(read).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return texts;
}

/** Answers the first `answers.length` wake POSTs with the given canned responses, then lets them through. */
function cannedWakes(page: Page, answers: Array<{ status: number; headers: Record<string, string>; body: string }>) {
  const seen: number[] = [];
  void page.route('**/_stz/wake', async (route: Route) => {
    seen.push(Date.now());
    const answer = answers[seen.length - 1];
    if (answer) await route.fulfill(answer);
    else await route.continue();
  });
  return seen;
}

describe('canonical meeting link in Chromium: reloads, throttling, odd answers and the reload trap', () => {
  let browser: Browser;
  let app: App | undefined;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => { await app?.close(); app = undefined; });

  it('a reload while waking keeps the same experience: same URL, same wake, the clock keeps counting, then the meeting', async () => {
    app = await startApp();
    const context = await browser.newContext(VIEWPORTS.desktop);
    const watch = await watchContext(context, app.url);
    const page = await context.newPage();
    const link = `${app.url}${LINK}`;

    await page.goto(link);
    await page.locator('#step-starting[data-state=now]').waitFor();
    await sleep(2000);
    const before = { elapsed: await page.locator('#elapsed').textContent(), heading: await page.locator('h1').textContent() };
    await page.reload();
    await page.locator('body[data-phase=waking]').waitFor();
    const after = { url: page.url(), elapsed: await page.locator('#elapsed').textContent(), heading: await page.locator('h1').textContent() };
    await page.locator('#room').waitFor({ timeout: 20_000 });
    const landed = page.url();
    await context.close();

    const seconds = (t: string | null) => { const [m, s] = (t ?? '0:0').split(':').map(Number); return m! * 60 + s!; };
    expect(after.url).toBe(link);
    expect(after.heading).toBe(before.heading);
    expect(seconds(after.elapsed)).toBeGreaterThanOrEqual(seconds(before.elapsed));
    expect(seconds(after.elapsed)).toBeGreaterThanOrEqual(2);
    expect(landed).toBe(link);
    expect(app.group?.calls.map((c) => c.op)).toEqual(['wake', 'wake']);
    // The reload may cut one poll short; nothing else may go wrong.
    expect(watch.problems().filter((p) => !/^request failed or blocked: POST .*\/_stz\/wake: net::ERR_ABORTED$/.test(p))).toEqual([]);
  });

  it('on 429 with Retry-After the page waits at least that long, says so in words, never shows the JSON, and still joins', async () => {
    app = await startApp();
    const context = await browser.newContext(VIEWPORTS.phone);
    const texts = await recordTexts(context);
    const watch = await watchContext(context, app.url);
    const page = await context.newPage();
    const throttled = { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '3' }, body: '{"message":"Too Many Requests"}' };
    const wakes = cannedWakes(page, [throttled, throttled]);

    await page.goto(`${app.url}${LINK}`);
    await page.locator('#detail', { hasText: 'Many people are starting meetings right now' }).waitFor();
    await page.locator('#room').waitFor({ timeout: 30_000 });
    await context.close();

    const shown = texts.map((t) => `${t.phase} | ${t.intro} | ${t.detail}`);
    console.log(`429 back-off: wake POSTs at +${wakes.map((t) => t - wakes[0]!).join(' ms, +')} ms\n  ${shown.join('\n  ')}`);
    expect(wakes.length).toBeGreaterThanOrEqual(3);
    expect(wakes[1]! - wakes[0]!).toBeGreaterThanOrEqual(3000);
    expect(wakes[2]! - wakes[1]!).toBeGreaterThanOrEqual(3000);
    expect(shown.some((t) => /Many people are starting meetings right now; trying again in [3-4] s\./.test(t))).toBe(true);
    expect(shown.filter((t) => /[{}]|Too Many Requests|"message"/.test(t))).toEqual([]);
    expect(texts.filter((t) => t.detail.trim() === '' || t.phase.trim() === '')).toEqual([]);
    expect(app.group?.calls.map((c) => c.op)).toEqual(['wake', 'wake']);
    expect(watch.problems().filter((p) => !/status of 429/.test(p))).toEqual([]);
  });

  it('any other body (API Gateway\'s 500 JSON, an HTML 502, a 200 that is not a status) is a failed poll in words, never blank', async () => {
    app = await startApp();
    const context = await browser.newContext(VIEWPORTS.desktop);
    const texts = await recordTexts(context);
    const page = await context.newPage();
    const wakes = cannedWakes(page, [
      { status: 500, headers: { 'content-type': 'application/json' }, body: '{"message":"Internal Server Error"}' },
      { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{"unexpected":true}' },
      { status: 200, headers: { 'content-type': 'text/plain' }, body: '' },
    ]);

    await page.goto(`${app.url}${LINK}`);
    await page.locator('#room').waitFor({ timeout: 60_000 });
    await context.close();

    const shown = texts.map((t) => `${t.phase} | ${t.intro} | ${t.detail}`);
    expect(wakes.length).toBeGreaterThanOrEqual(5);
    expect(shown.some((t) => t.includes('The wake service is not answering properly right now; trying again in'))).toBe(true);
    expect(shown.filter((t) => /[{}<>]|Internal Server Error|Bad Gateway|unexpected|undefined/.test(t))).toEqual([]);
    expect(texts.filter((t) => t.detail.trim() === '' || t.phase.trim() === '' || t.intro.trim() === '')).toEqual([]);
  });

  it('told "ready" while the link still fails over (HEAD answers with our marker): no reload, it says the meeting does not open yet, and joins once it does', async () => {
    app = await startApp();
    const context = await browser.newContext(VIEWPORTS.desktop);
    const page = await context.newPage();
    const navigations = mainFrameNavigations(page);
    const heads: number[] = [];
    const stillFailingOver = async (route: Route) => {
      if (route.request().method() !== 'HEAD') return route.continue();
      heads.push(Date.now());
      return route.fulfill({ status: 200, headers: { 'x-stz-controller': '1', 'content-type': 'text/html' }, body: '' });
    };
    const theLink = (url: URL) => url.pathname === `/${ROOM}`;
    await page.route(theLink, stillFailingOver);

    await page.goto(`${app.url}${LINK}`);
    await page.locator('h1', { hasText: 'The meeting does not open yet' }).waitFor({ timeout: 30_000 });
    const helpShown = await page.locator('#help').isVisible();
    const navigationsWhileStuck = navigations.length;
    await page.unroute(theLink, stillFailingOver);
    await page.locator('#room').waitFor({ timeout: 60_000 });
    await context.close();

    expect(heads.length).toBeGreaterThanOrEqual(3);
    expect(helpShown).toBe(true);
    expect(navigationsWhileStuck).toBe(1);
    expect([...new Set(navigations)]).toEqual([`${app.url}${LINK}`]);
  });

  it('a reload that keeps landing on the failover page stops after 3 reloads for the same wake and offers "Try again" instead of looping', async () => {
    app = await startApp();
    // Our own failover page, as CloudFront would keep serving it if the origin flapped after "ready".
    const failover = await fetch(`${app.url}/${ROOM}?jwt=abc`, { headers: BROWSER_UA });
    const headers: Record<string, string> = {};
    failover.headers.forEach((value, name) => { headers[name] = value; });
    const failoverPage = { status: 200, headers, body: await failover.text() };
    await fetch(`${app.url}/_stz/wake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await waitFor('the group to be ready', 20_000, async () => ((await apiStatus(app!)).phase === 'ready' ? true : undefined), 250);
    const context = await browser.newContext(VIEWPORTS.desktop);
    const page = await context.newPage();
    const navigations = mainFrameNavigations(page);
    // The HEAD check says "the meeting" (as if the origin answered once), but every navigation gets the failover.
    await page.route((url) => url.pathname === `/${ROOM}`, (route) => (route.request().method() === 'HEAD'
      ? route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: '' })
      : route.fulfill(failoverPage)));

    await page.goto(`${app.url}${LINK}`);
    await page.locator('#retry').waitFor({ state: 'visible', timeout: 30_000 });
    const detail = await page.locator('#detail').textContent();
    const heading = await page.locator('h1').textContent();
    await sleep(3000);
    const afterWaiting = navigations.length;
    await page.locator('#retry').click();
    await waitFor('the retry reload', 5000, async () => (navigations.length > afterWaiting ? true : undefined));
    await context.close();

    expect(afterWaiting).toBe(4); // the visit itself and three reloads, then no more
    expect(heading).toBe('The meeting does not open yet');
    expect(detail).toBe('The meeting page did not open after 3 tries. Use “Try again”, or come back in a few minutes.');
    expect([...new Set(navigations)]).toEqual([`${app.url}${LINK}`]);
  });
});
