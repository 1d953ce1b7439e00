import { mkdirSync, writeFileSync } from 'node:fs';
import { FixedTaskSizes } from '../../shared/adapters/memory/usage-recorder.js';
import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import type { Env } from '../../shared/config/env-reader.js';
import type { UsageHistory } from '../../shared/domain/month-report.js';
import { main } from '../../local/ctl.js';
import { ctlRuntimeFromEnv, type CtlRuntime } from '../../local/ctl-runtime.js';

const SIM = { CONTROLLER_BACKEND: 'simulated', TIME_ZONE: 'Europe/Berlin' };

async function ctl(args: string[], env: Env = SIM, history?: UsageHistory, now = '2026-12-03T10:00:00Z') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    env, out: (t) => out.push(t), err: (t) => err.push(t),
    runtime: (e) => {
      const rt: CtlRuntime = ctlRuntimeFromEnv(e, new ManualClock(Date.parse(now)));
      if (!history) return rt;
      const base = rt.report;
      return { ...rt, report: () => { const r = base(); return { ...r, deps: { ...r.deps, sizes: new FixedTaskSizes(), history: { read: async () => history } } }; } };
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A fixture November: 18 meetings of about 2 h on weekdays, both members awake together. */
function fixtureNovember(): UsageHistory {
  const days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25];
  const at = (d: number, h: number, m = 0) => new Date(Date.UTC(2026, 10, d, h, m));
  return {
    taskMinutes: days.flatMap((d) => ['local/jitsi-web', 'local/jitsi-jvb'].map((member) => ({ member, at: at(d, 8), minutes: 125 }))),
    wakes: days.map((d) => ({ at: at(d, 7, 55), count: 1 })),
    stops: days.map((d, i) => ({ at: at(d, 10), reason: i === 17 ? 'nightly' as const : i % 6 === 5 ? 'nobody-joined' as const : 'last-left' as const, count: 1 })),
    wakeToReadySeconds: days.map((d, i) => ({ at: at(d, 7, 57), seconds: [58, 61, 63, 59, 71, 66, 60, 62, 95, 64][i % 10]! })),
  };
}

describe('ctl report', () => {
  it('an empty month says so (simulated backend, nothing recorded)', async () => {
    const res = await ctl(['report', '--month', '2026-11']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Jitsi scale-to-zero report 2026-11 \(Europe\/Berlin\), 2026-10-31T23:00Z – 2026-11-30T23:00Z: 720\.0 h\n {2}no data for 2026-11/);
  });

  it('a fixture month: text for people and the same figures as JSON', async () => {
    const text = await ctl(['report', '--month', '2026-11'], SIM, fixtureNovember());
    expect(text.out).toContain('wakes: 18   stops: 2 nobody joined, 15 last left, 1 nightly, 0 manual, 0 forced');
    expect(text.out).toContain('wake to ready: p50 62 s, p90 71 s (18 samples)');
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/fixture-report.txt', `${text.out}\n`);
    const json = JSON.parse((await ctl(['--json', 'report', '--month', '2026-11'], SIM, fixtureNovember())).out) as Record<string, unknown>;
    expect(json).toMatchObject({ month: '2026-11', awakeHours: 37.5, wakes: 18, fargateCost: 14.811, exitCode: 0 });
  });

  it.each([
    [['report', '--month', '2026-13'], 2, /--month must look like 2026-11/],
    [['report', '--month'], 2, /report takes \[--month YYYY-MM\]/],
    [['report', '--month', '2027-01'], 2, /2027-01 has not begun yet \(Europe\/Berlin\)/],
  ])('%j → exit %d with a clear message', async (args, code, message) => {
    const res = await ctl(args);
    expect(res.code).toBe(code);
    expect(res.err).toMatch(message);
  });

  it('price overrides must come as a pair', async () => {
    const res = await ctl(['report'], { ...SIM, REPORT_VCPU_HOUR: '0.05' });
    expect(res).toMatchObject({ code: 2, err: 'Invalid configuration: REPORT_VCPU_HOUR and REPORT_GB_HOUR go together: set both or neither' });
  });
});
