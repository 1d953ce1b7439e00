import { startLocalApp } from '../../../local/app.js';

export type App = Awaited<ReturnType<typeof startLocalApp>>;

/** Short simulated start so a run takes seconds; the page polls every second. */
export const E2E_ENV = { SIM_START_DELAY_SECONDS: '6', POLL_INTERVAL_SECONDS: '1' };

/** The same server, wake handler and simulated group `npm start` runs, in-process on a free port. */
export function startApp(env: Record<string, string> = {}): Promise<App> {
  return startLocalApp({ port: 0, quiet: true, env: { ...E2E_ENV, ...env } });
}

export async function apiStatus(app: App): Promise<{ phase: string; message: string }> {
  const res = await fetch(`${app.url}/_stz/status`, { headers: { 'user-agent': 'e2e-status-check' } });
  return (await res.json()) as { phase: string; message: string };
}

/** What the simulated group itself says, independent of the controller's cached view. */
export async function groupDesired(app: App): Promise<number[]> {
  if (!app.group) throw new Error('the e2e suite needs the simulated backend');
  return (await app.group.describe()).map((m) => m.desired);
}

export const startDelayMs = () => Number(E2E_ENV.SIM_START_DELAY_SECONDS) * 1000;

/**
 * The deadline, from the click to the meeting on screen: the simulated start delay plus one poll
 * interval (the page notices readiness on its next poll; polls are jittered by up to +20 %), plus an allowance
 * for the readiness probe, plus 1 s to join (canonical: a HEAD of the link, then the reload). Once the tasks run, the
 * controller still wants READY_PROBE_SUCCESSES consecutive probes at least READY_PROBE_INTERVAL_SECONDS
 * apart; a probe only runs inside a status call (the page's poll, or local mode's once-a-second monitor), and
 * the first one may see a describe up to STATUS_CACHE_MS old. So: successes × interval + cache age.
 */
const JOIN_ALLOWANCE_MS = 1000;

export function redirectDeadlineMs(app: App): { deadlineMs: number; explain: string } {
  const pollMs = app.config.pollIntervalSeconds * 1000;
  const { probeSuccessesRequired, probeIntervalMs, statusCacheMs } = app.config.controller;
  const probeMs = probeSuccessesRequired * probeIntervalMs + statusCacheMs;
  return {
    deadlineMs: startDelayMs() + pollMs * 1.2 + probeMs + JOIN_ALLOWANCE_MS,
    explain: `start ${startDelayMs()} ms + poll ${pollMs * 1.2} ms + join ${JOIN_ALLOWANCE_MS} ms + probe allowance ${probeMs} ms (${probeSuccessesRequired} × ${probeIntervalMs} ms + ${statusCacheMs} ms status cache)`,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
