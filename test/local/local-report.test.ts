import { writeFileSync, mkdirSync } from 'node:fs';
import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import type { MonthReport } from '../../shared/domain/month-report.js';
import type { startLocalApp as StartLocalApp } from '../../local/app.js';

let startLocalApp: typeof StartLocalApp;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  ({ startLocalApp } = await import('../../local/app.js'));
});

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('local mode: the report of the session so far', () => {
  it('one meeting woken, held for 2.5 minutes, then left: one wake, one "last left" stop, task-hours for both members', async () => {
    const clock = new ManualClock(Date.parse('2026-11-29T09:00:00Z'));
    const app = await startLocalApp({ port: 0, clock, quiet: true, env: { SIM_START_DELAY_SECONDS: '2', TIME_ZONE: 'Europe/Berlin' } });
    try {
      const idle = app.idle!;
      const period = async (page?: string) => {
        clock.advance(idle.config.watchIntervalMs);
        if (page) await post(`${app.url}/_meet/_heartbeat`, { id: page, room: 'standup' });
        await idle.tick();
        await app.controller.status();
      };
      expect((await post(`${app.url}/_stz/wake`, { room: 'standup' })).status).toBe(200);
      clock.advance(2500);
      for (let i = 0; i < 30; i += 1) await period('page-1');
      await post(`${app.url}/_meet/_leave`, { id: 'page-1' });
      for (let i = 0; i < 10; i += 1) await period();
      expect((await app.group!.describe()).map((m) => m.desired)).toEqual([0, 0]);

      const res = await fetch(`${app.url}/_local/report`, { headers: { accept: 'application/json' } });
      const report = (await res.json()) as MonthReport;
      expect(report).toMatchObject({ month: '2026-11', timeZone: 'Europe/Berlin', partial: true, empty: false, wakes: 1, stops: { 'last-left': 1, 'nobody-joined': 0 } });
      expect(report.wakeToReady.count).toBe(1);
      // 30 + the periods until the stop, 5 s each, for each member.
      for (const m of report.members) expect(m.taskHours).toBeGreaterThan(150 / 3600);
      const text = await (await fetch(`${app.url}/_local/report`)).text();
      expect(text).toMatch(/^Jitsi scale-to-zero report 2026-11 \(Europe\/Berlin\)/);
      expect(text).toMatch(/wakes: 1 {3}stops: 0 nobody joined, 1 last left/);
      mkdirSync('test-output', { recursive: true });
      writeFileSync('test-output/local-report.txt', text);
    } finally {
      await app.close();
    }
  }, 30_000);
});
