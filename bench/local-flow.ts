import './quiet.js';
import { startLocalApp } from '../local/app.js';
import { round } from './stats.js';

/**
 * Click to redirect on the local runtime with its configured windows: a client that behaves like the waiting
 * page (GET the link, POST /api/wake every poll interval) until the page would redirect.
 */
export async function clickToRedirect(env: Record<string, string> = {}) {
  const app = await startLocalApp({ port: 0, quiet: true, env: { ...process.env, ...env } });
  try {
    const pollMs = app.config.pollIntervalSeconds * 1000;
    const t0 = performance.now();
    const page = await fetch(`${app.url}/bench-room?jwt=x`, { redirect: 'manual' });
    if (page.status !== 200) throw new Error(`waiting page answered ${page.status}`);
    let polls = 0;
    for (;;) {
      polls += 1;
      const res = await fetch(`${app.url}/api/wake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const status = (await res.json()) as { phase: string };
      if (status.phase === 'ready') break;
      if (performance.now() - t0 > 10 * 60_000) throw new Error('no redirect within 10 minutes');
      await new Promise((r) => setTimeout(r, pollMs));
    }
    const again = await fetch(`${app.url}/bench-room?jwt=x`, { redirect: 'manual' });
    const seconds = round((performance.now() - t0) / 1000, 2);
    const leave = await lastLeaveToZero(app.url, () => app.group!.describe());
    return {
      clickToRedirectSeconds: seconds,
      polls,
      redirectStatus: again.status,
      startDelaySeconds: Number(env.SIM_START_DELAY_SECONDS ?? process.env.SIM_START_DELAY_SECONDS ?? 20),
      pollIntervalSeconds: app.config.pollIntervalSeconds,
      ...leave,
    };
  } finally {
    await app.close();
  }
}

/**
 * One participant joins (the meeting page's heartbeat), stays 30 s, then leaves (the page's leave beacon);
 * measured: leaving to zero running tasks, with the local idle windows (LOCAL_* variables).
 */
async function lastLeaveToZero(url: string, describe: () => Promise<Array<{ desired: number; running: number }>>) {
  const beat = (path: string) => fetch(`${url}/_meet/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'bench', room: 'bench-room' }) });
  const joinedAt = performance.now();
  while (performance.now() - joinedAt < 30_000) {
    await beat('_heartbeat');
    await new Promise((r) => setTimeout(r, 5000));
  }
  await beat('_leave');
  const leftAt = performance.now();
  for (;;) {
    const members = await describe();
    if (members.every((m) => m.desired === 0 && m.running === 0)) break;
    if (performance.now() - leftAt > 10 * 60_000) throw new Error('not back to zero within 10 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  return { lastLeaveToZeroSeconds: round((performance.now() - leftAt) / 1000, 2) };
}
