import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../local/free-port.js';

/**
 * `npm start` as a person sees it: a forced nightly stop of a live meeting is a WARN in the functions' logs;
 * the terminal shows it as one timestamped line, never as a raw JSON log record.
 */
describe('npm start terminal output', () => {
  it('prints only timestamped lines, even for a forced stop of a live meeting', async () => {
    const port = await freePort();
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SIM_START_DELAY_SECONDS: '0', LOCAL_NIGHTLY_SECONDS: '5', POWER_DOWN_POLICY: 'force' };
    delete env.POWERTOOLS_LOG_LEVEL;
    const child = spawn(tsx, ['local/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const base = `http://127.0.0.1:${port}`;
    try {
      const seen = (text: string) => new Promise<void>((resolve) => {
        const check = () => { if (stdout.includes(text)) resolve(); };
        child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); check(); });
        check();
      });
      await seen('open http://localhost');
      await fetch(`${base}/_stz/wake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"room":"standup"}' });
      await seen('→ ready');
      // Someone is in the meeting (the simulated meeting page's heartbeat), then the nightly run forces a stop.
      const beat = () => fetch(`${base}/_meet/_heartbeat`, { method: 'POST', body: '{"id":"p1","room":"standup"}' });
      await beat();
      const heartbeat = setInterval(() => { void beat().catch(() => undefined); }, 1000);
      try {
        await seen('forced by policy');
      } finally {
        clearInterval(heartbeat);
      }
    } finally {
      child.kill('SIGTERM');
    }
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => !/^\[\d\d:\d\d:\d\d\.\d{3}\] /.test(l))).toEqual([]);
    // The forced stop comes once the stop grace after ready has passed (a re-check), never before it.
    expect(lines.some((l) => /(nightly power-down|power-down re-check \d+): stopped \(forced by policy\)/.test(l))).toBe(true);
  }, 60_000);
});
