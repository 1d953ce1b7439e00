import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotDir, VIEWPORTS, type ViewportName } from './support/browser.js';
import { startApp, type App } from './support/local-app.js';
import { watchContext } from './support/page-watch.js';

// axe is evaluated over CDP (page.evaluate) rather than added as a <script> tag: the page's CSP allows only
// its own script by hash and would block an injected tag. CDP evaluation is not subject to the CSP, so the
// page is audited exactly as served, CSP on (no bypassCSP), and the CSP watch stays meaningful here too.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const KEY_ELEMENTS = ['#phase', '.room', '#step-asleep', '#step-starting', '#step-checking', '#step-ready', '.bar', '#elapsed', '#left', '#detail'];

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }

/** axe's violations, and the ids of the rules that passed (proof that it really audited the page). */
async function runAxe(page: Page): Promise<{ violations: AxeViolation[]; passed: string[] }> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: AxeViolation[]; passes: Array<{ id: string }> };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    const { violations, passes } = await axe.run(document, { resultTypes: ['violations'] });
    return {
      violations: violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
      passed: passes.map((p) => p.id),
    };
  });
}

/** Layout facts at this viewport: horizontal overflow, and where each key element sits. */
function layoutFacts(page: Page) {
  return page.evaluate((selectors) => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
    innerHeight,
    background: getComputedStyle(document.body).backgroundColor,
    /** Screen readers learn the current step from aria-current, not from the colours. */
    current: Array.from(document.querySelectorAll('[aria-current]'), (e) => `${e.id}=${e.getAttribute('aria-current')}`),
    spinner: getComputedStyle(document.querySelector('li[data-state=now]')!, '::before').animationName,
    boxes: selectors.map((s) => {
      const r = document.querySelector(s)!.getBoundingClientRect();
      return { selector: s, left: r.left, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    }),
  }), KEY_ELEMENTS);
}

const luminance = (rgb: string) => {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('waiting page accessibility and layout in Chromium (axe-core, phone and desktop, media features)', () => {
  let browser: Browser;
  let app: App;
  // A long simulated start keeps the page in its "starting" step for the whole audit.
  beforeAll(async () => { browser = await launchChromium(); app = await startApp({ SIM_START_DELAY_SECONDS: '120' }); });
  afterAll(async () => { await app?.close(); await browser?.close(); });

  it.each<ViewportName>(['phone', 'desktop'])('%s: no serious or critical axe violation in light or dark, no overflow, key elements on screen, media features honoured', async (viewport) => {
    const seen: Record<string, { background: string; spinner: string }> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      // Arrange
      const context = await browser.newContext({ ...VIEWPORTS[viewport], colorScheme, reducedMotion: 'no-preference' });
      const watch = await watchContext(context, app.url);
      const page = await context.newPage();
      await page.goto(`${app.url}/a11y-check?jwt=abc`);
      await page.locator('#step-starting[data-state=now]').waitFor();

      // Act
      const { violations, passed } = await runAxe(page);
      await page.screenshot({ path: join(screenshotDir(), `${viewport}-starting-${colorScheme}.png`), fullPage: true });
      const facts = await layoutFacts(page);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const reduced = await layoutFacts(page);
      await context.close();
      seen[colorScheme] = { background: facts.background, spinner: facts.spinner };
      console.log(`[${viewport} ${colorScheme}] axe: ${passed.length} rules passed, ${violations.length === 0 ? 'no violations' : violations.map((v) => `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`).join('; ')}` +
        `; scrollWidth ${facts.scrollWidth}/${facts.innerWidth}; background ${facts.background}; spinner ${facts.spinner} → ${reduced.spinner} under reduce`);

      // Assert
      expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'html-has-lang', 'document-title', 'list']));
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
      for (const box of facts.boxes) {
        expect({ ...box, visible: box.width > 0 && box.height > 0, inside: box.left >= 0 && box.right <= facts.innerWidth }).toMatchObject({ visible: true, inside: true });
      }
      // The progress (steps, bar, clock) is on the first screen, without scrolling, even on the phone.
      expect(facts.boxes.find((b) => b.selector === '#elapsed')!.bottom).toBeLessThanOrEqual(facts.innerHeight);
      expect(facts.current).toEqual(['step-starting=step']);
      expect(facts.spinner).toBe('spin');
      expect(reduced.spinner).toBe('none');
      expect(watch.problems()).toEqual([]);
    }
    expect(seen.dark!.background).not.toBe(seen.light!.background);
    expect(luminance(seen.dark!.background)).toBeLessThan(luminance(seen.light!.background));
  });
});
