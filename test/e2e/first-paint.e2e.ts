import type { Browser, Page } from 'playwright-core';
import { waitingPage } from '../../functions/wake/page.js';
import { WAKE_PHASE_WORDS } from '../../functions/wake/wake-words.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { launchChromium } from './support/browser.js';

const ORIGIN = 'http://stz.test';
const NOW = '2026-11-29T10:00:00Z';

/**
 * What the page shows before its first poll answers: the server's own words for the status it rendered with,
 * not the script's per-phase fallback. Served from a routed origin whose API never answers, so only the first
 * paint (HTML plus the script's render of the embedded status) is on screen.
 */
describe('waiting page first paint (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });

  async function firstPaint(status: GroupStatus): Promise<{ page: Page; title: string; detail: string; helpHidden: boolean; phase: string | null }> {
    const html = waitingPage({ room: 'first-paint', join: { kind: 'reload' }, status, wake: true, pollIntervalSeconds: 2, expectedWakeSeconds: 100 });
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, async (route) => {
      if (new URL(route.request().url()).pathname === '/first-paint') await route.fulfill({ status: 200, contentType: 'text/html', body: html });
      // API requests stay unanswered: the page keeps what it painted first.
    });
    await page.goto(`${ORIGIN}/first-paint`);
    await page.waitForFunction(() => document.body.hasAttribute('data-phase'));
    return {
      page,
      title: (await page.locator('#phase').textContent()) ?? '',
      detail: (await page.locator('#detail').textContent()) ?? '',
      helpHidden: await page.locator('#help').isHidden(),
      phase: await page.locator('body').getAttribute('data-phase'),
    };
  }

  it('a status read that failed retryably (cold container, slow AWS) is "checking", not "needs an administrator"', async () => {
    const shown = await firstPaint({ phase: 'error', message: 'Checking the meeting service…', members: [], retryable: true, checkedAt: NOW });
    await shown.page.close();

    expect(shown.phase).toBe('error');
    expect(shown.title).toBe('Checking the meeting service…');
    expect(shown.detail).toBe('The cloud provider is busy; trying again…');
    expect(shown.helpHidden).toBe(true);
  });

  it('a wake under way keeps the wake phase the server named', async () => {
    const shown = await firstPaint({
      phase: 'waking', message: 'Starting', retryable: true, checkedAt: NOW, wakeStartedAt: NOW, elapsedSeconds: 20,
      members: [{ id: 'c/jitsi', desired: 1, running: 0, pending: 1, health: 'UNKNOWN' }],
      timeline: { requestedAt: NOW, current: 'image-pull', phases: [] },
    });
    await shown.page.close();

    expect(shown.phase).toBe('waking');
    expect(shown.detail).toBe(WAKE_PHASE_WORDS['image-pull']);
    expect(shown.helpHidden).toBe(true);
  });
});
