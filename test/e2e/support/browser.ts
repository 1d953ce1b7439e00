import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`), or whatever CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/**
 * Launches Chromium, or fails (never skips) with the command that installs it: a browser suite that quietly
 * passes without a browser proves nothing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. The browser tests need it: run \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH to a Chromium binary.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export type ViewportName = 'phone' | 'desktop';

/** A 360×640 phone (mobile viewport meta honoured, touch) and a 1280×800 desktop. */
export const VIEWPORTS: Record<ViewportName, BrowserContextOptions> = {
  phone: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 } },
};

/** Git-ignored (.gitignore lists test-output/). */
export function screenshotDir(): string {
  const dir = join(process.cwd(), 'test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
