import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { WAKE_PHASE_WORDS } from '../../functions/wake/wake-words.js';
import { PAGE_TEXT } from '../../functions/wake/visitor-text.js';
import { WAKE_PHASES } from '../../shared/domain/wake-timeline.js';
import { launchChromium, screenshotDir } from './support/browser.js';
import { startApp, type App } from './support/local-app.js';

/**
 * The waiting page in Chromium at every wake phase: the phase in plain words, the estimate in words, a calm
 * note once the wake runs past the estimate, and what to do once it runs past the wake timeout. Each phase
 * of the simulated group lasts 3 s, so every one is on screen for at least two 1 s polls.
 */
describe('waiting page through the wake phases (Chromium)', () => {
  let browser: Browser;
  let app: App | undefined;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => { await app?.close(); app = undefined; });

  it('names each phase in plain words, with the estimate, and says calmly when it runs past the estimate', async () => {
    app = await startApp({
      SIM_PROVISION_SECONDS: '3', SIM_PULL_SECONDS: '3', SIM_START_SECONDS: '3', SIM_HEALTH_SECONDS: '3', SIM_LB_SECONDS: '3',
      // The estimate (no recorded wakes yet: the configured value) is shorter than this start on purpose.
      EXPECTED_WAKE_SECONDS: '8', READY_PROBE_INTERVAL_SECONDS: '3', LINK_MODE: 'wake-url',
    });
    const page = await browser.newPage();
    await page.goto(`${app.url}/phase-walk`);

    await page.locator('#left', { hasText: 'usually about 10 s' }).or(page.locator('#left', { hasText: 'left' })).first().waitFor();
    const seen: string[] = [];
    for (const phase of WAKE_PHASES.slice(0, 5)) {
      await page.locator('#detail', { hasText: WAKE_PHASE_WORDS[phase] }).waitFor({ timeout: 20_000 });
      seen.push(phase);
      await page.screenshot({ path: join(screenshotDir(), `wake-phase-${seen.length}-${phase}.png`), fullPage: true });
    }
    await page.locator('#left', { hasText: PAGE_TEXT.late }).waitFor({ timeout: 20_000 });
    const help = await page.locator('#help').isHidden();
    await page.waitForURL(`${app.url}/_meet/phase-walk`, { timeout: 30_000 });

    expect(seen).toEqual(['provisioning', 'image-pull', 'container-start', 'health-checks', 'load-balancer']);
    // Past the estimate is not an error: no "did not start" box, and the page went on into the meeting.
    expect(help).toBe(true);
  });

  it('past the wake timeout says what to do, and keeps trying', async () => {
    app = await startApp({ SIM_PROVISION_SECONDS: '1', SIM_PULL_SECONDS: '600', WAKE_TIMEOUT_SECONDS: '30', EXPECTED_WAKE_SECONDS: '10', LINK_MODE: 'wake-url' });
    const page = await browser.newPage();
    await page.goto(`${app.url}/slow-pull`);

    await page.locator('#detail', { hasText: WAKE_PHASE_WORDS['image-pull'] }).waitFor({ timeout: 20_000 });
    await page.locator('#help').waitFor({ state: 'visible', timeout: 45_000 });
    await page.screenshot({ path: join(screenshotDir(), 'wake-phase-timeout.png'), fullPage: true });
    const help = await page.locator('#help').innerText();

    expect(help).toMatch(/keeps trying/);
    expect(help).toMatch(/reload the page/);
    expect(await page.locator('body').getAttribute('data-phase')).toBe('error');
  });
});
