import './quiet.js';
import { startLocalApp } from '../local/app.js';
import { round } from './stats.js';

/**
 * Click to meeting on the canonical link of the local runtime (it plays CloudFront) with its configured
 * windows: a client that behaves like the waiting page (GET the link, POST /_stz/wake every poll interval,
 * then HEAD the link and load it again) until the link answers with the meeting itself.
 */
export async function clickToMeeting(env: Record<string, string> = {}) {
  const app = await startLocalApp({ port: 0, quiet: true, env: { ...process.env, ...env } });
  try {
    const pollMs = app.config.pollIntervalSeconds * 1000;
    const t0 = performance.now();
    const link = `${app.url}/bench-room?jwt=x`;
    const page = await fetch(link, { redirect: 'manual' });
    if (page.status !== 200 || page.headers.get('x-stz-controller') !== '1') throw new Error(`the link did not fail over to the waiting page (${page.status})`);
    await page.text();
    let polls = 0;
    for (;;) {
      polls += 1;
      const res = await fetch(`${app.url}/_stz/wake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const status = (await res.json()) as { phase: string };
      if (status.phase === 'ready') break;
      if (performance.now() - t0 > 10 * 60_000) throw new Error('not ready within 10 minutes');
      await new Promise((r) => setTimeout(r, pollMs));
    }
    const check = await fetch(link, { method: 'HEAD' });
    const meeting = await fetch(link, { redirect: 'manual' });
    const html = await meeting.text();
    if (check.headers.get('x-stz-controller') || meeting.headers.get('x-stz-controller') || !html.includes('Simulated Jitsi meeting')) {
      throw new Error(`the link still is not the meeting once ready (${meeting.status})`);
    }
    const seconds = round((performance.now() - t0) / 1000, 2);
    const leave = await lastLeaveToZero(app.url, () => app.group!.describe());
    return {
      clickToMeetingSeconds: seconds,
      polls,
      meetingStatus: meeting.status,
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
